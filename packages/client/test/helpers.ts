import { inject } from "vitest";
import { type ClientInternals, createClientWith, type GongFlowsClient } from "../src/client.js";
import type { Limiter } from "../src/limiter/limiter.js";
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

/**
 * A clock that never really waits: sleepers wake in time order, one per event-loop turn, and the clock jumps to
 * each wake-up time. `sleeps` records every requested wait, so tests can assert backoff and Retry-After.
 */
export function virtualClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  const timers: { at: number; wake: () => void }[] = [];
  let pumping = false;
  const pump = () => {
    pumping = false;
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    if (timers.length > 0) schedule();
  };
  const schedule = () => {
    if (pumping) return;
    pumping = true;
    setImmediate(pump);
  };
  return {
    sleeps,
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        sleeps.push(ms);
        const timer = { at: now + Math.max(0, ms), wake: resolve };
        timers.push(timer);
        signal?.addEventListener(
          "abort",
          () => {
            timers.splice(timers.indexOf(timer), 1);
            reject(signal.reason);
          },
          { once: true },
        );
        schedule();
      }),
  };
}

/** A client wired to a virtual clock and fixed jitter; pacing off unless asked for. */
export type VirtualClock = ReturnType<typeof virtualClock>;

export function testClient<C extends Clock = VirtualClock>(
  options: Partial<GongFlowsClientOptions> = {},
  internals: Omit<ClientInternals, "clock"> & { clock?: C } = {},
): { client: GongFlowsClient; clock: C } {
  const clock = internals.clock ?? (virtualClock() as unknown as C);
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

/** The JSON body an injected `fetch` was given. */
export function sentBody(init?: RequestInit): { flowInstanceIds: string[]; unassignedByUserEmail?: string } {
  return JSON.parse(new TextDecoder().decode(init?.body as ArrayBuffer));
}

/** A `fetch` for which every id exists and is removed: each answer lists every id it was sent. */
export function listingFetch() {
  const bodies: ReturnType<typeof sentBody>[] = [];
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    const body = sentBody(init);
    bodies.push(body);
    return json(200, { unassignedFlowInstanceIds: body.flowInstanceIds });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, bodies };
}

/** A limiter that lets every start through, recording each caller's wait cap and each pause it is told of. */
export function recordingLimiter(onAcquire: () => void = () => {}) {
  const asked: number[] = [];
  const paused: number[] = [];
  const limiter: Limiter = {
    acquire: async ({ maxWaitMs }) => {
      asked.push(maxWaitMs);
      onAcquire();
      return { kind: "go" };
    },
    pause: async (ms) => {
      paused.push(ms);
    },
  };
  return { limiter, asked, paused };
}
