import { describe, expect, it } from "vitest";
import { type Flow, GongInputError, GongInvalidResponseError } from "../../src/index.js";
import { json, testClient } from "../helpers.js";
import { lookupGong } from "./lookup-gong.js";

const flow = (n: number): Flow => ({
  id: String(5843453264560 + n),
  name: `Flow ${n}`,
  visibility: "Company",
});

describe("listFlows", () => {
  it("yields every flow over every page, following the cursor", async () => {
    const gong = lookupGong({ flows: Array.from({ length: 5 }, (_, n) => flow(n)), pageSize: 2 });
    const { client } = testClient({ fetch: gong.fetch });
    const seen: Flow[] = [];
    for await (const item of client.listFlows({
      flowOwnerEmail: "owner@example.com",
      workspaceId: "623457276584334",
    }))
      seen.push(item);
    expect(seen.map((item) => item.name)).toEqual(["Flow 0", "Flow 1", "Flow 2", "Flow 3", "Flow 4"]);
    expect(gong.calls.map((call) => Object.fromEntries(call.query))).toEqual([
      { flowOwnerEmail: "owner@example.com", workspaceId: "623457276584334" },
      { flowOwnerEmail: "owner@example.com", workspaceId: "623457276584334", cursor: "page-1" },
      { flowOwnerEmail: "owner@example.com", workspaceId: "623457276584334", cursor: "page-2" },
    ]);
  });

  it("refuses a cursor handed out twice instead of looping", async () => {
    const fetch = (async () =>
      json(200, {
        records: { totalRecords: 9, currentPageSize: 1, currentPageNumber: 0, cursor: "same" },
        flows: [flow(0)],
      })) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const listing = async () => {
      for await (const _ of client.listFlows({ flowOwnerEmail: "owner@example.com" })) {
        // drain
      }
    };
    await expect(listing()).rejects.toBeInstanceOf(GongInvalidResponseError);
  });

  it("throws the typed error of a page that fails", async () => {
    const gong = lookupGong({});
    const fetch = (async () =>
      json(403, { requestId: "x", errors: ["no"] })) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, auth: { bearerToken: "t0ken-value-123" } });
    const listing = async () => {
      for await (const _ of client.listFlows({ flowOwnerEmail: "owner@example.com" })) {
        // drain
      }
    };
    await expect(listing()).rejects.toThrow(/needs the api:flows:read scope/);
    expect(gong.calls).toEqual([]);
  });

  it.each([
    ["no owner email", {}],
    ["an owner that is not an email", { flowOwnerEmail: "owner" }],
    ["a workspace id that is not digits", { flowOwnerEmail: "owner@example.com", workspaceId: "ws-1" }],
  ])("refuses %s before anything is sent", async (_, filter) => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    const listing = async () => {
      for await (const _ of client.listFlows(filter as never)) {
        // drain
      }
    };
    await expect(listing()).rejects.toBeInstanceOf(GongInputError);
    expect(gong.calls).toEqual([]);
  });
});
