import { SPEC } from "./generated/spec.js";
import { routesOf } from "./spec-routes.js";
import { sharedSpecValidator } from "./validator.js";

const routes = routesOf(SPEC);

/**
 * Every way an answer breaks what the spec documents for `operationId` and `status` (body schema, required
 * headers such as `Retry-After`, content type); empty when it conforms. The check the fake applies to its own
 * answers, for teams that keep a fake of their own.
 */
export function answerViolations(
  operationId: string,
  status: number,
  headers: Headers,
  bodyText: string,
): string[] {
  const route = routes.find((candidate) => candidate.operationId === operationId);
  if (!route) throw new RangeError(`the spec has no operation ${JSON.stringify(operationId)}`);
  return sharedSpecValidator(SPEC, routes).checkResponse(route, status, headers, bodyText);
}
