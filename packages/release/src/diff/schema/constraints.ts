import type { RuleId } from "../rules.js";
import { BOUND_FAMILIES, type Bound, OTHER_KEYWORDS, type Shape } from "./meaning.js";

/** Which side of the exchange a schema describes: a client sends requests and receives responses. */
export type Direction = "request" | "response";
export type Report = (rule: RuleId, message: string) => void;

const list = (values: Iterable<string>) => [...values].join(", ");
const typeList = (types: ReadonlySet<string> | undefined) =>
  types ? list([...types].sort()) || "none" : "any";
const accepts = (types: ReadonlySet<string> | undefined, type: string) =>
  types === undefined || types.has(type) || (type === "integer" && types.has("number"));

/** Types (with `null` reported on its own) and the values an `enum`/`const` allows. */
export function compareValues(old: Shape, now: Shape, direction: Direction, report: Report): void {
  const nonNull = (types: ReadonlySet<string> | undefined) =>
    types && new Set([...types].filter((type) => type !== "null"));
  const [was, is] = [nonNull(old.types), nonNull(now.types)];
  const lost = was === undefined ? is !== undefined : [...was].some((type) => !accepts(is, type));
  const gained = is === undefined ? was !== undefined : [...is].some((type) => !accepts(was, type));
  const change = `type changed from ${typeList(was)} to ${typeList(is)}`;
  if (direction === "request" && lost) report("request-type-narrowed", change);
  else if (direction === "request" && gained) report("request-type-widened", change);
  else if (direction === "response" && gained) report("response-type-widened", change);
  else if (direction === "response" && lost) report("response-type-narrowed", change);

  if (old.types && now.types && old.types.has("null") !== now.types.has("null")) {
    const nullable = now.types.has("null");
    if (direction === "request") {
      report(
        nullable ? "request-nullable-added" : "request-nullable-removed",
        `null ${nullable ? "now" : "no longer"} accepted`,
      );
    } else {
      report(
        nullable ? "response-nullable-added" : "response-nullable-removed",
        `null ${nullable ? "now" : "no longer"} returned`,
      );
    }
  }
  compareEnums(old, now, direction, report);
}

function compareEnums(old: Shape, now: Shape, direction: Direction, report: Report): void {
  if (old.enum === undefined && now.enum === undefined) return;
  if (old.enum === undefined && now.enum) {
    const message = `restricted to ${list(now.enum.keys())}`;
    report(direction === "request" ? "request-enum-added" : "response-enum-added", message);
    return;
  }
  if (old.enum && now.enum === undefined) {
    const message = `no longer restricted to ${list(old.enum.keys())}`;
    report(direction === "request" ? "request-enum-removed" : "response-enum-removed", message);
    return;
  }
  if (!old.enum || !now.enum) return;
  const removed = [...old.enum.keys()].filter((value) => !now.enum?.has(value));
  const added = [...now.enum.keys()].filter((value) => !old.enum?.has(value));
  if (removed.length > 0) {
    const message = `enum value(s) ${list(removed)} removed`;
    report(direction === "request" ? "request-enum-value-removed" : "response-enum-value-removed", message);
  }
  if (added.length > 0) {
    const message = `enum value(s) ${list(added)} added`;
    report(direction === "request" ? "request-enum-value-added" : "response-enum-value-added", message);
  }
}

/** Formats whose values all fit another format: a request may widen to it, a response may narrow from it. */
const WIDER_FORMAT: Readonly<Record<string, string>> = { int32: "int64", float: "double" };

