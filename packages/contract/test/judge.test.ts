import { describe, expect, it } from "vitest";
import type { Answer } from "../src/answer.js";
import { readAnswer } from "../src/answer.js";
import { inconclusive, judge, NONEXISTENT_ID } from "../src/index.js";

const answer = (status: number, body: unknown, contentType = "application/json"): Answer => ({
  status,
  contentType,
  retryAfter: null,
  bodyText: JSON.stringify(body),
  json: body,
  proxyProblems: null,
});
const refused = { kind: "error", status: 400 } as const;
const unknownId = { kind: "unknown-id", id: NONEXISTENT_ID } as const;

describe("judge", () => {
  it("passes a documented error answer", () => {
    expect(judge(refused, answer(400, { requestId: "r1", errors: ["bad"] }))).toEqual([]);
    expect(
      judge(refused, answer(400, { requestId: "r1", errors: [] }, "application/json; charset=utf-8")),
    ).toEqual([]);
  });

  it.each<[string, Answer, string[]]>([
    ["a wrong status", answer(500, { requestId: "r", errors: ["x"] }), ["expected status 400, got 500"]],
    [
      "another media type",
      answer(400, { requestId: "r", errors: ["x"] }, "application/problem+json"),
      ["content-type is application/problem+json, the spec documents application/json"],
    ],
    [
      "a body that is not JSON",
      { ...answer(400, null, "text/plain"), bodyText: "oops", json: undefined },
      ["content-type is text/plain, the spec documents application/json", "the body is not JSON"],
    ],
    ["a JSON array", answer(400, ["x"]), ["the body is not a JSON object"]],
    [
      "an error body without requestId",
      answer(400, { errors: ["x"] }),
      ["the body has no requestId (callers need it to ask Gong support about a failure)"],
    ],
    [
      "errors that are not strings",
      answer(400, { requestId: "r", errors: [1] }),
      ["the body has no errors[] array of strings"],
    ],
  ])("flags %s", (_, seen, problems) => {
    expect(judge(refused, seen)).toEqual(problems);
  });

  it("reports Prism's verdict instead of judging the answer", () => {
    const verdict = {
      ...answer(500, {}),
      proxyProblems: ["the target's answer breaks the spec at response: x"],
    };
    expect(judge(refused, verdict)).toEqual(["the target's answer breaks the spec at response: x"]);
  });

  it("accepts both documented answers to an id that does not exist", () => {
    expect(judge(unknownId, answer(400, { requestId: "r", errors: ["does not exist"] }))).toEqual([]);
    expect(judge(unknownId, answer(200, { requestId: "r", unassignedFlowInstanceIds: ["1"] }))).toEqual([]);
    expect(judge(unknownId, answer(200, { unassignedFlowInstanceIds: [NONEXISTENT_ID] }))).toEqual([
      `unassignedFlowInstanceIds lists the id that does not exist: ["${NONEXISTENT_ID}"]`,
    ]);
    expect(judge(unknownId, answer(404, { requestId: "r", errors: ["x"] }))).toEqual([
      "expected status 400 or 200, got 404",
    ]);
  });

  it("checks that an unassign lists only ids that were sent", () => {
    const unassigned = { kind: "unassigned", ids: ["1", "2"] } as const;
    expect(judge(unassigned, answer(200, { unassignedFlowInstanceIds: ["2"] }))).toEqual([]);
    expect(judge(unassigned, answer(200, { unassignedFlowInstanceIds: ["2", "3"] }))).toEqual([
      'unassignedFlowInstanceIds lists ids that were not sent: ["3"]',
    ]);
    expect(judge(unassigned, answer(200, { unassignedFlowInstanceIds: "1,2" }))).toEqual([
      "the body has no unassignedFlowInstanceIds array of strings",
    ]);
  });
});

describe("readAnswer", () => {
  const problem = (body: object) =>
    new Response(JSON.stringify(body), {
      status: 500,
      headers: { "content-type": "application/problem+json" },
    });

  it("turns Prism's violation list into problems", async () => {
    const seen = await readAnswer(
      problem({
        type: "https://stoplight.io/prism/errors#VIOLATIONS",
        title: "Request/Response not valid",
        status: 500,
        detail: "",
        validation: [
          { location: ["response", "body"], severity: "Error", message: "Response body must be object" },
        ],
      }),
    );
    expect(seen.proxyProblems).toEqual([
      "the target's answer breaks the spec at response.body: Response body must be object",
    ]);
  });

  it("tells when Prism could not get an answer at all", async () => {
    const seen = await readAnswer(
      problem({ type: "FetchError", title: "connect ECONNREFUSED", status: 500, detail: "" }),
    );
    expect(seen.proxyProblems).toEqual([
      "Prism could not get a readable answer from the target: connect ECONNREFUSED",
    ]);
  });

  it("leaves a target's own problem+json answer to the checks", async () => {
    const seen = await readAnswer(problem({ type: "https://example.com/problems/quota", title: "Quota" }));
    expect(seen.proxyProblems).toBeNull();
  });
});

describe("inconclusive", () => {
  const rule = (idExists: boolean) =>
    ({ kind: "refused-for", rule: "the email format", names: /email/i, idExists }) as const;
  const generic = answer(400, { requestId: "r", errors: ["An error has occurred"] });

  it("cannot tell from a generic 400 whether the rule was checked when the probe's id may not exist", () => {
    expect(judge(rule(false), generic)).toEqual([]);
    expect(inconclusive(rule(false), generic)).toMatch(
      /^cannot tell whether the email format is checked: .* run with --allow-writes ID/,
    );
  });

  it("is satisfied by a 400 naming the rule, or by any 400 for an id that exists", () => {
    const naming = answer(400, {
      requestId: "r",
      errors: ['unassignedByUserEmail must match format "email"'],
    });
    expect(inconclusive(rule(false), naming)).toBeNull();
    expect(inconclusive(rule(true), generic)).toBeNull();
    expect(judge(rule(true), answer(200, { unassignedFlowInstanceIds: [] }))).toEqual([
      "expected status 400, got 200",
      "the body has no requestId (callers need it to ask Gong support about a failure)",
      "the body has no errors[] array of strings",
    ]);
  });
});
