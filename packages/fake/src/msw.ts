/**
 * The stateful fake of Gong for MSW 2 (`msw/node`'s `setupServer`, or `setupWorker` in a browser): the same
 * state, checks and fault scripts as `startFakeGong`, in-process, at any base URL.
 * @packageDocumentation
 */
import { HttpResponse, http, type RequestHandler } from "msw";
import { createFakeCore, type FakeGongOptions, type FakeGongState } from "./fake.js";

export type { FakeGongOptions, FakeGongState, FakeRequestRecord } from "./fake.js";

/** Options of {@link createFakeGongHandlers}. */
export interface FakeGongHandlersOptions extends FakeGongOptions {
  /**
   * Only requests under this base URL reach the fake (e.g. `https://us-1234.api.gong.io`). Default: any origin,
   * any path prefix, as long as the path ends in one of the spec's.
   */
  readonly baseUrl?: string;
}

/** The handlers to give MSW, and the fake's state to assert on. */
export interface FakeGongHandlers extends FakeGongState {
  readonly handlers: RequestHandler[];
}

/**
 * Creates MSW request handlers backed by one stateful fake. Requests whose path is not one of the spec's are
 * left to the next handler (or MSW's `onUnhandledRequest`). A dropped connection becomes a network error; a
 * hung request answers only when the caller aborts it.
 */
export function createFakeGongHandlers(options: FakeGongHandlersOptions = {}): FakeGongHandlers {
  const core = createFakeCore(options);
  const base = options.baseUrl === undefined ? null : new URL(options.baseUrl);
  const handler = http.all("*", async ({ request }) => {
    const url = new URL(request.url);
    if (base && (url.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/$/, "")))) {
      return undefined;
    }
    if (!core.serves(url.pathname)) return undefined;
    const outcome = await core.handle({
      method: request.method,
      url,
      headers: request.headers,
      body: await request.text(),
    });
    switch (outcome.kind) {
      case "answer":
        return new HttpResponse(outcome.body, { status: outcome.status, headers: outcome.headers });
      case "drop":
        return HttpResponse.error();
      case "hang":
        return new Promise<Response>((resolve) => {
          request.signal.addEventListener("abort", () => resolve(HttpResponse.error()), { once: true });
        });
    }
  });
  return {
    handlers: [handler],
    assigned: core.assigned,
    requests: core.requests,
    unassignCounts: core.unassignCounts,
    violations: core.violations,
    statusOf: core.statusOf,
  };
}
