/** Error codes meaning the request never left this machine, so the server cannot have processed it. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_BAD_PORT",
]);

/** The most specific error code in a fetch failure's cause chain (undici wraps the socket error). */
export function connectionErrorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const { code, errors, cause, message } = current as {
      code?: unknown;
      errors?: unknown;
      cause?: unknown;
      message?: unknown;
    };
    if (typeof code === "string" && code !== "ERR_INVALID_ARG_TYPE") return code;
    // fetch refuses some ports (1, 25, …) before connecting, with no code.
    if (message === "bad port") return "ERR_BAD_PORT";
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return null;
}

/**
 * Certificate failures happen during the TLS handshake, before any byte of the HTTP request is written. Other TLS
 * errors (a bad record on a reused connection) may come after the request was sent, so they stay "maybe sent".
 */
const TLS_FAILURE = /^(?:ERR_TLS_CERT_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/** Whether a failed attempt may have reached the server (anything but a failure before sending). */
export function mayHaveBeenSent(code: string | null): boolean {
  return code === null || !(NOT_SENT_CODES.has(code) || TLS_FAILURE.test(code));
}
