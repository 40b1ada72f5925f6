import { describe, expect, it } from "vitest";
import { GongInvalidResponseError } from "../../src/index.js";
import { testClient } from "../helpers.js";

/** A Gong that answers every request 200 with a body that is not JSON (a proxy's page, a cut-off answer). */
const notJsonFetch = (async () =>
  new Response("not json{", {
    status: 200,
    headers: { "content-type": "application/json", "x-traceid": "trace-1" },
  })) as unknown as typeof fetch;

const MESSAGE = /^Gong answered the flow (instance lookup|listing) with a body that is not JSON$/;

describe("a 200 whose body is not JSON", () => {
  it("ends a lookup as invalid_response: its ids not looked up, the request counted", async () => {
    const { client } = testClient({ fetch: notJsonFetch });
    const found = await client.findFlowInstances({ crmProspectIds: ["crm-1", "crm-2"] });
    expect(found.instances).toEqual([]);
    expect(found.notLookedUp).toEqual(["crm-1", "crm-2"]);
    expect(found.requests).toBe(1);
    expect(found.requestIds).toEqual(["trace-1"]);
    expect(found.errors).toEqual([
      {
        kind: "invalid_response",
        status: 200,
        requestId: "trace-1",
        message: "Gong answered the flow instance lookup with a body that is not JSON",
        messages: [],
        ids: ["crm-1", "crm-2"],
      },
    ]);
  });

  it("rejects unassignProspects with the typed error, before any unassign", async () => {
    let calls = 0;
    const { client } = testClient({
      fetch: (async (...args: Parameters<typeof fetch>) => {
        calls++;
        return notJsonFetch(...args);
      }) as typeof fetch,
    });
    const rejection = client.unassignProspects(["crm-1"]);
    await expect(rejection).rejects.toBeInstanceOf(GongInvalidResponseError);
    await expect(rejection).rejects.toThrow(MESSAGE);
    expect(calls).toBe(1);
  });

  it("throws GongInvalidResponseError from listFlows, with the status and request id", async () => {
    const { client } = testClient({ fetch: notJsonFetch });
    const listing = async () => {
      for await (const _ of client.listFlows({ flowOwnerEmail: "owner@example.com" })) {
        // nothing arrives
      }
    };
    const error = await listing().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GongInvalidResponseError);
    expect(error).toMatchObject({ kind: "invalid_response", status: 200, requestId: "trace-1" });
    expect((error as Error).message).toBe("Gong answered the flow listing with a body that is not JSON");
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});
