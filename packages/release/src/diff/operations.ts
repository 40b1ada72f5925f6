import { compareComponents } from "./components.js";
import type { SpecDifference } from "./difference.js";
import { Findings } from "./difference.js";
import { SpecDocument } from "./document.js";
import type { Json } from "./json.js";
import { operationsOf } from "./operation-list.js";
import { compareParameters, parametersOf } from "./parameters.js";
import { compareRequestBody } from "./request-body.js";
import { compareResponses } from "./responses.js";
import { compareSecurity } from "./security.js";

/**
 * Compares two OpenAPI 3.x documents operation by operation, by meaning, and judges each difference for the
 * clients of the API with a rule of {@link RULES}.
 */
export function diffSpecs(before: Json, after: Json): SpecDifference[] {
  const findings = new Findings(new SpecDocument(before), new SpecDocument(after));
  const [was, is] = [operationsOf(findings.before), operationsOf(findings.after)];
  for (const [name, old] of was) {
    const ctx = findings.forOperation(name);
    const now = is.get(name);
    if (now === undefined) {
      ctx.report("operation-removed", "", "operation removed");
      continue;
    }
    if (old.operation.operationId !== now.operation.operationId) {
      const id = (value: unknown) => (value === undefined ? "none" : `'${value}'`);
      ctx.report(
        "operation-id-changed",
        "/operationId",
        `operationId changed from ${id(old.operation.operationId)} to ${id(now.operation.operationId)}`,
      );
    }
    compareParameters(
      ctx,
      parametersOf(findings.before, old.pathItem, old.operation),
      parametersOf(findings.after, now.pathItem, now.operation),
    );
    compareRequestBody(ctx, old.operation, now.operation);
    compareResponses(ctx, old.operation, now.operation);
    compareSecurity(ctx, old.operation, now.operation);
  }
  for (const name of is.keys()) {
    if (!was.has(name)) findings.forOperation(name).report("operation-added", "", "operation added");
  }
  compareComponents(findings.forOperation("components"), was, is);
  return findings.list();
}
