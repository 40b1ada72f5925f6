/** What an observer of requests sees: never the credentials. */
export interface ObservedRequest {
  readonly method: string;
  readonly url: string;
  /** Request headers, with Authorization replaced by `[REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

/** Sees every attempt before it is sent, for debug logging. */
export type RequestObserver = (request: ObservedRequest) => void;
