import type { OperationContext } from "./difference.js";
import type { SpecDocument } from "./document.js";
import { asObject, type Json, pointerSegment } from "./json.js";
import type { Operation } from "./operation-list.js";
import { RULES, type RuleId } from "./rules.js";
import { compareSchemas } from "./schema/compare.js";
import type { Direction } from "./schema/constraints.js";

/**
 * The component kinds whose names consumers write: @gong-flows/client exports the generated `components` type,
 * used as `components["schemas"]["X"]`; security schemes are named by clients' credentials.
 */
const KINDS = [
  "schemas",
  "responses",
  "parameters",
  "requestBodies",
  "headers",
  "pathItems",
  "securitySchemes",
] as const;

/** Every local `$ref` reachable from `roots`, following each target once. */
function reachable(doc: SpecDocument, roots: readonly unknown[]): Set<string> {
  const refs = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const ref = (node as Json).$ref;
    if (typeof ref === "string" && !refs.has(ref)) {
      refs.add(ref);
      stack.push(doc.target(ref));
    }
    for (const value of Object.values(node)) stack.push(value);
  }
  return refs;
}

/** The refs each side of the exchange reaches through the operations. */
function usesOf(doc: SpecDocument, operations: Map<string, Operation>): Record<Direction, Set<string>> {
  const all = [...operations.values()];
  return {
    request: reachable(
      doc,
      all.flatMap(({ pathItem, operation }) => [
        pathItem.parameters,
        operation.parameters,
        operation.requestBody,
      ]),
    ),
    response: reachable(
      doc,
      all.map(({ operation }) => operation.responses),
    ),
  };
}

const usedBy = (uses: Record<Direction, Set<string>>, ref: string) => {
  const sides = (["request", "response"] as const).filter((direction) => uses[direction].has(ref));
  return sides.length === 0 ? "no operation" : `${sides.join(" and ")}s`;
};

/**
 * The document's reusable components as TypeScript consumers see them: a name removed (or renamed) stops their
 * code compiling; a schema no operation reaches in both versions is compared on its own, both ways, since code
 * may build values of its type (request rules) or read them (response rules).
 */
export function compareComponents(
  ctx: OperationContext,
  oldOperations: Map<string, Operation>,
  newOperations: Map<string, Operation>,
): void {
  const [oldUses, newUses] = [usesOf(ctx.before, oldOperations), usesOf(ctx.after, newOperations)];
  for (const kind of KINDS) {
    const was = asObject(asObject(ctx.before.root.components)[kind]);
    const is = asObject(asObject(ctx.after.root.components)[kind]);
    for (const name of Object.keys(was)) {
      const at = `/${kind}/${pointerSegment(name)}`;
      const ref = `#/components${at}`;
      if (!(name in is)) {
        ctx.report(
          "component-removed",
          at,
          `${kind} '${name}' removed (it was used by ${usedBy(oldUses, ref)}): code naming components["${kind}"]["${name}"] no longer compiles`,
        );
      } else if (kind === "schemas" && !reachedInBoth(oldUses, newUses, ref)) {
        // A schema operations reach in both versions was judged with them, on the side they use it.
        compareOnItsOwn(ctx, was[name], is[name], at);
      }
    }
    for (const name of Object.keys(is)) {
      if (!(name in was))
        ctx.report("component-added", `/${kind}/${pointerSegment(name)}`, `${kind} '${name}' added`);
    }
  }
}

const reachedInBoth = (
  oldUses: Record<Direction, Set<string>>,
  newUses: Record<Direction, Set<string>>,
  ref: string,
) =>
  (oldUses.request.has(ref) || oldUses.response.has(ref)) &&
  (newUses.request.has(ref) || newUses.response.has(ref));

/** A schema compared as a request and as a response; a change breaking either way is breaking. */
function compareOnItsOwn(ctx: OperationContext, old: unknown, now: unknown, path: string): void {
  const found = new Map<string, { rule: RuleId; direction: Direction }>();
  for (const direction of ["request", "response"] as const) {
    const scratch: OperationContext = {
      before: ctx.before,
      after: ctx.after,
      report: (rule, at, message) => {
        const key = `${at}\u0000${message}`;
        const seen = found.get(key);
        if (seen === undefined || (RULES[rule].level === "ERR" && RULES[seen.rule].level !== "ERR"))
          found.set(key, { rule, direction });
      },
    };
    compareSchemas(scratch, old, now, direction, path);
  }
  for (const [key, { rule, direction }] of found) {
    const [at = path, message = ""] = key.split("\u0000");
    const level = RULES[rule].level;
    if (level === "WARN") ctx.report(rule, at, message);
    else if (level === "ERR")
      ctx.report(
        "component-schema-changed",
        at,
        `${message} (${rule}: breaks code that ${direction === "request" ? "builds" : "reads"} values of this type)`,
      );
    else ctx.report("component-schema-changed-compatibly", at, `${message} (${rule})`);
  }
}
