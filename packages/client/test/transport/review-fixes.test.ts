import { describe, expect, it } from "vitest";
import { createGongFlowsClient, GongRateLimitError } from "../../src/index.js";
import { parseRetryAfter } from "../../src/transport/retry-policy.js";
import { json, KEY_PAIR, PATH, sentBody, testClient, virtualClock } from "../helpers.js";

describe("credentials that cannot travel in a header", () => {
  it("refuses a token with a line break before anything is sent, without showing it", () => {
    const create = () => createGongFlowsClient({ auth: { bearerToken: "SECRET\ninner" } });
    expect(create).toThrow(TypeError);
    try {
      create();
    } catch (error) {
      expect(String(error)).not.toContain("SECRET");
    }
  });
});

describe("error bodies returned by api", () => {
  it("are redacted after JSON decoding, so an escaped echo of the Basic value is caught", async () => {
    const basic = Buffer.from(`${KEY_PAIR.accessKey}:${KEY_PAIR.accessKeySecret}`).toString("base64");
    const escaped = JSON.stringify({ errors: [`bad Basic ${basic}`] }).replaceAll("/", "\\/");
    const { client } = testClient({
      fetch: (async () =>
        new Response(escaped, {
          status: 401,
          headers: { "content-type": "application/json" },
        })) as unknown as typeof fetch,
    });
    const { error } = await client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    expect(JSON.stringify(error)).not.toContain(basic);
    expect(error?.errors).toEqual(["bad Basic [REDACTED]"]);
  });
});

describe("Retry-After forms", () => {
  it.each([
    [".5", 0.5],
    ["5.", 5],
    ["1, 1", null],
    ["2001", 2001],
    ["soon", null],
    ["Sun, 06 Nov 1994 08:49:37 GMT", 0],
  ])("reads %j as %j", (header, seconds) => {
    expect(parseRetryAfter(header, Date.now())).toBe(seconds);
  });
});

describe("a Retry-After longer than the wait cap", () => {
  it("is not waited; later starts fail at once as rate-limited instead of hanging, and nothing is sent", async () => {
    const clock = virtualClock();
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return json(429, { errors: [] }, { "retry-after": "99999999999" });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, maxRetryAfterSeconds: 60 }, { clock });
    const first = await client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    expect(first.response.status).toBe(429);
    const second = client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    await expect(second).rejects.toBeInstanceOf(GongRateLimitError);
    await expect(second).rejects.toThrow(/holds every request for \d+ s more/);
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report).toMatchObject({ skipped: ["1", "2"], requests: 0 });
    expect(report.errors[0]).toMatchObject({ kind: "rate_limit", status: null });
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe("the report's request ids and errors", () => {
  it("keeps request ids in arrival order when requests overlap", async () => {
    let calls = 0;
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      const { flowInstanceIds } = sentBody(init);
      calls++;
      if (flowInstanceIds[0] === "1" && calls === 1) return json(503, { requestId: "r1-503", errors: [] });
      if (flowInstanceIds[0] === "2") {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return json(200, { requestId: "r2-b", unassignedFlowInstanceIds: flowInstanceIds });
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
      return json(200, { requestId: "r3-a", unassignedFlowInstanceIds: flowInstanceIds });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, batchSize: 1 });
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report.requestIds).toEqual(["r1-503", "r2-b", "r3-a"]);
    expect(report.requests).toBe(3);
  });

  it("reports the failure of a request the run stopped between its attempts", async () => {
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      const { flowInstanceIds } = sentBody(init);
      if (flowInstanceIds[0] === "1") return json(503, { requestId: "ra", errors: ["down"] });
      await new Promise((resolve) => setTimeout(resolve, 10));
      return json(401, { requestId: "rb", errors: ["bad key"] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient(
      { fetch, batchSize: 1 },
      { clock: (await import("../../src/transport/clock.js")).systemClock },
    );
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report.unknown).toEqual(["1"]);
    expect(report.skipped).toEqual(["2"]);
    expect(report.errors.map((e) => [e.requestId, e.flowInstanceIds])).toEqual([
      ["rb", ["2"]],
      ["ra", ["1"]],
    ]);
  });

  it("emits an attempted event after every attempt, saying whether Gong may have processed it", async () => {
    const statuses = [503, 200];
    const fetch = (async (_input: unknown, init?: RequestInit) =>
      json(statuses.shift() ?? 200, {
        unassignedFlowInstanceIds: sentBody(init).flowInstanceIds,
      })) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const events: string[] = [];
    await client.unassignFlowInstances(["1"], {
      onProgress: (event) =>
        events.push(
          event.type === "attempted" ? `attempted ${event.status} ${event.maybeProcessed}` : event.type,
        ),
    });
    expect(events).toEqual(["sending", "attempted 503 true", "sending", "attempted 200 false", "settled"]);
  });
});

describe("connection failures before sending", () => {
  it("treats a TLS handshake failure as never sent", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("self-signed certificate"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }),
      });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, maxRetries: 0 });
    const report = await client.unassignFlowInstances(["1"]);
    expect(report.skipped).toEqual(["1"]);
  });
});

describe("abort during a retry wait", () => {
  it("rejects api with the abort reason rather than returning the earlier answer", async () => {
    const controller = new AbortController();
    const fetch = (async () => {
      setTimeout(() => controller.abort(new Error("user abort")), 5);
      return json(503, { errors: [] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient(
      { fetch },
      { clock: (await import("../../src/transport/clock.js")).systemClock },
    );
    await expect(
      client.api.POST(PATH, { body: { flowInstanceIds: ["1"] }, signal: controller.signal }),
    ).rejects.toThrow("user abort");
  });
});

describe("a per-attempt timeout beyond setTimeout's range", () => {
  it("is refused before anything is sent, instead of firing at once", () => {
    expect(() => testClient({ timeoutMs: 2 ** 31 })).toThrow(
      expect.objectContaining({ field: "timeoutMs", value: "2147483648" }),
    );
  });
});
