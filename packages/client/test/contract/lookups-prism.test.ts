import { describe, expect, it } from "vitest";
import { createGongFlowsClient, type Flow } from "../../src/index.js";
import { KEY_PAIR, observedFetch, prismUrl } from "../helpers.js";

/** The client against a Prism mock of the spec: Prism validates every request the client sends. */
function prismClient(prefer?: string) {
  const observed = observedFetch((input, init) => {
    const request = new Request(input, init);
    if (prefer) request.headers.set("prefer", prefer);
    return globalThis.fetch(request);
  });
  const client = createGongFlowsClient({
    auth: KEY_PAIR,
    baseUrl: prismUrl(),
    maxRetries: 0,
    requestsPerSecond: null,
    lookupBatchSize: 2,
    fetch: observed.fetch,
  });
  return { client, observed };
}

const noViolations = (observed: ReturnType<typeof observedFetch>) => {
  expect(observed.responses.length).toBeGreaterThan(0);
  for (const response of observed.responses) expect(response.headers.get("sl-violations")).toBeNull();
};

describe("lookups against the Prism mock", () => {
  it("findFlowInstances sends valid CRM lookups in batches and reads the spec's example", async () => {
    const { client, observed } = prismClient("example=byCrmProspectIds");
    const found = await client.findFlowInstances({
      crmProspectIds: ["0031U00001WbIYHQA3", "00Q1U00000GxLkPUAV", "0031U00001WbIYIQA3"],
    });
    noViolations(observed);
    expect(observed.requests).toHaveLength(2);
    expect(found.instances.map((i) => i.flowInstanceId)).toEqual(["234599484848423", "234599484848424"]);
    expect(found.notFound).toEqual(["00Q1U00000GxLkPUAV", "0031U00001WbIYIQA3"]);
    expect(found.requestIds).toEqual(["4al018gzaztcr8nbul2", "4al018gzaztcr8nbul2"]);
  });

  it("findFlowInstances by instance ids is valid for Prism too", async () => {
    const { client, observed } = prismClient("example=byFlowInstanceIds");
    const found = await client.findFlowInstances({ flowInstanceIds: ["234599484848423", "234599484848425"] });
    noViolations(observed);
    expect(found.instances.map((i) => i.flowInstanceStatus)).toEqual(["Running", "FinishedNoReply"]);
    expect(found.notFound).toEqual([]);
  });

  it.each([
    [400, "bad_request"],
    [401, "authentication"],
    [403, "authentication"],
    [429, "rate_limit"],
    [500, "server"],
  ])("findFlowInstances reports a lookup answered %i as a %s error", async (status, kind) => {
    const { client } = prismClient(`code=${status}`);
    const found = await client.findFlowInstances({ crmProspectIds: ["0031U00001WbIYHQA3"] });
    expect(found.errors).toMatchObject([{ kind, status, ids: ["0031U00001WbIYHQA3"] }]);
    expect(found.notLookedUp).toEqual(["0031U00001WbIYHQA3"]);
  });

  it("listFlows sends a valid query and yields the page's flows", async () => {
    const { client, observed } = prismClient("example=lastPage");
    const flows: Flow[] = [];
    for await (const flow of client.listFlows({
      flowOwnerEmail: "test@test.com",
      workspaceId: "623457276584334",
    })) {
      flows.push(flow);
    }
    noViolations(observed);
    expect(flows.map((flow) => flow.name)).toEqual(["My renewals"]);
    expect(new URL(observed.requests[0]?.url ?? "").searchParams.get("flowOwnerEmail")).toBe("test@test.com");
  });

  it("unassignProspects looks up, then unassigns, each request valid for Prism", async () => {
    const { client, observed } = prismClient();
    const report = await client.unassignProspects(["0031U00001WbIYHQA3"]);
    noViolations(observed);
    expect(observed.requests.map((request) => new URL(request.url).pathname)).toEqual([
      "/v2/flows/prospects",
      "/v2/flows/prospects/unassign-flows-by-instance-id",
    ]);
    expect(report.prospects.instances.length).toBeGreaterThan(0);
    expect(report.requests).toBe(2);
  });
});
