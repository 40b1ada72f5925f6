import { describe, expect, it } from "vitest";
import { json, listingFetch, testClient } from "../helpers.js";

function clientThatMustNotSend() {
  let sent = 0;
  const fetch = (async () => {
    sent++;
    return json(200, { unassignedFlowInstanceIds: [] });
  }) as unknown as typeof globalThis.fetch;
  const { client } = testClient({ fetch });
  return { client, sent: () => sent };
}

describe("input validation, before anything is sent", () => {
  it.each([
    ["a bare string", "123", TypeError, /not a single string/],
    ["null", null, TypeError, /iterable/],
    ["a number", 5, TypeError, /iterable/],
    ["an empty list", [], RangeError, /empty/],
    ["a non-string id", ["1", 2], TypeError, /ids\[1\] must be a string/],
    ["an empty id", ["1", ""], RangeError, /ids\[1\] "" is empty/],
    ["an id with a space", ["1", "2", "3 4"], RangeError, /ids\[2\] "3 4" contains U\+0020/],
    ["an id with a tab", ["1\t"], RangeError, /ids\[0\].*U\+0009/],
    ["an id with a no-break space", ["1\u00a02"], RangeError, /U\+00A0/],
    ["an id with a zero-width space (Cf)", ["12\u200b"], RangeError, /U\+200B/],
    ["an id with a control character", ["12\u0000"], RangeError, /U\+0000/],
    ["an id with a comma", ["1,2"], RangeError, /contains ","/],
    ["an id with a #", ["#12"], RangeError, /contains "#"/],
    ["an id of 257 characters", ["9".repeat(257)], RangeError, /257 characters long/],
  ])("refuses %s", async (_, ids, type, message) => {
    const { client, sent } = clientThatMustNotSend();
    const call = client.unassignFlowInstances(ids as Iterable<string>);
    await expect(call).rejects.toBeInstanceOf(type);
    await expect(call).rejects.toThrow(message);
    expect(sent()).toBe(0);
  });

  it.each(["not-an-email", "a@b", "a b@c.de", "@c.de", "a@.de", 42])(
    "refuses unassignedByUserEmail %s",
    async (email) => {
      const { client, sent } = clientThatMustNotSend();
      await expect(
        client.unassignFlowInstances(["1"], { unassignedByUserEmail: email as string }),
      ).rejects.toThrow(/unassignedByUserEmail/);
      expect(sent()).toBe(0);
    },
  );

  it("accepts any iterable, including a generator, and an id of 256 characters", async () => {
    const { client, sent } = clientThatMustNotSend();
    function* ids() {
      yield "1";
      yield "9".repeat(256);
    }
    const report = await client.unassignFlowInstances(ids());
    expect(report.notUnassigned).toEqual(["1", "9".repeat(256)]);
    expect(sent()).toBe(1);
  });
});

describe("dedupe and batching", () => {
  it("drops duplicates, keeps first-occurrence order and sends the minimum number of requests", async () => {
    const { fetch, bodies } = listingFetch();
    const { client } = testClient({ fetch, batchSize: 3 });
    const report = await client.unassignFlowInstances(["5", "1", "5", "2", "3", "1", "4", "6", "7"]);
    expect(report.duplicates).toBe(2);
    expect(report.unassigned).toEqual(["5", "1", "2", "3", "4", "6", "7"]);
    expect(report.requests).toBe(3);
    expect(bodies.map((body) => body.flowInstanceIds.length).sort()).toEqual([1, 3, 3]);
  });

  it("sends the email with every batch", async () => {
    const { fetch, bodies } = listingFetch();
    const { client } = testClient({ fetch, batchSize: 1 });
    await client.unassignFlowInstances(["1", "2"], { unassignedByUserEmail: "ops@example.com" });
    expect(bodies.map((b) => b.unassignedByUserEmail)).toEqual(["ops@example.com", "ops@example.com"]);
  });
});
