import { describe, expect, it } from "vitest";
import type { ProgressEvent } from "../../src/index.js";
import { json, listingFetch, sentBody, testClient } from "../helpers.js";

const REFUSED = { requestId: "r1", errors: ["One or more of the given flowInstanceIds does not exist"] };

describe("the caller's stopSignal", () => {
  it("sends nothing when it was aborted before the call", async () => {
    const { fetch, bodies } = listingFetch();
    const { client } = testClient({ fetch, batchSize: 1 });
    const stop = new AbortController();
    stop.abort();
    const report = await client.unassignFlowInstances(["1", "2"], { stopSignal: stop.signal });
    expect(bodies).toEqual([]);
    expect(report).toMatchObject({ skipped: ["1", "2"], unassigned: [], requests: 0 });
  });

  it("keeps a batch refused while stopping from being isolated: no lookup is sent", async () => {
    const stop = new AbortController();
    const urls: string[] = [];
    const fetch = (async (input: unknown, init?: RequestInit) => {
      urls.push(String(input));
      sentBody(init);
      stop.abort();
      return json(400, REFUSED);
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const report = await client.unassignFlowInstances(["1", "2", "3"], { stopSignal: stop.signal });
    expect(urls).toEqual(["http://127.0.0.1:9/v2/flows/prospects/unassign-flows-by-instance-id"]);
    expect(report).toMatchObject({ skipped: ["1", "2", "3"], rejected: [], requests: 1 });
  });

  it("sends no half once stopped during the lookup, and skips the whole batch at the end", async () => {
    const stop = new AbortController();
    const fetch = (async (input: unknown, init?: RequestInit) => {
      sentBody(init);
      if (!String(input).endsWith("/v2/flows/prospects")) return json(400, REFUSED);
      stop.abort();
      return json(403, { requestId: "r2", errors: ["no"] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, maxIsolationRequests: 1 });
    const settled: ProgressEvent[] = [];
    const report = await client.unassignFlowInstances(["1", "2", "3", "4"], {
      stopSignal: stop.signal,
      onProgress: (event) => {
        if (event.type === "settled") settled.push(event);
      },
    });
    expect(report).toMatchObject({ skipped: ["1", "2", "3", "4"], requests: 2 });
    expect(settled.map((event) => event.flowInstanceIds)).toEqual([["1", "2", "3", "4"]]);
  });
});

describe("listeners on the caller's signals", () => {
  /** The "abort" listeners currently on `signal`. */
  function abortListeners(signal: AbortSignal): Set<unknown> {
    const active = new Set<unknown>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      if (args[0] === "abort") active.add(args[1]);
      add(...args);
    }) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      if (args[0] === "abort") active.delete(args[1]);
      remove(...args);
    }) as typeof remove;
    return active;
  }

  it("are all removed when the call ends, so a long-lived signal does not collect them", async () => {
    const abort = new AbortController();
    const stop = new AbortController();
    const onSignal = abortListeners(abort.signal);
    const onStop = abortListeners(stop.signal);
    const { fetch } = listingFetch();
    const { client } = testClient({ fetch, batchSize: 1 });
    const report = await client.unassignFlowInstances(["1", "2", "3"], {
      signal: abort.signal,
      stopSignal: stop.signal,
    });
    expect(report.unassigned).toEqual(["1", "2", "3"]);
    expect([onSignal.size, onStop.size]).toEqual([0, 0]);
  });
});
