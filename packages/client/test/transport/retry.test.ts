import { describe, expect, it } from "vitest";
import { json, PATH, testClient } from "../helpers.js";

/** A fetch that answers from a script, one entry per attempt, and records what it was sent. */
function scriptedFetch(script: (() => Response | Promise<Response>)[]) {
  const bodies: string[] = [];
  const fetch = (async (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    bodies.push(await request.text());
    const next = script[bodies.length - 1];
    if (!next) throw new Error(`unexpected attempt ${bodies.length}`);
    return next();
  }) as typeof globalThis.fetch;
  return { fetch, bodies };
}

const ok = () => json(200, { requestId: "r-ok", unassignedFlowInstanceIds: ["1"] });
const post = (client: ReturnType<typeof testClient>["client"]) =>
  client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });

describe("retries", () => {
  it("retries 429 after Retry-After seconds and re-sends an identical body", async () => {
    const { fetch, bodies } = scriptedFetch([
      () => json(429, { errors: ["slow down"] }, { "retry-after": "2" }),
      ok,
    ]);
    const { client, clock } = testClient({ fetch });
    const { data } = await post(client);
    expect(data?.unassignedFlowInstanceIds).toEqual(["1"]);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(clock.sleeps).toContain(2000);
  });

  it.each([
    ["fractional seconds", "1.5", 1500],
    ["a negative value", "-3", 0],
    ["an HTTP date in the past", "Wed, 21 Oct 2015 07:28:00 GMT", 0],
  ])("reads Retry-After given as %s", async (_, header, expectedMs) => {
    const { fetch } = scriptedFetch([() => json(429, { errors: [] }, { "retry-after": header }), ok]);
    const { client, clock } = testClient({ fetch });
    await post(client);
    expect(clock.sleeps[0]).toBeCloseTo(expectedMs, 0);
  });

  it("reads Retry-After given as an HTTP date in the future", async () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const { fetch } = scriptedFetch([() => json(429, { errors: [] }, { "retry-after": inTenSeconds }), ok]);
    const { client, clock } = testClient({ fetch });
    await post(client);
    expect(clock.sleeps[0]).toBeGreaterThan(8_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(10_000);
  });

  it("backs off exponentially when a 429 has no Retry-After", async () => {
    const limited = () => json(429, { errors: [] });
    const { fetch } = scriptedFetch([limited, limited, limited, ok]);
    const { client, clock } = testClient({ fetch });
    await post(client);
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it("does not wait a Retry-After beyond maxRetryAfterSeconds", async () => {
    const { fetch, bodies } = scriptedFetch([
      () => json(429, { requestId: "r1", errors: ["x"] }, { "retry-after": "3600" }),
    ]);
    const { client, clock } = testClient({ fetch, maxRetryAfterSeconds: 120 });
    const { error, response } = await post(client);
    expect(response.status).toBe(429);
    expect(error?.requestId).toBe("r1");
    expect(bodies).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([500, 502, 503, 504])("retries %i with backoff capped near 8 s", async (status) => {
    const failing = () => json(status, { errors: ["oops"] });
    const { fetch, bodies } = scriptedFetch([failing, failing, failing, failing, failing, failing, ok]);
    const { client, clock } = testClient({ fetch, maxRetries: 6 });
    const { data } = await post(client);
    expect(data).toBeDefined();
    expect(bodies).toHaveLength(7);
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("applies jitter below the backoff ceiling", async () => {
    const failing = () => json(500, {});
    const { fetch } = scriptedFetch([failing, ok]);
    const { client, clock } = testClient({ fetch }, { random: () => 1 });
    await post(client);
    expect(clock.sleeps).toEqual([375]);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])("does not retry %i", async (status) => {
    const { fetch, bodies } = scriptedFetch([() => json(status, { errors: ["no"] })]);
    const { client } = testClient({ fetch });
    const { response } = await post(client);
    expect(response.status).toBe(status);
    expect(bodies).toHaveLength(1);
  });

  it("stops after maxRetries and returns the last answer", async () => {
    const failing = () => json(503, { requestId: "r503", errors: ["down"] });
    const { fetch, bodies } = scriptedFetch([failing, failing, failing]);
    const { client } = testClient({ fetch, maxRetries: 2 });
    const { error, response } = await post(client);
    expect(response.status).toBe(503);
    expect(error).toEqual({ requestId: "r503", errors: ["down"] });
    expect(bodies).toHaveLength(3);
  });

  it("does not follow redirects", async () => {
    const { fetch, bodies } = scriptedFetch([
      () => new Response(null, { status: 307, headers: { location: "https://elsewhere.example/steal" } }),
    ]);
    const { client } = testClient({ fetch });
    const { response } = await post(client);
    expect(response.status).toBe(307);
    expect(bodies).toHaveLength(1);
  });

  it("reports the final failure of a bulk batch as a typed error entry", async () => {
    const { fetch } = scriptedFetch([
      () => json(429, { requestId: "r9", errors: ["limit"] }, { "retry-after": "999" }),
    ]);
    const { client } = testClient({ fetch });
    const report = await client.unassignFlowInstances(["1"]);
    expect(report.errors).toEqual([
      {
        kind: "rate_limit",
        status: 429,
        requestId: "r9",
        message: "Gong's request limit was exceeded (429): limit; retry after 999 s (requestId r9)",
        messages: ["limit"],
        flowInstanceIds: ["1"],
        // When Gong said the limit lets requests through again.
        resetsAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(report.skipped).toEqual(["1"]);
  });
});
