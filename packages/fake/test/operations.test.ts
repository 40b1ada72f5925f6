import { afterEach, describe, expect, it } from "vitest";
import { SPEC_OPERATIONS } from "../src/fake.js";
import { type FakeGong, type FakeGongServerOptions, makeIds, startFakeGong } from "../src/index.js";
import { FLOWS, get, PROSPECTS, post, UNASSIGN } from "./helpers.js";

let fake: FakeGong | undefined;
afterEach(async () => {
  // Whatever the test did, every answer the fake gave conformed to the spec.
  if (fake) expect(fake.violations).toEqual([]);
  await fake?.stop();
  fake = undefined;
});
const start = async (options: FakeGongServerOptions = {}) => {
  fake = await startFakeGong(options);
  return fake;
};
const body = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("unassign", () => {
  it("removes assigned ids once, never lists stuck or finished ones, and counts every removal", async () => {
    const [a, b, stuck, finished] = makeIds(4) as [string, string, string, string];
    const gong = await start({ assigned: [a, b], stuck: [stuck], finished: [finished] });
    const first = await post(gong.url, UNASSIGN, { flowInstanceIds: [a, stuck, finished] });
    expect(await body(first)).toMatchObject({ unassignedFlowInstanceIds: [a] });
    const again = await post(gong.url, UNASSIGN, { flowInstanceIds: [a, b] });
    expect(await body(again)).toMatchObject({ unassignedFlowInstanceIds: [b] });
    expect([...gong.assigned]).toEqual([]);
    expect(Object.fromEntries(gong.unassignCounts)).toEqual({ [a]: 1, [b]: 1 });
    expect(gong.statusOf(a)).toBe("Finished");
    expect(gong.statusOf(stuck)).toBe("Running");
  });

  it("fails the whole request with Gong's 400 when one id does not exist", async () => {
    const [a] = makeIds(1) as [string];
    const gong = await start({ assigned: [a] });
    const answer = await post(gong.url, UNASSIGN, { flowInstanceIds: [a, "999"] });
    expect(answer.status).toBe(400);
    expect(await body(answer)).toMatchObject({
      errors: ["One or more of the given flowInstanceIds does not exist"],
    });
    expect(answer.headers.get("x-traceid")).toMatch(/^fake/);
    expect(gong.assigned.has(a)).toBe(true);
  });

  it("knows the spec's example ids without being told", async () => {
    const gong = await start();
    const answer = await post(gong.url, UNASSIGN, {
      flowInstanceIds: ["234599484848423", "234599484848425"],
    });
    // 423 is Running in the spec's examples, 425 FinishedNoReply: it exists but cannot be removed.
    expect(await body(answer)).toMatchObject({ unassignedFlowInstanceIds: ["234599484848423"] });
  });
});

