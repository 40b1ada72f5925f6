import { describe, expect, it } from "vitest";
import { type Flow, GongInputError, GongInvalidResponseError } from "../../src/index.js";
import { json, testClient } from "../helpers.js";
import { lookupGong } from "./lookup-gong.js";

const flow = (n: number): Flow => ({
  id: String(5843453264560 + n),
  name: `Flow ${n}`,
  visibility: "Company",
});
const records = (cursor?: string) => ({
  totalRecords: 9,
  currentPageSize: 1,
  currentPageNumber: 0,
  ...(cursor === undefined ? {} : { cursor }),
});

/** A `fetch` answering every listing request with `answer(n)` (n counts from 1), keeping the query of each. */
function scripted(answer: (n: number) => unknown) {
  const queries: Record<string, string>[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    queries.push(Object.fromEntries(url.searchParams));
    return json(200, answer(queries.length));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, queries };
}

async function drain(listing: AsyncIterable<Flow>): Promise<Flow[]> {
  const seen: Flow[] = [];
  for await (const item of listing) seen.push(item);
  return seen;
}

describe("listFlows paging", () => {
  it("ends at an empty cursor as at an absent one", async () => {
    const gong = scripted(() => ({ records: records(""), flows: [flow(0)] }));
    const { client } = testClient({ fetch: gong.fetch });
    expect(await drain(client.listFlows({ flowOwnerEmail: "owner@example.com" }))).toEqual([flow(0)]);
    expect(gong.queries).toEqual([{ flowOwnerEmail: "owner@example.com" }]);
  });

  it("names a cursor handed out twice, with the status and request id of the page that repeated it", async () => {
    const gong = scripted((n) => ({ requestId: `rq-${n}`, records: records("a"), flows: [] }));
    const { client } = testClient({ fetch: gong.fetch });
    const error = await drain(client.listFlows({ flowOwnerEmail: "owner@example.com" })).catch((e) => e);
    expect(error).toBeInstanceOf(GongInvalidResponseError);
    expect(error).toMatchObject({
      message: "Gong handed out a cursor it had handed out before: the listing would not end",
      status: 200,
      requestId: "rq-2",
    });
    expect(gong.queries).toHaveLength(2);
  });

  it("gives up after 10,000 pages of fresh cursors", { timeout: 60_000 }, async () => {
    const gong = scripted((n) => ({ records: records(`c${n}`), flows: [] }));
    const { client } = testClient({ fetch: gong.fetch });
    const error = await drain(client.listFlows({ flowOwnerEmail: "owner@example.com" })).catch((e) => e);
    expect(error).toBeInstanceOf(GongInvalidResponseError);
    expect(error).toMatchObject({
      message: "Gong's flow listing went on for more than 10000 pages",
      status: null,
      requestId: null,
    });
    expect(gong.queries).toHaveLength(10_000);
    expect(gong.queries.at(-1)).toEqual({ flowOwnerEmail: "owner@example.com", cursor: "c9999" });
  });

  it.each([
    ["without flows", { requestId: "rq-1", records: records() }],
    ["with null records", { requestId: "rq-1", records: null, flows: [flow(0)] }],
  ])("refuses a page %s as an answer that breaks the spec", async (_, body) => {
    const gong = scripted(() => body);
    const { client } = testClient({ fetch: gong.fetch });
    const error = await drain(client.listFlows({ flowOwnerEmail: "owner@example.com" })).catch((e) => e);
    expect(error).toBeInstanceOf(GongInvalidResponseError);
    expect(error).toMatchObject({
      message: "Gong answered the flow listing with a body that does not match the spec",
      status: 200,
      requestId: "rq-1",
    });
  });

  it("sends the folder id when one is given", async () => {
    const gong = lookupGong({ flows: [flow(0)] });
    const { client } = testClient({ fetch: gong.fetch });
    await drain(client.listFlows({ flowOwnerEmail: "owner@example.com", folderId: "77" }));
    expect(gong.calls.map((call) => Object.fromEntries(call.query))).toEqual([
      { flowOwnerEmail: "owner@example.com", folderId: "77" },
    ]);
  });

  it("sends nothing when the signal is already aborted, and rejects with its reason", async () => {
    const gong = lookupGong({ flows: [flow(0)] });
    const { client } = testClient({ fetch: gong.fetch });
    const controller = new AbortController();
    const reason = new Error("stopped by the caller");
    controller.abort(reason);
    await expect(
      drain(client.listFlows({ flowOwnerEmail: "owner@example.com" }, { signal: controller.signal })),
    ).rejects.toBe(reason);
    expect(gong.calls).toEqual([]);
  });
});

describe("listFlows filter", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an object without an owner", {}],
  ])("refuses %s, naming flowOwnerEmail", async (_, filter) => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    const error = await drain(client.listFlows(filter as never)).catch((e) => e);
    expect(error).toBeInstanceOf(GongInputError);
    expect(error).toMatchObject({
      message: "listFlows needs { flowOwnerEmail }: the Gong user whose flows are listed",
      field: "flowOwnerEmail",
      index: null,
      value: null,
    });
    expect(gong.calls).toEqual([]);
  });

  it("refuses a folder id that is not digits, naming the field and value", async () => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    const error = await drain(
      client.listFlows({ flowOwnerEmail: "owner@example.com", folderId: "f-1" }),
    ).catch((e) => e);
    expect(error).toMatchObject({
      message:
        'folderId[0] "f-1" is not a Gong folder id: decimal digits (the spec\'s pattern ^[0-9]{1,30}$)',
      field: "folderId",
      index: 0,
      value: "f-1",
    });
    expect(gong.calls).toEqual([]);
  });
});
