import { describe, expect, it } from "vitest";
import { replayJournal } from "../src/journal/replay.js";

const header = JSON.stringify({
  type: "header",
  format: "gong-flows-journal",
  version: 1,
  baseUrl: "https://api.gong.io",
  unassignedBy: null,
  idSet: "x",
  ids: 3,
});
const journal = (...records: object[]) =>
  `${[header, ...records.map((r) => JSON.stringify(r))].join("\n")}\n`;

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
    );
    expect([...state.possiblyProcessed]).toEqual(["a"]);
  });

  it("ignores a last record without its newline, even a parseable one: its ids stay in doubt", () => {
    const text = journal(
      { type: "sending", ids: ["a"], attempt: 1 },
      { type: "attempted", ids: ["a"], attempt: 1, status: 200, maybeProcessed: false },
      { type: "settled", ids: ["a"], outcome: "unassigned" },
    ).slice(0, -1);
    const state = replayJournal(text, "j");
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
    expect(() => replayJournal(text, "j")).toThrow(/corrupt at line 2/);
  });

  it.each([
    ["a one-line CSV", "id1,id2\n"],
    ["a one-line CSV without newline", "id1,id2"],
    ["a JSON file", '{"flowInstanceIds":["1"]}\n'],
  ])("refuses %s as not a journal", (_, text) => {
    expect(() => replayJournal(text, "ids.csv")).toThrow(/ids.csv is not a gong-flows journal/);
  });

  it("accepts an empty file or a torn header as a new journal", () => {
    expect(replayJournal("", "j").binding).toBeNull();
    expect(replayJournal(header.slice(0, 30), "j").binding).toBeNull();
  });
});