describe("getProspectsAssignedFlows", () => {
  const prospects = [
    { crmProspectId: "0031U00000AAAAAAA1", flowInstanceIds: ["101", "102", "103"] },
    { crmProspectId: "0031U00000AAAAAAA2", flowInstanceIds: ["104"] },
  ];

  it("finds only open instances by CRM id, in the prospects' order", async () => {
    const gong = await start({ assigned: ["101", "103", "104"], finished: ["102"], prospects });
    const answer = await body(
      await post(gong.url, PROSPECTS, {
        crmProspectsIds: ["0031U00000AAAAAAA2", "0031U00000AAAAAAA1", "nobody"],
      }),
    );
    const found = answer.prospectsAssigned as { flowInstanceId: string; crmProspectId: string }[];
    expect(found.map((record) => [record.crmProspectId, record.flowInstanceId])).toEqual([
      ["0031U00000AAAAAAA2", "104"],
      ["0031U00000AAAAAAA1", "101"],
      ["0031U00000AAAAAAA1", "103"],
    ]);
  });

  it("finds instances by id whatever their status, and none that do not exist", async () => {
    const gong = await start({ assigned: ["101", "103"], finished: ["102"], prospects });
    await post(gong.url, UNASSIGN, { flowInstanceIds: ["103"] });
    const answer = await body(
      await post(gong.url, PROSPECTS, { flowInstanceIds: ["101", "102", "103", "999"] }),
    );
    const found = answer.prospectsAssigned as { flowInstanceId: string; flowInstanceStatus: string }[];
    expect(found.map((record) => record.flowInstanceId)).toEqual(["101", "102", "103"]);
    expect(found[0]?.flowInstanceStatus).toMatch(/^(Pending|Running|Paused)$/);
    expect(found.slice(1).map((record) => record.flowInstanceStatus)).toEqual(["Finished", "Finished"]);
  });

  it("gives an unknown CRM prospect's open instances after unassigning them: none", async () => {
    const gong = await start({ assigned: ["104"], prospects });
    await post(gong.url, UNASSIGN, { flowInstanceIds: ["104"] });
    const answer = await body(await post(gong.url, PROSPECTS, { crmProspectsIds: ["0031U00000AAAAAAA2"] }));
    expect(answer.prospectsAssigned).toEqual([]);
  });

  it("answers the spec's own example request with the spec's example records", async () => {
    const gong = await start();
    const answer = await body(await post(gong.url, PROSPECTS, { crmProspectsIds: ["0031U00001WbIYHQA3"] }));
    expect(answer.prospectsAssigned).toEqual([
      expect.objectContaining({ flowInstanceId: "234599484848423", flowName: "Inbound follow-up" }),
      expect.objectContaining({ flowInstanceId: "234599484848424", flowInstanceStatus: "Paused" }),
    ]);
  });

  it("refuses a query by both kinds of id at once, as the spec's oneOf says", async () => {
    const gong = await start();
    const answer = await post(gong.url, PROSPECTS, { crmProspectsIds: ["a"], flowInstanceIds: ["1"] });
    expect(answer.status).toBe(400);
  });
});

