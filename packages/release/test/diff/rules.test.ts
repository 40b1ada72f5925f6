import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderRulesTable, withRulesTable } from "../../src/diff/rules-table.js";
import { RULES } from "../../src/spec-diff.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe("the rule catalogue", () => {
  it("the README's rules table is the one generated from src/diff/rules.ts", () => {
    const readme = readFileSync(here("../../README.md"), "utf8");
    // On a mismatch: `pnpm --filter @gong-flows/release rules:table` rewrites it.
    expect(readme).toBe(withRulesTable(readme));
    expect(readme).toContain(renderRulesTable());
  });

  it("every rule has a test here that asserts its id", () => {
    const tests = readdirSync(here("."))
      .filter((name) => name.endsWith(".test.ts") && name !== "rules.test.ts")
      .map((name) => readFileSync(here(name), "utf8"))
      .join("\n");
    const untested = Object.keys(RULES).filter((id) => !new RegExp(`\\b${id}\\b(?!-)`).test(tests));
    expect(untested).toEqual([]);
  });

  it("each ERR rule on the request side tightens and on the response side loosens, by name", () => {
    for (const [id, rule] of Object.entries(RULES)) {
      if (id.endsWith("-tightened"))
        expect([id, rule.level]).toEqual([id, id.startsWith("request-") ? "ERR" : "INFO"]);
      if (id.endsWith("-loosened"))
        expect([id, rule.level]).toEqual([id, id.startsWith("response-") ? "ERR" : "INFO"]);
      expect(rule.direction === "response").toBe(id.startsWith("response-"));
    }
  });
});
