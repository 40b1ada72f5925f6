import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { journalKey } from "../src/journal/format.js";
import { replayJournal } from "../src/journal/replay.js";

const KEY = journalKey({ bearerToken: "replay-test-token" });

const headerRecord = {
  type: "header",
  format: "gong-flows-journal",
  version: 3,
  baseUrl: "https://api.gong.io",
  unassignedBy: null,
  idSet: "x",
  ids: 3,
};

/** Chains lines as the format says (HMAC-SHA-256 of the previous hash, a newline and the JSON), written out here. */
function chain(jsons: readonly string[], previous = "", key: Uint8Array = KEY): string[] {
  return jsons.map((json) => {
    previous = createHmac("sha256", key).update(`${previous}\n${json}`).digest("hex");
    return `${previous} ${json}`;
  });
}
const journal = (...records: object[]) =>
  `${chain([headerRecord, ...records].map((record) => JSON.stringify(record))).join("\n")}\n`;
const header = journal().slice(0, -1);

describe("replaying a journal", () => {
  it("keeps settled ids, and treats ids in flight or in doubt as possibly processed", () => {
    const state = replayJournal(
      journal(
        { type: "sending", ids: ["a", "b"], attempt: 1 },
        { type: "attempted", ids: ["a", "b"], attempt: 1, status: 200, maybeProcessed: false },
        { type: "settled", ids: ["a"], outcome: "unassigned" },
        { type: "settled", ids: ["b"], outcome: "notUnassigned" },
        { type: "sending", ids: ["c"], attempt: 1 },
      ),
      "j",
      KEY,
    );
    expect([...state.settled]).toEqual([
      ["a", "unassigned"],
      ["b", "notUnassigned"],
    ]);
    expect([...state.possiblyProcessed]).toEqual(["c"]);
  });

  it("clears ids whose attempt was refused (400, 429): Gong proved it did nothing", () => {
    const state = replayJournal(
      journal(
        { type: "sending", ids: ["a", "b"], attempt: 1 },
        { type: "attempted", ids: ["a", "b"], attempt: 1, status: 400, maybeProcessed: false },
        { type: "sending", ids: ["c"], attempt: 1 },
        { type: "attempted", ids: ["c"], attempt: 1, status: 429, maybeProcessed: false },
      ),
      "j",
      KEY,
    );
    expect([...state.possiblyProcessed]).toEqual([]);
  });

  it("keeps doubt from an earlier attempt even when a later one was refused", () => {
    const state = replayJournal(
      journal(
        { type: "sending", ids: ["a"], attempt: 1 },
        { type: "attempted", ids: ["a"], attempt: 1, status: 500, maybeProcessed: true },
        { type: "sending", ids: ["a"], attempt: 2 },
        { type: "attempted", ids: ["a"], attempt: 2, status: 429, maybeProcessed: false },
      ),
      "j",
      KEY,
    );
    expect([...state.possiblyProcessed]).toEqual(["a"]);
  });

  it("keeps an id in doubt when an earlier attempt was never answered, even if a later one was refused", () => {
    const state = replayJournal(
      journal(
        { type: "sending", ids: ["a"], attempt: 1 },
        { type: "sending", ids: ["a"], attempt: 1 },
        { type: "attempted", ids: ["a"], attempt: 1, status: 429, maybeProcessed: false },
      ),
      "j",
      KEY,
    );
    expect([...state.possiblyProcessed]).toEqual(["a"]);
  });

  it("ignores a last record without its newline, even a parseable one: its ids stay in doubt", () => {
    const text = journal(
      { type: "sending", ids: ["a"], attempt: 1 },
      { type: "attempted", ids: ["a"], attempt: 1, status: 200, maybeProcessed: false },
      { type: "settled", ids: ["a"], outcome: "unassigned" },
    ).slice(0, -1);
    const state = replayJournal(text, "j", KEY);
    expect(state.settled.size).toBe(0);
    expect([...state.possiblyProcessed]).toEqual(["a"]);
  });

  it.each([
    ["a record without ids", { type: "sending", attempt: 1 }],
    ["ids as a string", { type: "settled", ids: "2345", outcome: "unassigned" }],
    ["an unknown outcome", { type: "settled", ids: ["a"], outcome: "done" }],
    ["an unknown record type", { type: "note", ids: ["a"] }],
  ])("refuses %s as corruption", (_, record) => {
    const text = journal(record, { type: "sending", ids: ["a"], attempt: 1 });
    expect(() => replayJournal(text, "j", KEY)).toThrow(/corrupt at line 2/);
  });

  it.each([
    ["a one-line CSV", "id1,id2\n"],
    ["a one-line CSV without newline", "id1,id2"],
    ["a JSON file", '{"flowInstanceIds":["1"]}\n'],
  ])("refuses %s as not a journal", (_, text) => {
    expect(() => replayJournal(text, "ids.csv", KEY)).toThrow(/ids.csv is not a gong-flows journal/);
  });

  it("accepts an empty file or a torn header (hash, space, start of the header's JSON) as a new journal", () => {
    expect(replayJournal("", "j", KEY).binding).toBeNull();
    expect(replayJournal(header.slice(0, 65), "j", KEY).binding).toBeNull();
    expect(replayJournal(header.slice(0, 75), "j", KEY).binding).toBeNull();
    expect(replayJournal(header.slice(0, 100), "j", KEY).binding).toBeNull();
  });

  it.each([
    ["a short hex file", "deadbeef"],
    ["a whole hash without its space", "a".repeat(64)],
    ["a hash and something else", `${"a".repeat(64)} hello`],
    ["a hash and other JSON", `${"a".repeat(64)} {"type":"sending"`],
  ])("refuses %s as not a journal (it is someone's file, never replaced)", (_, text) => {
    expect(() => replayJournal(text, "keys.hex", KEY)).toThrow(/keys.hex is not a gong-flows journal/);
  });
});

