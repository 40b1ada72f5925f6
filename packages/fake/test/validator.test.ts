import { describe, expect, it } from "vitest";
import { answerViolations } from "../src/index.js";

const json = { "content-type": "application/json" };
const check = (status: number, headers: Record<string, string>, body: string) =>
  answerViolations("unassignFlows", status, new Headers(headers), body);

describe("the answer check that keeps the fake honest", () => {
  it("passes documented answers", () => {
    expect(check(200, json, '{"requestId":"r","unassignedFlowInstanceIds":["1"],"extra":1}')).toEqual([]);
    expect(check(429, { ...json, "retry-after": "3" }, '{"errors":["x"]}')).toEqual([]);
  });

  it.each([
    ["a 429 without Retry-After", 429, json, '{"errors":["x"]}', /Retry-After is missing/],
    [
      "a fractional Retry-After",
      429,
      { ...json, "retry-after": "1.5" },
      '{"errors":["x"]}',
      /Retry-After=1.5/,
    ],
    ["an HTML error page", 500, { "content-type": "text/html" }, "<html></html>", /not application\/json/],
    ["a 200 without the id list", 200, json, '{"requestId":"r"}', /unassignedFlowInstanceIds/],
    ["ids that are numbers", 200, json, '{"unassignedFlowInstanceIds":[1]}', /must be string/],
    ["an error body without errors[]", 400, json, '{"requestId":"r"}', /errors/],
    ["an undocumented status", 503, json, "{}", /not documented/],
  ])("flags %s", (_, status, headers, body, problem) => {
    expect(check(status, headers, body).join("; ")).toMatch(problem);
  });

  it("refuses an operation the spec does not have", () => {
    expect(() => answerViolations("deleteEverything", 200, new Headers(json), "{}")).toThrow(RangeError);
  });
});
