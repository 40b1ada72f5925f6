import { inject } from "vitest";
import { type ClientInternals, createClientWith } from "../src/client.js";
import type { GongFlowsClientOptions } from "../src/options.js";
import type { Clock } from "../src/transport/clock.js";

export const PATH = "/v2/flows/prospects/unassign-flows-by-instance-id" as const;
export const KEY_PAIR = {
  accessKey: "test-access-key-1234",
  accessKeySecret: "test-secret-abcdefgh",
} as const;

/** Every request and response a client sent through it, for assertions; the real `fetch` does the work. */
export interface ObservedFetch {
  readonly fetch: typeof fetch;
  readonly requests: { url: string; method: string; headers: Headers; body: string }[];
  readonly responses: Response[];
}

export function observedFetch(inner: typeof fetch = globalThis.fetch): ObservedFetch {
  const requests: ObservedFetch["requests"] = [];
  const responses: Response[] = [];
  const wrapped = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.body === null ? "" : await request.clone().text();
    requests.push({ url: request.url, method: request.method, headers: request.headers, body });
    const response = await inner(request);
    responses.push(response.clone());
    return response;
  }) as typeof fetch;
  return { fetch: wrapped, requests, responses };
}

/** A clock that never really waits: sleeping moves its time forward, so tests can assert the waits. */
export function virtualClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(signal.reason);
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

/** A client wired to a virtual clock and fixed jitter; pacing off unless asked for. */
export function testClient(options: Partial<GongFlowsClientOptions> = {}, internals: ClientInternals = {}) {
  const clock = internals.clock ?? virtualClock();
  const client = createClientWith(
    { auth: KEY_PAIR, baseUrl: "http://127.0.0.1:9", requestsPerSecond: null, ...options },
    { clock, random: internals.random ?? (() => 0) },
  );
  return { client, clock };
}

export const prismUrl = (): string => inject("prismUrl");

/** A JSON response, as a scripted fetch returns it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}
