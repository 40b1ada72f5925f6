import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_IDS_PER_REQUEST, OPTION_RANGES } from "../../src/index.js";
import { REQUEST_LIMITS } from "../../src/node.js";

const script = new URL("../../scripts/generate-limits.mjs", import.meta.url).pathname;
const spec = readFileSync(new URL("../../../../spec/openapi.yaml", import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "gong-flows-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Generates limits.ts from `specText` into the scratch folder and imports it. */
async function generate(specText: string, name: string) {
  const specPath = join(dir, `${name}.yaml`);
  const output = join(dir, `${name}.ts`);
  writeFileSync(specPath, specText);
  execFileSync(process.execPath, [script, specPath, output]);
  return (await import(output)) as typeof import("../../src/generated/limits.js");
}

describe("limits generated from the spec", () => {
  it("take the batch size and its range from the spec's maxItems", () => {
    expect(REQUEST_LIMITS.unassignFlows.flowInstanceIds).toEqual({ minItems: 1, maxItems: 200 });
    expect(MAX_IDS_PER_REQUEST).toBe(200);
    expect(OPTION_RANGES.batchSize).toMatchObject({ default: 200, min: 1, max: 200 });
  });

  it("follow a lowered maxItems in the spec", async () => {
    const lowered = spec.replace("maxItems: 200", "maxItems: 100");
    expect(lowered).not.toBe(spec);
    const limits = await generate(lowered, "lowered");
    expect(limits.REQUEST_LIMITS.unassignFlows.flowInstanceIds.maxItems).toBe(100);
  });

  it("carry the operation's method and path, and string limits of the ids", async () => {
    const withPattern = spec.replace(
      "    FlowInstanceId:\n      type: string\n",
      "    FlowInstanceId:\n      type: string\n      maxLength: 30\n      pattern: ^[0-9]+$\n",
    );
    const limits = await generate(withPattern, "pattern");
    expect(limits.OPERATIONS.unassignFlows).toEqual({
      method: "POST",
      path: "/v2/flows/prospects/unassign-flows-by-instance-id",
    });
    expect(limits.REQUEST_LIMITS.unassignFlows.flowInstanceIds).toEqual({
      minItems: 1,
      maxItems: 200,
      items: { maxLength: 30, pattern: "^[0-9]+$" },
    });
  });
});