/** `pattern` (several when `allOf` or `$ref` siblings stack them) and `format`. */
export function compareStringRules(old: Shape, now: Shape, direction: Direction, report: Report): void {
  const added = [...now.patterns].filter((pattern) => !old.patterns.has(pattern));
  const removed = [...old.patterns].filter((pattern) => !now.patterns.has(pattern));
  const quoted = (patterns: string[]) => patterns.map((pattern) => `'${pattern}'`).join(" and ");
  if (added.length > 0 && removed.length > 0) {
    const message = `pattern changed from ${quoted(removed)} to ${quoted(added)}`;
    report(direction === "request" ? "request-pattern-changed" : "response-pattern-changed", message);
  } else if (added.length > 0) {
    report(
      direction === "request" ? "request-pattern-added" : "response-pattern-added",
      `pattern ${quoted(added)} added`,
    );
  } else if (removed.length > 0) {
    const message = `pattern ${quoted(removed)} removed`;
    report(direction === "request" ? "request-pattern-removed" : "response-pattern-removed", message);
  }

  if (old.format === now.format) return;
  if (old.format === undefined) {
    report(
      direction === "request" ? "request-format-added" : "response-format-added",
      `format '${now.format}' added`,
    );
  } else if (now.format === undefined) {
    const message = `format '${old.format}' removed`;
    report(direction === "request" ? "request-format-removed" : "response-format-removed", message);
  } else {
    const message = `format changed from '${old.format}' to '${now.format}'`;
    const widened = WIDER_FORMAT[old.format] === now.format;
    const narrowed = WIDER_FORMAT[now.format] === old.format;
    if (direction === "request" && widened) report("request-format-widened", message);
    else if (direction === "response" && narrowed) report("response-format-narrowed", message);
    else report(direction === "request" ? "request-format-changed" : "response-format-changed", message);
  }
}

const stricter = (a: Bound | undefined, b: Bound | undefined, side: "upper" | "lower") =>
  a !== undefined &&
  (b === undefined ||
    (side === "upper" ? a.value < b.value : a.value > b.value) ||
    (a.value === b.value && a.exclusive && !b.exclusive));

const isMultiple = (value: number, of: number) => {
  const ratio = value / of;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
};

/** Every numeric limit: request tightening and response loosening break. */
export function compareBounds(old: Shape, now: Shape, direction: Direction, report: Report): void {
  for (const { family, side, inclusive, exclusive } of BOUND_FAMILIES) {
    const [was, is] = [old.bounds.get(family), now.bounds.get(family)];
    const describe = (bound: Bound | undefined) =>
      bound === undefined ? "none" : `${bound.exclusive ? exclusive : inclusive} ${bound.value}`;
    const message = `${inclusive} bound changed from ${describe(was)} to ${describe(is)}`;
    const judged = judge(stricter(is, was, side), stricter(was, is, side), direction);
    if (judged) report(`${direction}-${family}-${judged}`, message);
  }
  const [was, is] = [old.multipleOf, now.multipleOf];
  if (was !== is) {
    // Values valid before stay valid when the old step is a multiple of the new one.
    const tightened = is !== undefined && (was === undefined || !isMultiple(was, is));
    const loosened = was !== undefined && (is === undefined || !isMultiple(is, was));
    const judged = judge(tightened, loosened, direction);
    if (judged)
      report(
        `${direction}-multiple-of-${judged}`,
        `multipleOf changed from ${was ?? "none"} to ${is ?? "none"}`,
      );
  }
  if (old.uniqueItems !== now.uniqueItems) {
    const added = now.uniqueItems;
    const rule =
      direction === "request"
        ? added
          ? "request-unique-items-added"
          : "request-unique-items-removed"
        : added
          ? "response-unique-items-added"
          : "response-unique-items-removed";
    report(rule, `uniqueItems ${added ? "added" : "removed"}`);
  }
}

/** A change that is both stricter and looser (e.g. a new multipleOf step) is reported as the breaking side. */
function judge(
  tightened: boolean,
  loosened: boolean,
  direction: Direction,
): "tightened" | "loosened" | undefined {
  if (direction === "request") return tightened ? "tightened" : loosened ? "loosened" : undefined;
  return loosened ? "loosened" : tightened ? "tightened" : undefined;
}

/** The keywords compared as a whole, and a request value's `default`. */
export function compareOtherKeywords(old: Shape, now: Shape, direction: Direction, report: Report): void {
  for (const keyword of OTHER_KEYWORDS) {
    const [was, is] = [old.keywords.get(keyword), now.keywords.get(keyword)];
    if (was === is) continue;
    if (was === undefined) report(`${direction}-keyword-added`, `'${keyword}' added`);
    else if (is === undefined) report(`${direction}-keyword-removed`, `'${keyword}' removed`);
    else report(`${direction}-keyword-changed`, `'${keyword}' changed`);
  }
  if (direction === "request" && old.default !== now.default) {
    report(
      "request-default-changed",
      `default changed from ${old.default ?? "none"} to ${now.default ?? "none"}`,
    );
  }
}
