import type { OperationContext } from "../difference.js";
import { pointerSegment } from "../json.js";
import {
  compareBounds,
  compareOtherKeywords,
  compareStringRules,
  compareValues,
  type Direction,
} from "./constraints.js";
import { MAX_VARIANTS, type Meaning, meaningOf, type Shape, shapeFingerprint } from "./meaning.js";

/**
 * One descent through a pair of schemas: where to report, which side of the exchange, and the pairs already
 * entered on this branch (meeting one again means a recursive schema, compared once).
 */
interface Walk {
  readonly ctx: OperationContext;
  readonly direction: Direction;
  readonly trail: ReadonlySet<string>;
}

/**
 * Compares two schemas by meaning at `path` of an operation. The request side breaks when it accepts less, the
 * response side when it may return more.
 */
export function compareSchemas(
  ctx: OperationContext,
  old: unknown,
  now: unknown,
  direction: Direction,
  path: string,
): void {
  descend({ ctx, direction, trail: new Set() }, old, now, path);
}

function descend(walk: Walk, old: unknown, now: unknown, path: string): void {
  const key = `${JSON.stringify(old ?? {})}\u0000${JSON.stringify(now ?? {})}`;
  if (walk.trail.has(key)) return;
  const next = { ...walk, trail: new Set(walk.trail).add(key) };
  compareMeanings(next, meaningOf(old, walk.ctx.before), meaningOf(now, walk.ctx.after), path);
}

function compareMeanings(walk: Walk, old: Meaning, now: Meaning, path: string): void {
  const { ctx, direction } = walk;
  if (old.truncated || now.truncated) {
    const sides = [old.truncated && "before", now.truncated && "after"].filter(Boolean).join(" and ");
    ctx.report(
      "schema-alternatives-truncated",
      path,
      `allOf multiplies oneOf/anyOf into more than ${MAX_VARIANTS} alternatives (${sides}): only the first ${MAX_VARIANTS} were compared`,
    );
  }
  const [first] = old.variants;
  const [only] = now.variants;
  if (old.variants.length === 1 && now.variants.length === 1 && first && only) {
    compareShapes(walk, first, only, path);
    return;
  }
  const { pairs, removed, added } = pairVariants(ctx, old.variants, now.variants);
  const at = (meaning: Meaning, index: number) =>
    meaning.variants.length === 1 ? path : `${path}/${meaning.unionKeyword}/${index}`;
  for (const [oldIndex, newIndex] of pairs) {
    const [was, is] = [old.variants[oldIndex], now.variants[newIndex]];
    if (was && is) compareShapes(walk, was, is, at(now, newIndex));
  }
  for (const index of removed) {
    const rule = direction === "request" ? "request-variant-removed" : "response-variant-removed";
    ctx.report(rule, at(old, index), "alternative removed");
  }
  for (const index of added) {
    const rule = direction === "request" ? "request-variant-added" : "response-variant-added";
    ctx.report(rule, at(now, index), "alternative added");
  }
}

/** Pairs alternatives equal by meaning first, then those most alike (same types, most shared properties). */
function pairVariants(ctx: OperationContext, old: readonly Shape[], now: readonly Shape[]) {
  const oldPrints = old.map((shape) => shapeFingerprint(shape, ctx.before));
  const newPrints = now.map((shape) => shapeFingerprint(shape, ctx.after));
  const pairs: [number, number][] = [];
  const freeOld = new Set(old.keys());
  const freeNew = new Set(now.keys());
  const byPrint = new Map<string, number[]>();
  for (const j of freeNew) byPrint.set(newPrints[j] ?? "", [...(byPrint.get(newPrints[j] ?? "") ?? []), j]);
  for (const i of freeOld) {
    const j = byPrint.get(oldPrints[i] ?? "")?.shift();
    if (j === undefined) continue;
    pairs.push([i, j]);
    freeOld.delete(i);
    freeNew.delete(j);
  }
  const likeness = (a: Shape, b: Shape) => {
    const sameTypes = [...(a.types ?? [])].sort().join() === [...(b.types ?? [])].sort().join();
    const overlap = [...(a.types ?? [])].some((type) => type !== "null" && b.types?.has(type));
    const shared = [...a.properties.keys()].filter((name) => b.properties.has(name)).length;
    return (sameTypes ? 2 : overlap ? 1 : 0) + shared;
  };
  for (const i of [...freeOld]) {
    let best: { j: number; score: number } | undefined;
    for (const j of freeNew) {
      const score = likeness(old[i] as Shape, now[j] as Shape);
      if (score > 0 && (best === undefined || score > best.score)) best = { j, score };
    }
    if (!best) continue;
    pairs.push([i, best.j]);
    freeOld.delete(i);
    freeNew.delete(best.j);
  }
  return { pairs, removed: [...freeOld], added: [...freeNew] };
}

