import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  const folder = join(dir, name);
  mkdirSync(folder);
  const specPath = join(folder, "openapi.yaml");
  writeFileSync(specPath, specText);
  execFileSync(process.execPath, [script, specPath, join(folder, "limits.ts")]);
  const limits = (await import(join(folder, "limits.ts"))) as typeof import("../../src/generated/limits.js");
  const operations = (await import(
    join(folder, "operations.ts")
  )) as typeof import("../../src/generated/operations.js");
  return { ...limits, ...operations };
}

describe("limits generated from the spec", () => {
  it("take the batch size and its range from the spec's maxItems", () => {
    expect(REQUEST_LIMITS.unassignFlows.flowInstanceIds).toMatchObject({ minItems: 1, maxItems: 200 });
    expect(MAX_IDS_PER_REQUEST).toBe(200);
    expect(OPTION_RANGES.batchSize).toMatchObject({ default: 200, min: 1, max: 200 });
  });

  it("follow a lowered maxItems in the spec", async () => {
    const lowered = spec.replaceAll("maxItems: 200", "maxItems: 100");
    expect(lowered).not.toBe(spec);
    const limits = await generate(lowered, "lowered");
    expect(limits.REQUEST_LIMITS.unassignFlows.flowInstanceIds.maxItems).toBe(100);
  });

  it("carry every operation's method and path, and the limits of each alternative body", async () => {
    const limits = await generate(spec, "as-is");
    expect(limits.OPERATIONS.unassignFlows).toEqual({
      method: "POST",
      path: "/v2/flows/prospects/unassign-flows-by-instance-id",
      scopes: ["api:flows:write"],
    });
    expect(limits.OPERATIONS.listFlows).toEqual({
      method: "GET",
      path: "/v2/flows",
      scopes: ["api:flows:read"],
    });
    expect(limits.SCHEMA_LIMITS.FlowId).toEqual({ pattern: "^[0-9]{1,30}$" });
    expect(limits.SCHEMA_LIMITS.CrmProspectId).toMatchObject({ minLength: 1, maxLength: 128 });
    expect(limits.REQUEST_LIMITS.unassignFlows.flowInstanceIds).toEqual({
      minItems: 1,
      maxItems: 200,
      items: { pattern: "^[0-9]{1,30}$" },
    });
    // A oneOf body (CRM ids or flow instance ids): the fields of both alternatives.
    expect(Object.keys(limits.REQUEST_LIMITS.getProspectsAssignedFlows).sort()).toEqual([
      "crmProspectsIds",
      "flowInstanceIds",
    ]);
  });
});
