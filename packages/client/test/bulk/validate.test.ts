import { describe, expect, it } from "vitest";
import { GongInputError } from "../../src/index.js";
import { json, listingFetch, sentBody, testClient } from "../helpers.js";

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
    ["a bare string", "123", null, "123", /not a single string/],
    ["null", null, null, null, /iterable/],
    ["a number", 5, null, null, /iterable/],
    ["an empty list", [], null, null, /^ids is empty: pass at least one flow instance id$/],
    ["a non-string id", ["1", 2], 1, null, /^ids\[1\] must be a string, got number$/],
    ["an empty id", ["1", ""], 1, "", /^ids\[1\] "" is empty$/],
    ["an id with a space", ["1", "2", "3 4"], 2, "3 4", /ids\[2\] "3 4" contains U\+0020/],
    ["an id with a tab", ["1\t"], 0, "1\t", /ids\[0\].*U\+0009/],
    ["an id with a no-break space", ["1\u00a02"], 0, "1\u00a02", /U\+00A0/],
    ["an id with a zero-width space (Cf)", ["12\u200b"], 0, "12\u200b", /U\+200B/],
    ["an id with a control character", ["12\u0000"], 0, "12\u0000", /U\+0000/],
    ["an id with a comma", ["1,2"], 0, "1,2", /contains ","/],
    ["an id with a #", ["#12"], 0, "#12", /contains "#"/],
    [
      "an id of 257 characters",
      ["9".repeat(257)],
      0,
      `${"9".repeat(60)}…`,
      /257 characters long \(at most 256\)/,
    ],
    // The spec's id schema: 1 to 30 decimal digits (tools that generate requests from it used to send "SVXHP").
    [
      "an id of letters",
      ["1", "SVXHP"],
      1,
      "SVXHP",
      /ids\[1\] "SVXHP" is not a Gong id: flow instance ids are decimal digits \(\^\[0-9\]\{1,30\}\$\)/,
    ],
    ["an email", ["ann@example.com"], 0, "ann@example.com", /is not a Gong id/],
    ["an id of 31 digits", ["1".repeat(31)], 0, "1".repeat(31), /is not a Gong id/],
    ["a negative number", ["-1"], 0, "-1", /is not a Gong id/],
    ["Arabic-Indic digits", ["\u0661\u0662"], 0, "\u0661\u0662", /is not a Gong id/],
  ])("refuses %s with a GongInputError saying where", async (_, ids, index, value, message) => {
    const { client, sent } = clientThatMustNotSend();
    const call = client.unassignFlowInstances(ids as Iterable<string>);
    await expect(call).rejects.toBeInstanceOf(GongInputError);
    await expect(call).rejects.toThrow(message);
    await expect(call).rejects.toMatchObject({ field: "ids", index, value });
    expect(sent()).toBe(0);
  });

  it.each([
    [
      "not-an-email",
      "not-an-email",
      'unassignedByUserEmail "not-an-email" does not look like local@domain.tld',
    ],
    ["a@b", "a@b", 'unassignedByUserEmail "a@b" does not look like local@domain.tld'],
    ["a b@c.de", "a b@c.de", 'unassignedByUserEmail "a b@c.de" does not look like local@domain.tld'],
    ["@c.de", "@c.de", 'unassignedByUserEmail "@c.de" does not look like local@domain.tld'],
    ["a@.de", "a@.de", 'unassignedByUserEmail "a@.de" does not look like local@domain.tld'],
    [42, null, "unassignedByUserEmail must be a string, got number"],
  ])("refuses unassignedByUserEmail %s", async (email, value, message) => {
    const { client, sent } = clientThatMustNotSend();
    const call = client.unassignFlowInstances(["1"], { unassignedByUserEmail: email as string });
    await expect(call).rejects.toBeInstanceOf(GongInputError);
    await expect(call).rejects.toMatchObject({ message, field: "unassignedByUserEmail", index: null, value });
    expect(sent()).toBe(0);
  });

  it("refuses a bad possiblyProcessed id, naming that field", async () => {
    const { client, sent } = clientThatMustNotSend();
    const call = client.unassignFlowInstances(["1"], { possiblyProcessed: ["2", "x y"] });
    await expect(call).rejects.toMatchObject({ field: "possiblyProcessed", index: 1, value: "x y" });
    expect(sent()).toBe(0);
  });

  it("accepts any iterable, including a generator, and an id of 30 digits", async () => {
    const { client, sent } = clientThatMustNotSend();
    function* ids() {
      yield "1";
      yield "9".repeat(30);
    }
    const report = await client.unassignFlowInstances(ids());
    expect(report.notUnassigned).toEqual(["1", "9".repeat(30)]);
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

describe("many requests in flight on one signal", () => {
  it("add one listener to the caller's signals, however many requests overlap", async () => {
    const counted = (signal: AbortSignal) => {
      let listeners = 0;
      let most = 0;
      const add = signal.addEventListener.bind(signal);
      const remove = signal.removeEventListener.bind(signal);
      signal.addEventListener = ((...args: Parameters<typeof add>) => {
        most = Math.max(most, ++listeners);
        add(...args);
      }) as typeof add;
      signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
        listeners--;
        remove(...args);
      }) as typeof remove;
      return () => most;
    };
    const abort = new AbortController();
    const stop = new AbortController();
    const mostOnSignal = counted(abort.signal);
    const mostOnStop = counted(stop.signal);
    const slow = (async (_input: unknown, init?: RequestInit) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return json(200, { unassignedFlowInstanceIds: sentBody(init).flowInstanceIds });
    }) as unknown as typeof fetch;
    const { client } = testClient({ fetch: slow, batchSize: 1, requestsPerSecond: 100 });
    const ids = Array.from({ length: 40 }, (_, i) => String(i + 1));
    const report = await client.unassignFlowInstances(ids, { signal: abort.signal, stopSignal: stop.signal });
    expect(report.unassigned).toEqual(ids);
    expect([mostOnSignal(), mostOnStop()]).toEqual([1, 1]);
  });
});