describe("listFlows", () => {
  it("pages through every flow with the cursor, the spec's example flows first", async () => {
    const gong = await start({ flows: 21, flowsPerPage: 10 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `?flowOwnerEmail=rep%40example.com${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await body(await get(gong.url, `${FLOWS}${query}`));
      const records = page.records as { cursor?: string; totalRecords: number; currentPageNumber: number };
      expect(records).toMatchObject({ totalRecords: 24, currentPageNumber: pages });
      seen.push(...(page.flows as { id: string }[]).map((flow) => flow.id));
      cursor = records.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(24);
    expect(seen.slice(0, 3)).toEqual(["5843453264563", "5843453264564", "5843453264565"]);
  });

  it("filters by folder and refuses a cursor it did not give, or a missing owner", async () => {
    const gong = await start({ flows: 9 });
    const inFolder = await body(
      await get(gong.url, `${FLOWS}?flowOwnerEmail=a%40b.co&folderId=7782342274030002`),
    );
    expect((inFolder.flows as { folderName: string }[]).map((flow) => flow.folderName)).toEqual(
      Array(3).fill("Renewals"),
    );
    expect((await get(gong.url, `${FLOWS}?flowOwnerEmail=a%40b.co&cursor=nonsense`)).status).toBe(400);
    const noOwner = await get(gong.url, FLOWS);
    expect(noOwner.status).toBe(400);
    expect(await body(noOwner)).toMatchObject({
      errors: ["Request query must have required property 'flowOwnerEmail'"],
    });
  });
});

describe("credentials and scopes", () => {
  it("accepts a key pair and a bearer token, and refuses a token without api:flows:read on lookups with 403", async () => {
    const gong = await start({
      assigned: ["101"],
      credentials: [
        { accessKey: "k", accessKeySecret: "s" },
        { bearerToken: "write-only", scopes: ["api:flows:write"] },
      ],
    });
    const basic = { authorization: `Basic ${btoa("k:s")}` };
    const bearer = { authorization: "Bearer write-only" };
    expect((await post(gong.url, PROSPECTS, { flowInstanceIds: ["101"] }, basic)).status).toBe(200);
    const forbidden = await post(gong.url, PROSPECTS, { flowInstanceIds: ["101"] }, bearer);
    expect(forbidden.status).toBe(403);
    expect(await body(forbidden)).toMatchObject({
      errors: ["The access token lacks the scope api:flows:read"],
    });
    expect((await get(gong.url, `${FLOWS}?flowOwnerEmail=a%40b.co`, bearer)).status).toBe(403);
    expect((await post(gong.url, UNASSIGN, { flowInstanceIds: ["101"] }, bearer)).status).toBe(200);
    expect(
      (await post(gong.url, UNASSIGN, { flowInstanceIds: ["101"] }, { authorization: "Bearer other" }))
        .status,
    ).toBe(401);
    expect(
      (
        await post(
          gong.url,
          UNASSIGN,
          { flowInstanceIds: ["101"] },
          { authorization: `Basic ${btoa("k:x")}` },
        )
      ).status,
    ).toBe(401);
  });
});

describe("limits", () => {
  it("answers 429 with an integer Retry-After beyond the rate", async () => {
    const gong = await start({ assigned: makeIds(5), requestsPerSecond: 1 });
    const statuses: number[] = [];
    for (const id of makeIds(3)) {
      const answer = await post(gong.url, UNASSIGN, { flowInstanceIds: [id] });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  });

  it("stops serving after the daily quota until midnight UTC, then serves again", async () => {
    let now = Date.UTC(2026, 10, 30, 23, 0, 0);
    const gong = await start({ assigned: makeIds(5), dailyQuota: 2, now: () => now });
    const send = () => post(gong.url, PROSPECTS, { flowInstanceIds: ["234599484848423"] });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(await body(refused)).toMatchObject({ errors: ["Daily API request quota of 2 exceeded"] });
    now += 3_600_000;
    expect((await send()).status).toBe(200);
  });
});

describe("anyId", () => {
  it("treats every well-formed id as assigned until unassigned, and makes up instances for CRM ids", async () => {
    const gong = await start({ anyId: true });
    const first = await body(await post(gong.url, UNASSIGN, { flowInstanceIds: ["777", "778"] }));
    expect(first).toMatchObject({ unassignedFlowInstanceIds: ["777", "778"] });
    const again = await body(await post(gong.url, UNASSIGN, { flowInstanceIds: ["777"] }));
    expect(again).toMatchObject({ unassignedFlowInstanceIds: [] });
    const found = await body(await post(gong.url, PROSPECTS, { crmProspectsIds: ["HUBSPOT-1"] }));
    const [record] = found.prospectsAssigned as { flowInstanceId: string; crmProspectId: string }[];
    expect(record?.crmProspectId).toBe("HUBSPOT-1");
    const removed = await body(await post(gong.url, UNASSIGN, { flowInstanceIds: [record?.flowInstanceId] }));
    expect(removed).toMatchObject({ unassignedFlowInstanceIds: [record?.flowInstanceId] });
    // Well-formed means valid for the spec: an id that is not a digit string is still refused.
    expect((await post(gong.url, UNASSIGN, { flowInstanceIds: ["abc"] })).status).toBe(400);
  });
});

describe("routes", () => {
  it("implements every operation of the spec", () => {
    expect(SPEC_OPERATIONS.filter((operation) => !operation.implemented)).toEqual([]);
    expect(SPEC_OPERATIONS.length).toBeGreaterThanOrEqual(1);
  });

  it("answers 404 for a path the spec does not have and 405 for a method it does not", async () => {
    const gong = await start();
    expect((await post(gong.url, "/v2/calls", {})).status).toBe(404);
    expect((await get(gong.url, UNASSIGN)).status).toBe(405);
  });
});
