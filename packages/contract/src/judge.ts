import type { Answer } from "./answer.js";
import type { Expectation } from "./checks.js";

type Body = Record<string, unknown>;

/** Every way `answer` falls short of `expectation`; empty when it passes. */
export function judge(expectation: Expectation, answer: Answer): string[] {
  if (answer.proxyProblems) return [...answer.proxyProblems];
  switch (expectation.kind) {
    case "error":
      return [...statusProblems(answer, [expectation.status]), ...errorBodyProblems(answer)];
    case "refused-for":
      return [...statusProblems(answer, [400]), ...errorBodyProblems(answer)];
    case "unknown-id":
      if (answer.status === 200)
        return listedProblems(answer, (id) => id === expectation.id, "the id that does not exist");
      return [...statusProblems(answer, [400, 200]), ...errorBodyProblems(answer)];
    case "unassigned":
      return [
        ...statusProblems(answer, [200]),
        ...listedProblems(answer, (id) => !expectation.ids.includes(id), "ids that were not sent"),
      ];
  }
}

function statusProblems(answer: Answer, allowed: readonly number[]): string[] {
  return allowed.includes(answer.status)
    ? []
    : [`expected status ${allowed.join(" or ")}, got ${answer.status}`];
}

/** The body as a JSON object, or the problems that stop it from being one. */
function jsonObject(answer: Answer): { body: Body | null; problems: string[] } {
  const problems: string[] = [];
  const mediaType = answer.contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    problems.push(`content-type is ${answer.contentType ?? "missing"}, the spec documents application/json`);
  }
  const { json } = answer;
  if (json === undefined) return { body: null, problems: [...problems, "the body is not JSON"] };
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { body: null, problems: [...problems, "the body is not a JSON object"] };
  }
  return { body: json as Body, problems };
}

function errorBodyProblems(answer: Answer): string[] {
  const { body, problems } = jsonObject(answer);
  if (!body) return problems;
  if (typeof body.requestId !== "string" || body.requestId === "") {
    problems.push("the body has no requestId (callers need it to ask Gong support about a failure)");
  }
  if (!Array.isArray(body.errors) || !body.errors.every((message) => typeof message === "string")) {
    problems.push("the body has no errors[] array of strings");
  }
  return problems;
}

/** Checks `unassignedFlowInstanceIds` and that it lists no id for which `forbidden` holds. */
function listedProblems(answer: Answer, forbidden: (id: string) => boolean, what: string): string[] {
  const { body, problems } = jsonObject(answer);
  if (!body) return problems;
  const listed = body.unassignedFlowInstanceIds;
  if (!Array.isArray(listed) || !listed.every((id) => typeof id === "string")) {
    return [...problems, "the body has no unassignedFlowInstanceIds array of strings"];
  }
  const wrong = listed.filter(forbidden);
  if (wrong.length > 0) problems.push(`unassignedFlowInstanceIds lists ${what}: ${JSON.stringify(wrong)}`);
  return problems;
}

/**
 * Why an answer that passes still proves nothing, or `null`: a 400 to a body-rule probe whose id may not exist
 * could be for the id alone, unless `errors[]` names the rule.
 */
export function inconclusive(expectation: Expectation, answer: Answer): string | null {
  if (expectation.kind !== "refused-for" || expectation.idExists || answer.status !== 400) return null;
  const errors = (answer.json as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(errors) && expectation.names.test(errors.join("\n"))) return null;
  return (
    `cannot tell whether ${expectation.rule} is checked: the probe's id may not exist for the target and ` +
    "errors[] does not name the rule; run with --allow-writes ID (an id that exists) to check it"
  );
}