describe("a journal someone edited", () => {
  const genuine = [
    { type: "sending", ids: ["a", "b"], attempt: 1 },
    { type: "attempted", ids: ["a", "b"], attempt: 1, status: 200, maybeProcessed: false },
    { type: "settled", ids: ["a"], outcome: "unassigned" },
    { type: "settled", ids: ["b"], outcome: "notUnassigned" },
  ];

  it("is refused when a settled line has no answered request before it, even with a valid chain", () => {
    // The forgery: a header and one `settled unassigned` line, hashes and all.
    const forged = journal({ type: "settled", ids: ["a", "b", "c"], outcome: "unassigned" });
    expect(() => replayJournal(forged, "j", KEY)).toThrow(
      /j is corrupt at line 2 \(it settles id a as unassigned without a request answered so before it\)/,
    );
    const afterRefusal = journal(
      { type: "sending", ids: ["a"], attempt: 1 },
      { type: "attempted", ids: ["a"], attempt: 1, status: 500, maybeProcessed: true },
      { type: "settled", ids: ["a"], outcome: "unassigned" },
    );
    expect(() => replayJournal(afterRefusal, "j", KEY)).toThrow(/corrupt at line 4/);
    const rejectedAfter200 = journal(
      { type: "sending", ids: ["a"], attempt: 1 },
      { type: "attempted", ids: ["a"], attempt: 1, status: 200, maybeProcessed: false },
      { type: "settled", ids: ["a"], outcome: "rejected" },
    );
    expect(() => replayJournal(rejectedAfter200, "j", KEY)).toThrow(/corrupt at line 4/);
    const answerWithoutSending = journal({
      type: "attempted",
      ids: ["a"],
      attempt: 1,
      status: 200,
      maybeProcessed: false,
    });
    expect(() => replayJournal(answerWithoutSending, "j", KEY)).toThrow(/line 2 \(id a was not sent/);
  });

  it("is refused when a byte is flipped, naming the line", () => {
    const lines = journal(...genuine).split("\n");
    lines[3] = (lines[3] as string).replace('"a"', '"c"');
    expect(() => replayJournal(lines.join("\n"), "j", KEY)).toThrow(
      /corrupt at line 4 \(its checksum does not match/,
    );
    const hashFlipped = journal(...genuine).split("\n");
    hashFlipped[2] = `${(hashFlipped[2] as string)[0] === "0" ? "1" : "0"}${(hashFlipped[2] as string).slice(1)}`;
    expect(() => replayJournal(hashFlipped.join("\n"), "j", KEY)).toThrow(/corrupt at line 3/);
  });

  it("is refused when a line is inserted, prepended or removed", () => {
    const lines = journal(...genuine).split("\n");
    // A forged line with a hash of its own: it breaks the chain of the line after it.
    const [forged] = chain(
      [JSON.stringify({ type: "settled", ids: ["c"], outcome: "unassigned" })],
      "f".repeat(64),
    );
    const inserted = [...lines.slice(0, 3), forged, ...lines.slice(3)].join("\n");
    expect(() => replayJournal(inserted, "j", KEY)).toThrow(/corrupt at line 4/);
    const removed = [...lines.slice(0, 2), ...lines.slice(3)].join("\n");
    expect(() => replayJournal(removed, "j", KEY)).toThrow(/corrupt at line 3/);
    const prepended = [forged, ...lines].join("\n");
    expect(() => replayJournal(prepended, "j", KEY)).toThrow(/j is not a gong-flows journal/);
  });

  it("is accepted when only its tail was cut (a crash), the cut ids staying in doubt", () => {
    const text = journal(...genuine);
    const cut = text.slice(0, text.lastIndexOf("\n", text.length - 2) + 1);
    const state = replayJournal(cut, "j", KEY);
    expect([...state.settled]).toEqual([["a", "unassigned"]]);
    expect([...state.possiblyProcessed]).toEqual(["b"]);
  });

  it("is refused when its chain was computed without the credentials (the plain SHA-256 of format 2)", () => {
    // The reviewer's forge.mjs: sent, answered 200 and settled unassigned, every hash recomputed.
    let previous = "";
    const forged = [
      headerRecord,
      { type: "sending", ids: ["a"], attempt: 1 },
      { type: "attempted", ids: ["a"], attempt: 1, status: 200, maybeProcessed: false },
      { type: "settled", ids: ["a"], outcome: "unassigned" },
    ]
      .map((record) => {
        const json = JSON.stringify(record);
        previous = createHash("sha256").update(`${previous}\n${json}`).digest("hex");
        return `${previous} ${json}\n`;
      })
      .join("");
    expect(() => replayJournal(forged, "j", KEY)).toThrow(/Journal j was not written with these credentials/);
  });

  it("is refused when written with other credentials", () => {
    const other = journalKey({ accessKey: "other-key", accessKeySecret: "other-secret" });
    const lines = chain(
      [headerRecord, ...genuine].map((record) => JSON.stringify(record)),
      "",
      other,
    );
    expect(() => replayJournal(`${lines.join("\n")}\n`, "j", KEY)).toThrow(
      /Journal j was not written with these credentials/,
    );
    // Without a key (a dry run without credentials) it is read, unverified.
    expect(replayJournal(`${lines.join("\n")}\n`, "j", null).binding).not.toBeNull();
  });

  it("of format version 2 (an unkeyed chain) is refused with a message saying so", () => {
    const old = `${chain([JSON.stringify({ ...headerRecord, version: 2 })]).join("")}\n`;
    expect(() => replayJournal(old, "old.journal", KEY)).toThrow(
      /Journal old.journal has format version 2; this gong-flows reads version 3/,
    );
  });

  it("of format version 1 (no checksums) is refused with a message saying so", () => {
    const old = `${JSON.stringify({ ...headerRecord, version: 1 })}\n`;
    expect(() => replayJournal(old, "old.journal", KEY)).toThrow(
      /Journal old.journal has format version 1; this gong-flows reads version 3/,
    );
  });
});