const mayBe = (shape: Shape, type: string) => shape.types === undefined || shape.types.has(type);

function compareShapes(walk: Walk, old: Shape, now: Shape, path: string): void {
  const { ctx, direction } = walk;
  const report = (rule: Parameters<OperationContext["report"]>[0], message: string) =>
    ctx.report(rule, path, message);
  compareValues(old, now, direction, report);
  compareStringRules(old, now, direction, report);
  compareBounds(old, now, direction, report);
  compareOtherKeywords(old, now, direction, report);
  if (mayBe(old, "object") && mayBe(now, "object")) {
    compareProperties(walk, old, now, path);
    compareAdditionalProperties(walk, old, now, path);
  }
  if (mayBe(old, "array") && mayBe(now, "array")) {
    descend(walk, old.items, now.items, `${path}/items`);
  }
}

function compareAdditionalProperties(walk: Walk, old: Shape, now: Shape, path: string): void {
  const { ctx, direction } = walk;
  const at = `${path}/additionalProperties`;
  const [was, is] = [old.additionalProperties, now.additionalProperties];
  if (was === false && is === false) return;
  if (was !== false && is !== false) {
    descend(walk, was, is, at);
  } else if (is === false) {
    const rule =
      direction === "request"
        ? "request-additional-properties-closed"
        : "response-additional-properties-closed";
    ctx.report(rule, at, "additional properties no longer allowed");
  } else {
    const rule =
      direction === "request"
        ? "request-additional-properties-opened"
        : "response-additional-properties-opened";
    ctx.report(rule, at, "additional properties now allowed");
  }
}

/** Properties a side of the exchange sees: readOnly ones are never sent, writeOnly ones never returned. */
function hidden(
  ctx: OperationContext,
  raw: unknown,
  side: "before" | "after",
  direction: Direction,
): boolean {
  const { variants } = meaningOf(raw, ctx[side]);
  return (
    variants.length > 0 &&
    variants.every((shape) => (direction === "request" ? shape.readOnly : shape.writeOnly))
  );
}

function compareProperties(walk: Walk, old: Shape, now: Shape, path: string): void {
  const { ctx, direction } = walk;
  const visible = (shape: Shape, side: "before" | "after") =>
    new Set(
      [...shape.properties].filter(([, raw]) => !hidden(ctx, raw, side, direction)).map(([name]) => name),
    );
  const [was, is] = [visible(old, "before"), visible(now, "after")];
  for (const name of was) {
    const at = `${path}/properties/${pointerSegment(name)}`;
    if (!is.has(name)) {
      if (!now.properties.has(name)) ctx.report(`${direction}-property-removed`, at, "property removed");
      else if (direction === "request")
        ctx.report("request-property-became-read-only", at, "property became readOnly");
      else ctx.report("response-property-became-write-only", at, "property became writeOnly");
      continue;
    }
    descend(walk, old.properties.get(name), now.properties.get(name), at);
    const [wasRequired, isRequired] = [old.required.has(name), now.required.has(name)];
    if (wasRequired === isRequired) continue;
    if (direction === "request") {
      ctx.report(
        isRequired ? "request-property-became-required" : "request-property-became-optional",
        at,
        `property became ${isRequired ? "required" : "optional"}`,
      );
    } else {
      ctx.report(
        isRequired ? "response-property-became-required" : "response-property-became-optional",
        at,
        `property became ${isRequired ? "required" : "optional"}`,
      );
    }
  }
  for (const name of is) {
    if (was.has(name)) continue;
    const at = `${path}/properties/${pointerSegment(name)}`;
    const required = now.required.has(name);
    if (direction === "response")
      ctx.report("response-property-added", at, `${required ? "required" : "optional"} property added`);
    else if (required) ctx.report("request-property-added-required", at, "required property added");
    else ctx.report("request-property-added-optional", at, "optional property added");
  }
}
