import { describe, expect, it } from "vitest";
import { createSpecValidator } from "../src/spec-validator.js";

const json = { "content-type": "application/json" };

describe("the spec validator that keeps the fake honest", () => {
  const spec = createSpecValidator();

  it("passes documented answers", () => {
    expect(
      spec.violations(
        200,
        new Headers(json),
        '{"requestId":"r","unassignedFlowInstanceIds":["1"],"extra":1}',
      ),
    ).toEqual([]);
    expect(spec.violations(429, new Headers({ ...json, "retry-after": "3" }), '{"errors":["x"]}')).toEqual(
      [],
    );
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
    expect(spec.violations(status, new Headers(headers), body).join("; ")).toMatch(problem);
  });
});
