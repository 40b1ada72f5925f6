import { describe, expect, expectTypeOf, it } from "vitest";
import { createGongFlowsClient } from "../../src/index.js";
import { KEY_PAIR, type ObservedFetch, observedFetch, PATH, prismUrl } from "../helpers.js";

/** The client against a Prism mock of the spec: Prism validates every request the client sends. */
function prismClient(options: { bearer?: boolean; transform?: (request: Request) => Request } = {}) {
  const transform = options.transform ?? ((request: Request) => request);
  const observed = observedFetch((input, init) => globalThis.fetch(transform(new Request(input, init))));
  const client = createGongFlowsClient({
    auth: options.bearer ? { bearerToken: "test-bearer-token-xyz" } : KEY_PAIR,
    baseUrl: prismUrl(),
    maxRetries: 0,
    requestsPerSecond: null,
    fetch: observed.fetch,
  });
  return { client, observed };
}

function expectNoViolations(observed: ObservedFetch) {
  expect(observed.responses.length).toBeGreaterThan(0);
  for (const response of observed.responses) expect(response.headers.get("sl-violations")).toBeNull();
}

describe("api against the Prism mock", () => {
  it("sends a valid request with Basic auth and gets typed data", async () => {
    const { client, observed } = prismClient();
    const { data, error, response } = await client.api.POST(PATH, {
      body: { flowInstanceIds: ["234599484848423"], unassignedByUserEmail: "test@test.com" },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expectTypeOf(data?.unassignedFlowInstanceIds).toEqualTypeOf<string[] | undefined>();
    expect(data).toEqual({
      requestId: "4al018gzaztcr8nbukw",
      unassignedFlowInstanceIds: ["234599484848423"],
    });
    expectNoViolations(observed);
    const sent = observed.requests[0];
    expect(sent?.headers.get("authorization")).toBe(
      `Basic ${Buffer.from(`${KEY_PAIR.accessKey}:${KEY_PAIR.accessKeySecret}`).toString("base64")}`,
    );
    expect(sent?.headers.get("user-agent")).toMatch(/^@gong-flows\/client\/\d+\.\d+\.\d+ node\//);
  });

  it("sends a valid request with Bearer auth", async () => {
    const { client, observed } = prismClient({ bearer: true });
    const { response } = await client.api.POST(PATH, { body: { flowInstanceIds: ["1", "2"] } });
    expect(response.status).toBe(200);
    expect(observed.requests[0]?.headers.get("authorization")).toBe("Bearer test-bearer-token-xyz");
    expectNoViolations(observed);
  });

  it("gets a 400 with Prism's violations for a request that breaks the spec", async () => {
    const { client, observed } = prismClient();
    // A body the types forbid, forced through to prove Prism really validates.
    const body = { flowInstanceIds: [] as string[], unassignedByUserEmail: "not-an-email" };
    const { error, response } = await client.api.POST(PATH, { body });
    expect(response.status).toBe(400);
    expect(error?.errors).toEqual(["An error has occurred"]);
    const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as { code: string }[];
    expect(violations.map((v) => v.code).sort()).toEqual(["format", "minItems"]);
    expect(observed.responses).toHaveLength(1);
  });

  it("gets 401 when the Authorization header does not arrive", async () => {
    const stripAuth = (request: Request) => {
      const headers = new Headers(request.headers);
      headers.delete("authorization");
      return new Request(request, { headers });
    };
    const { client } = prismClient({ transform: stripAuth });
    const { error, response } = await client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    expect(response.status).toBe(401);
    expect(error).toEqual({ requestId: "4al018gzaztcr8nbukw", errors: ["An error has occurred"] });
  });

  it.each([400, 401, 429, 500])(
    "returns the documented %i body when Prism is asked for it",
    async (status) => {
      const { client, observed } = prismClient();
      const { data, error, response } = await client.api.POST(PATH, {
        body: { flowInstanceIds: ["1"] },
        headers: { Prefer: `code=${status}` },
      });
      expect(response.status).toBe(status);
      expect(data).toBeUndefined();
      expect(error?.requestId).toEqual(expect.any(String));
      expect(error?.errors).toEqual(expect.arrayContaining([expect.any(String)]));
      if (status === 429) expect(response.headers.get("retry-after")).toBe("3");
      expectNoViolations(observed);
    },
  );

  it("returns a named example when Prism is asked for it", async () => {
    const { client, observed } = prismClient();
    const { data } = await client.api.POST(PATH, {
      body: { flowInstanceIds: ["234599484848423", "234599484848424"] },
      headers: { Prefer: "example=noneUnassigned" },
    });
    expect(data?.unassignedFlowInstanceIds).toEqual([]);
    expectNoViolations(observed);
  });
});

describe("bulk unassign against the Prism mock", () => {
  it("sends valid batches only (no sl-violations) and classifies by the listed ids", async () => {
    const { client, observed } = prismClient();
    const ids = ["234599484848423", ...Array.from({ length: 250 }, (_, i) => String(100000000000000 + i))];
    const report = await client.unassignFlowInstances(ids, { unassignedByUserEmail: "test@test.com" });
    expectNoViolations(observed);
    expect(observed.requests).toHaveLength(2);
    expect(report.unassigned).toEqual(["234599484848423"]);
    expect(report.notUnassigned).toHaveLength(250);
    expect(report.requestIds).toEqual(["4al018gzaztcr8nbukw", "4al018gzaztcr8nbukw"]);
  });

  it.each([
    [400, "rejected", "bad_request", "Gong refused the request (400): An error has occurred"],
    [
      401,
      "skipped",
      "authentication",
      "Gong rejected the credentials (401): An error has occurred; check the access key and secret, or the token",
    ],
    [
      429,
      "skipped",
      "rate_limit",
      "Gong's request limit was exceeded (429): An error has occurred; retry after 3 s",
    ],
    [500, "unknown", "server", "Gong failed with 500: An error has occurred"],
  ] as const)("reports a documented %i from Prism", async (status, list, kind, sentence) => {
    const prefer = (request: Request) => {
      const headers = new Headers(request.headers);
      headers.set("prefer", `code=${status}`);
      return new Request(request, { headers });
    };
    const { client, observed } = prismClient({ transform: prefer });
    const report = await client.unassignFlowInstances(["234599484848423"]);
    expectNoViolations(observed);
    expect(report[list]).toEqual(["234599484848423"]);
    expect(report.errors).toEqual([
      {
        kind,
        status,
        requestId: "4al018gzaztcr8nbukw",
        message: `${sentence} (requestId 4al018gzaztcr8nbukw)`,
        messages: ["An error has occurred"],
        flowInstanceIds: ["234599484848423"],
        ...(status === 429 ? { resetsAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } : {}),
      },
    ]);
  });
});
