import { describe, expect, it } from "vitest";
import { Ledger } from "../../src/bulk/ledger.js";
import type { ProgressEvent } from "../../src/bulk/report.js";
import { GongBadRequestError, GongConnectionError, GongServerError } from "../../src/index.js";

const recording = (ids: string[], possiblyProcessed: string[] = []) => {
  const events: ProgressEvent[] = [];
  const ledger = new Ledger(ids, 0, possiblyProcessed, (event) => events.push(event));
  return { ledger, events };
};

describe("Ledger: attempts", () => {
  it("counts every attempt and keeps the request ids that came, in order", () => {
    const { ledger, events } = recording(["1", "2"]);
    ledger.attempted(["1", "2"], 1, { status: 503, requestId: "r1", maybeProcessed: true });
    ledger.attempted(["1", "2"], 2, { status: null, requestId: null, maybeProcessed: false });
    ledger.attempted(["1", "2"], 3, { status: 200, requestId: "r3", maybeProcessed: false });
    expect(ledger.report()).toMatchObject({ requests: 3, requestIds: ["r1", "r3"] });
    expect(events).toEqual([
      {
        type: "attempted",
        flowInstanceIds: ["1", "2"],
        attempt: 1,
        status: 503,
        maybeProcessed: true,
        settled: 0,
        total: 2,
      },
      {
        type: "attempted",
        flowInstanceIds: ["1", "2"],
        attempt: 2,
        status: null,
        maybeProcessed: false,
        settled: 0,
        total: 2,
      },
      {
        type: "attempted",
        flowInstanceIds: ["1", "2"],
        attempt: 3,
        status: 200,
        maybeProcessed: false,
        settled: 0,
        total: 2,
      },
    ]);
  });

  it("puts the ids of an attempt that may have been processed in doubt, and only those", () => {
    const { ledger } = recording(["1", "2", "3"]);
    ledger.attempted(["1"], 1, { status: 500, requestId: null, maybeProcessed: true });
    ledger.attempted(["2"], 1, { status: 400, requestId: null, maybeProcessed: false });
    ledger.settle(["1", "2", "3"], "notUnassigned");
    expect(ledger.report()).toMatchObject({ unknown: ["1"], notUnassigned: ["2", "3"] });
  });

  it("lets a listing settle an id in doubt as unassigned", () => {
    const { ledger } = recording(["1"], ["1"]);
    ledger.settle(["1"], "unassigned");
    expect(ledger.report().unassigned).toEqual(["1"]);
  });

  it("keeps an id in doubt when it is settled unknown directly", () => {
    const { ledger } = recording(["1"]);
    ledger.settle(["1"], "unknown");
    expect(ledger.report().unknown).toEqual(["1"]);
  });
});

describe("Ledger: errors", () => {
  it("records Gong's messages and the sentence of an answered failure", () => {
    const { ledger } = recording(["1", "2"]);
    const error = new GongBadRequestError("Gong refused the request (400): bad id (requestId r)", {
      status: 400,
      requestId: "r",
      messages: ["bad id"],
    });
    const entry = ledger.recordError(error, ["1", "2"]);
    expect(entry).toEqual({
      kind: "bad_request",
      status: 400,
      requestId: "r",
      message: "Gong refused the request (400): bad id (requestId r)",
      messages: ["bad id"],
      flowInstanceIds: ["1", "2"],
    });
    expect(ledger.report().errors).toEqual([entry]);
  });

  it("stands the transport's description in for Gong's messages when no answer came", () => {
    const { ledger } = recording(["1"]);
    const entry = ledger.recordError(new GongConnectionError("Could not complete the request: ENOTFOUND"), [
      "1",
    ]);
    expect(entry.messages).toEqual(["Could not complete the request: ENOTFOUND"]);
  });

  it("keeps an answered failure's empty message list empty", () => {
    const { ledger } = recording(["1"]);
    const entry = ledger.recordError(new GongServerError("Gong failed with 502", { status: 502 }), ["1"]);
    expect(entry.messages).toEqual([]);
  });

  it("copies the ids, so the caller's array can change", () => {
    const { ledger } = recording(["1", "2"]);
    const ids = ["1"];
    const entry = ledger.recordError(new GongServerError("m", { status: 500 }), ids);
    ids.push("2");
    expect(entry.flowInstanceIds).toEqual(["1"]);
  });

  it("attaches the error to the settled event, and none when there is no error", () => {
    const { ledger, events } = recording(["1", "2"]);
    const entry = ledger.recordError(new GongBadRequestError("m", { status: 400 }), ["1"]);
    ledger.settle(["1"], "rejected", entry);
    ledger.settle(["2"], "unassigned");
    expect(events).toEqual([
      { type: "settled", flowInstanceIds: ["1"], outcome: "rejected", error: entry, settled: 1, total: 2 },
      { type: "settled", flowInstanceIds: ["2"], outcome: "unassigned", settled: 2, total: 2 },
    ]);
    expect("error" in (events[1] ?? {})).toBe(false);
  });
});

describe("Ledger: a progress handler that throws", () => {
  it("is remembered, silenced, and rethrown before the next attempt starts", () => {
    const failure = new Error("journal full");
    let calls = 0;
    const ledger = new Ledger(["1"], 0, [], () => {
      calls++;
      throw failure;
    });
    expect(ledger.handlerFailure).toBeUndefined();
    ledger.settle(["1"], "unassigned");
    expect(ledger.handlerFailure).toEqual({ error: failure });
    ledger.attempted(["1"], 1, { status: 200, requestId: null, maybeProcessed: false });
    expect(calls).toBe(1);
    expect(() => ledger.sending(["1"], 2)).toThrow(failure);
    expect(calls).toBe(1);
  });

  it("lets sending go on while the handler works", () => {
    const { ledger, events } = recording(["1"]);
    expect(() => ledger.sending(["1"], 1)).not.toThrow();
    expect(events).toEqual([{ type: "sending", flowInstanceIds: ["1"], attempt: 1, settled: 0, total: 1 }]);
  });
});
