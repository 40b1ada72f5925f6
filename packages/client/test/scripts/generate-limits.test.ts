import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_IDS_PER_REQUEST, OPTION_RANGES } from "../../src/index.js";
import { OPERATIONS, REQUEST_LIMITS } from "../../src/node.js";

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

/** The spec with one schema's text edited (the schemas are blocks starting at four spaces of indent). */
function editSchema(name: string, edit: (block: string) => string): string {
  const start = spec.indexOf(`\n    ${name}:\n`);
  const end = spec.slice(start + 1).search(/\n {4}\S/) + start + 1;
  const edited = spec.slice(0, start) + edit(spec.slice(start, end)) + spec.slice(end);
  expect(edited).not.toBe(spec);
  return edited;
}

describe("limits generated from the spec", () => {
  it("take the batch size and its range from the spec's maxItems, and the id pattern", () => {
    expect(REQUEST_LIMITS.unassignFlows.flowInstanceIds).toEqual({
      minItems: 1,
      maxItems: 200,
      items: { pattern: "^[0-9]{1,30}$" },
    });
    expect(MAX_IDS_PER_REQUEST).toBe(200);
    expect(OPTION_RANGES.batchSize).toMatchObject({ default: 200, min: 1, max: 200 });
  });

  it("follow a lowered maxItems in the spec", async () => {
    const lowered = editSchema("UnassignFlowsByInstanceIdRequest", (block) =>
      block.replace("maxItems: 200", "maxItems: 100"),
    );
    const limits = await generate(lowered, "lowered");
    expect(limits.REQUEST_LIMITS.unassignFlows.flowInstanceIds.maxItems).toBe(100);
  });

  it("carry the operation's method and path, and string limits of the ids", async () => {
    const withLength = editSchema("FlowInstanceId", (block) =>
      block.replace('pattern: "^[0-9]{1,30}$"', 'maxLength: 30\n      pattern: "^[0-9]+$"'),
    );
    const limits = await generate(withLength, "pattern");
    expect(limits.OPERATIONS.unassignFlows).toEqual({
      method: "POST",
      path: "/v2/flows/prospects/unassign-flows-by-instance-id",
      scopes: ["api:flows:write"],
    });
    expect(limits.REQUEST_LIMITS.unassignFlows.flowInstanceIds).toEqual({
      minItems: 1,
      maxItems: 200,
      items: { maxLength: 30, pattern: "^[0-9]+$" },
    });
  });

  it("cover every variant of a oneOf body: the lookup's two kinds of ids", () => {
    expect(REQUEST_LIMITS.getProspectsAssignedFlows).toEqual({
      crmProspectsIds: {
        minItems: 1,
        maxItems: 200,
        items: { minLength: 1, maxLength: 128, pattern: "^[^\\s,\\x00-\\x1F\\x7F-\\x9F]+$" },
      },
      flowInstanceIds: { minItems: 1, maxItems: 200, items: { pattern: "^[0-9]{1,30}$" } },
    });
    expect(OPERATIONS.listFlows).toEqual({ method: "GET", path: "/v2/flows", scopes: ["api:flows:read"] });
  });
});
