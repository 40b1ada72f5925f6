import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { checkSpecCompatibility } from "../src/gate.js";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const GATE = fileURLToPath(new URL("../dist/spec-breaking.js", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: the tests edit arbitrary nested paths of a parsed spec
type Spec = Record<string, any>;

/** A scratch root holding the repo's spec, its released baseline and an empty changeset folder. */
function scratchRoot(edit: (spec: Spec) => void, changesets: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "gong-flows-gate-"));
  cpSync(join(REPO, "spec/released"), join(root, "spec/released"), { recursive: true });
  const spec = parse(readFileSync(join(REPO, "spec/released/openapi.yaml"), "utf8")) as Spec;
  edit(spec);
  writeFileSync(join(root, "spec/openapi.yaml"), stringify(spec));
  mkdirSync(join(root, ".changeset"));
  for (const [name, text] of Object.entries(changesets))
    writeFileSync(join(root, ".changeset", `${name}.md`), text);
  return root;
}

const schemas = (spec: Spec) => spec.components.schemas;
const lowerMaxItems = (spec: Spec) => {
  schemas(spec).UnassignFlowsByInstanceIdRequest.properties.flowInstanceIds.maxItems = 100;
};
const removeResponseField = (spec: Spec) => {
  delete schemas(spec).UnassignFlowsResponse.properties.requestId;
};
const major = (...names: string[]) =>
  `---\n${names.map((n) => `"${n}": major`).join("\n")}\n---\n\nBreaking.\n`;

describe("pnpm spec:breaking", () => {
  it("passes the repo's own spec against its released baseline (compatible, or announced as major)", () => {
    const result = spawnSync(process.execPath, [GATE, REPO], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^spec\/openapi.yaml vs the released \d+\.\d+\.\d+: \d+ difference\(s\), (0 breaking\.|\d+ breaking\.[\s\S]*\nAllowed: )/,
    );
  });

  it.each([
    [
      "a lowered maxItems",
      lowerMaxItems,
      /ERR request-max-items-tightened: POST \S+ \/requestBody\/content\/application~1json\/schema\/properties\/flowInstanceIds: maxItems bound changed from maxItems 200 to maxItems 100/,
    ],
    [
      "a removed response field",
      removeResponseField,
      /ERR response-property-removed: POST \S+ \/responses\/200\/content\/application~1json\/schema\/properties\/requestId: property removed/,
    ],
    [
      "a new required request field",
      (spec: Spec) => {
        const request = schemas(spec).UnassignFlowsByInstanceIdRequest;
        request.properties.reason = { type: "string" };
        request.required.push("reason");
      },
      /ERR request-property-added-required: POST \S+ \/requestBody\/\S+\/properties\/reason: required property added/,
    ],
    [
      "a removed response",
      (spec: Spec) => {
        delete spec.paths["/v2/flows/prospects/unassign-flows-by-instance-id"].post.responses["429"];
      },
      /ERR response-status-removed: POST \S+ \/responses\/429: response 429 removed/,
    ],
    [
      "a narrowed type",
      (spec: Spec) => {
        schemas(spec).FlowInstanceId.type = "integer";
      },
      /ERR request-type-narrowed: POST \S+ \S+\/flowInstanceIds\/items: type changed from string to integer/,
    ],
    [
      "a new scope",
      (spec: Spec) => {
        spec.paths["/v2/flows/prospects/unassign-flows-by-instance-id"].post.security[1].oauth2.push(
          "api:flows:admin",
        );
      },
      /ERR security-scope-added: POST \S+ \/security\/oauth2\[api:flows:write\]: oauth2 now needs scope\(s\) api:flows:admin/,
    ],
  ])("refuses %s without a major changeset, naming it", (_, edit, naming) => {
    const root = scratchRoot(edit);
    const result = spawnSync(process.execPath, [GATE, root], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(naming);
    expect(result.stderr).toContain("no pending major changeset for @gong-flows/spec and @gong-flows/client");
  });

  it.each([
    [
      "a description",
      (spec: Spec) => {
        spec.info.description = "Reworded.";
        schemas(spec).ErrorResponse.properties.errors.description = "What went wrong.";
      },
      [],
    ],
    [
      "the request schema wrapped in a one-member allOf",
      (spec: Spec) => {
        const body = spec.paths["/v2/flows/prospects/unassign-flows-by-instance-id"].post.requestBody;
        body.content["application/json"].schema = { allOf: [body.content["application/json"].schema] };
      },
      [],
    ],
    [
      "a new optional response field",
      (spec: Spec) => {
        schemas(spec).UnassignFlowsResponse.properties.failedFlowInstanceIds = {
          type: "array",
          items: { type: "string" },
        };
      },
      ["response-property-added"],
    ],
    [
      "a raised maxItems",
      (spec: Spec) => {
        schemas(spec).UnassignFlowsByInstanceIdRequest.properties.flowInstanceIds.maxItems = 500;
      },
      ["request-max-items-loosened"],
    ],
  ])("accepts %s", async (_, edit, rules) => {
    const root = scratchRoot(edit);
    const verdict = await checkSpecCompatibility(root);
    expect(verdict.breaking).toEqual([]);
    expect(verdict.differences.map((difference) => difference.rule)).toEqual(rules);
    expect(spawnSync(process.execPath, [GATE, root]).status).toBe(0);
  });

  it("allows a breaking change once both packages have a pending major changeset", () => {
    const root = scratchRoot(lowerMaxItems, {
      "smaller-batches": major("@gong-flows/spec", "@gong-flows/client"),
    });
    const output = execFileSync(process.execPath, [GATE, root], { encoding: "utf8" });
    expect(output).toContain(
      "Allowed: a pending major changeset covers @gong-flows/spec and @gong-flows/client.",
    );
  });

  it("still refuses when only the spec is announced as major", () => {
    const root = scratchRoot(removeResponseField, {
      "spec-only": major("@gong-flows/spec"),
      "client-minor": `---\n"@gong-flows/client": minor\n---\n\nNot enough.\n`,
    });
    const result = spawnSync(process.execPath, [GATE, root], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no pending major changeset for @gong-flows/client");
  });
});
