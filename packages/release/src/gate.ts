import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { pendingMajors } from "./changesets.js";
import { diffSpecs, type SpecDifference } from "./spec-diff.js";

/** Packages whose major version must move with a breaking spec change: the spec, and the client typed from it. */
export const PACKAGES_BROKEN_BY_THE_SPEC = ["@gong-flows/spec", "@gong-flows/client"] as const;

export interface GateVerdict {
  readonly releasedVersion: string;
  readonly differences: readonly SpecDifference[];
  readonly breaking: readonly SpecDifference[];
  /** Packages that still need a pending major changeset; empty when the gate passes. */
  readonly missingMajors: readonly string[];
}

/** Compares the repo's spec with the last released one and checks that breaking changes are announced. */
export async function checkSpecCompatibility(root: string): Promise<GateVerdict> {
  const released = join(root, "spec/released");
  const releasedVersion = readFileSync(join(released, "VERSION"), "utf8").trim();
  const differences = diffSpecs(
    parse(readFileSync(join(released, "openapi.yaml"), "utf8")),
    parse(readFileSync(join(root, "spec/openapi.yaml"), "utf8")),
  );
  const breaking = differences.filter((difference) => difference.level === "ERR");
  const majors = breaking.length > 0 ? await pendingMajors(root) : new Set<string>();
  const missingMajors =
    breaking.length > 0 ? PACKAGES_BROKEN_BY_THE_SPEC.filter((name) => !majors.has(name)) : [];
  return { releasedVersion, differences, breaking, missingMajors };
}

/** One difference as an operator reads it: level, rule, operation, where in it, what. */
export const renderDifference = (d: SpecDifference): string =>
  `  - ${d.level} ${d.rule}: ${d.operation}${d.path ? ` ${d.path}` : ""}: ${d.message}`;

/** The verdict as an operator reads it. */
export function renderVerdict(verdict: GateVerdict): string {
  const of = (level: SpecDifference["level"]) => verdict.differences.filter((d) => d.level === level);
  const lines = [
    `spec/openapi.yaml vs the released ${verdict.releasedVersion}: ${verdict.differences.length} difference(s), ${verdict.breaking.length} breaking.`,
  ];
  for (const [level, title] of [
    ["INFO", "Not breaking:"],
    ["WARN", "Warnings (not refused; check them):"],
    ["ERR", "Breaking:"],
  ] as const) {
    if (of(level).length > 0) lines.push(title, ...of(level).map(renderDifference));
  }
  if (verdict.breaking.length > 0 && verdict.missingMajors.length === 0) {
    lines.push(`Allowed: a pending major changeset covers ${PACKAGES_BROKEN_BY_THE_SPEC.join(" and ")}.`);
  }
  if (verdict.missingMajors.length > 0) {
    lines.push(
      `Refused: no pending major changeset for ${verdict.missingMajors.join(" and ")}.`,
      `Keep the spec compatible, or run \`pnpm changeset\` and choose "major" for ${PACKAGES_BROKEN_BY_THE_SPEC.join(" and ")}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}
