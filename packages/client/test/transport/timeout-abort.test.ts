import { describe, expect, it } from "vitest";
import { GongConnectionError, GongTimeoutError } from "../../src/index.js";
import { json, PATH, testClient } from "../helpers.js";

/** A fetch that never answers until its signal aborts, like a server that hangs. */
const hangingFetch = (calls: { count: number }) =>
  ((_input: unknown, init?: RequestInit) => {
    calls.count++;
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
    });
  }) as typeof fetch;

describe("timeouts", () => {
  it("times each attempt out, retries, and throws a typed timeout from api", async () => {
    const calls = { count: 0 };
    const { client } = testClient({ fetch: hangingFetch(calls), timeoutMs: 100, maxRetries: 2 });
    await expect(client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } })).rejects.toBeInstanceOf(
      GongTimeoutError,
    );
    expect(calls.count).toBe(3);
  });

  it("reports timed-out ids as unknown: the server may have processed them", async () => {
    const calls = { count: 0 };
    const { client } = testClient({ fetch: hangingFetch(calls), timeoutMs: 100, maxRetries: 1 });
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report.unknown).toEqual(["1", "2"]);
    expect(report.requests).toBe(2);
    expect(report.errors[0]).toMatchObject({ kind: "timeout", status: null });
  });
});

describe("connection errors", () => {
  it("throws a typed connection error from api after retries", async () => {
    let calls = 0;
    const refused = (async () => {
      calls++;
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
      });
    }) as unknown as typeof fetch;
    const { client } = testClient({ fetch: refused, maxRetries: 3 });
    const failure = client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    await expect(failure).rejects.toBeInstanceOf(GongConnectionError);
    await expect(failure).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toBe(4);
  });

  it("skips ids whose connection was refused (never sent), and stops the run", async () => {
    const refused = (async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
      });
    }) as unknown as typeof fetch;
    const { client } = testClient({ fetch: refused, maxRetries: 1, batchSize: 1 });
    const report = await client.unassignFlowInstances(["1", "2", "3"]);
    expect(report.skipped).toEqual(["1", "2", "3"]);
    expect(report.unknown).toEqual([]);
    expect(report.requests).toBeLessThanOrEqual(2 * 3);
  });

  it("reports ids of a reset connection as unknown", async () => {
    const reset = (async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
      });
    }) as unknown as typeof fetch;
    const { client } = testClient({ fetch: reset, maxRetries: 0 });
    const report = await client.unassignFlowInstances(["1"]);
    expect(report.unknown).toEqual(["1"]);
  });
});

describe("abort", () => {
  it("stops sleeping at once and resolves the bulk call with the report", async () => {
    const controller = new AbortController();
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return json(429, { errors: [] }, { "retry-after": "60" });
    }) as unknown as typeof globalThis.fetch;
    // The real clock: the abort must cut a real 60 s wait short.
    const { client } = testClient(
      { fetch },
      { clock: (await import("../../src/transport/clock.js")).systemClock },
    );
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const report = await client.unassignFlowInstances(["1", "2"], { signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(calls).toBe(1);
    expect(report.skipped).toEqual(["1", "2"]);
  });

  it("marks ids in flight at the abort as unknown and unsent ids as skipped", async () => {
    const controller = new AbortController();
    const calls = { count: 0 };
    const { client } = testClient({ fetch: hangingFetch(calls), batchSize: 1 }, {});
    setTimeout(() => controller.abort(), 20);
    const report = await client.unassignFlowInstances(["1", "2", "3", "4", "5", "6"], {
      signal: controller.signal,
    });
    expect(report.unknown).toEqual(["1", "2", "3", "4"]);
    expect(report.skipped).toEqual(["5", "6"]);
    expect(calls.count).toBe(4);
  });

  it("rejects api calls with the abort reason", async () => {
    const controller = new AbortController();
    const calls = { count: 0 };
    const { client } = testClient({ fetch: hangingFetch(calls) });
    setTimeout(() => controller.abort(new Error("user abort")), 10);
    await expect(
      client.api.POST(PATH, { body: { flowInstanceIds: ["1"] }, signal: controller.signal }),
    ).rejects.toThrow("user abort");
  });
});

describe("stopSignal: stop after the requests in flight", () => {
  it("lets the request in flight finish and classifies it, skipping the rest", async () => {
    const stop = new AbortController();
    let calls = 0;
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      calls++;
      const { flowInstanceIds } = JSON.parse(new TextDecoder().decode(init?.body as ArrayBuffer));
      stop.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return json(200, { unassignedFlowInstanceIds: flowInstanceIds });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, batchSize: 1, requestsPerSecond: 1 });
    const report = await client.unassignFlowInstances(["1", "2", "3"], { stopSignal: stop.signal });
    expect(calls).toBe(1);
    expect(report.unassigned).toEqual(["1"]);
    expect(report.skipped).toEqual(["2", "3"]);
  });

  it("cuts a long Retry-After wait short", async () => {
    const stop = new AbortController();
    const fetch = (async () =>
      json(429, { errors: [] }, { "retry-after": "100" })) as unknown as typeof globalThis.fetch;
    const { client } = testClient(
      { fetch },
      { clock: (await import("../../src/transport/clock.js")).systemClock },
    );
    setTimeout(() => stop.abort(), 20);
    const report = await client.unassignFlowInstances(["1"], { stopSignal: stop.signal });
    expect(report.skipped).toEqual(["1"]);
    expect(report.requests).toBe(1);
  });
});
