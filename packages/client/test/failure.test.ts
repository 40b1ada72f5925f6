import { describe, expect, it } from "vitest";
import { failureOf } from "../src/failure.js";
import { GongBadRequestError, GongConnectionError, GongServerError } from "../src/index.js";

describe("failureOf", () => {
  it("stands the error's own sentence in for Gong's messages only when there was no answer at all", () => {
    const unreachable = new GongConnectionError("Could not reach api.gong.io (ENOTFOUND)");
    expect(failureOf(unreachable).messages).toEqual(["Could not reach api.gong.io (ENOTFOUND)"]);
  });

  it("keeps messages given without a status, and an answer's empty messages as they are", () => {
    expect(failureOf(new GongConnectionError("reset", { messages: ["socket hang up"] })).messages).toEqual([
      "socket hang up",
    ]);
    expect(failureOf(new GongServerError("Gong failed (503)", { status: 503 })).messages).toEqual([]);
  });

  it("copies kind, status, request id and message", () => {
    const error = new GongBadRequestError("Gong refused the request (400): bad", {
      status: 400,
      requestId: "r-9",
      messages: ["bad"],
    });
    expect(failureOf(error)).toEqual({
      kind: "bad_request",
      status: 400,
      requestId: "r-9",
      message: "Gong refused the request (400): bad",
      messages: ["bad"],
    });
  });
});
