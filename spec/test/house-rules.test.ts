import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadDocument, specFile } from "./spec-file.js";

interface Finding {
  code: string;
  path: string[];
  message: string;
}

/** Runs Spectral exactly as `pnpm lint` does (same CLI, same ruleset) and returns its findings. */
async function spectral(document: string): Promise<Finding[]> {
  const args = ["lint", document, "--ruleset", ".spectral.yaml", "--format", "json", "--quiet"];
  const run = promisify(execFile)(specFile("node_modules/.bin/spectral"), args, { cwd: specFile(".") });
  // Spectral exits non-zero when it finds something, which is the point here.
  const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse(stdout) as Finding[];
}

const houseRules = Object.keys(loadDocument("house-rules.spectral.yaml").rules as object);
let fixtureFindings: Promise<Finding[]> | undefined;
const findingsOnFixture = () => {
  fixtureFindings ??= spectral("test/fixtures/breaks-house-rules.yaml");
  return fixtureFindings;
};

describe("the house rules (house-rules.spectral.yaml, extended by .spectral.yaml)", () => {
  it("fire exactly where the fixture breaks them, and nowhere on its compliant operation", async () => {
    const findings = await findingsOnFixture();
    const fired = findings
      .filter((finding) => houseRules.includes(finding.code))
      .map((finding) => `${finding.code} at ${finding.path.slice(1, 3).join(" ")}`)
      .sort();
    expect(fired).toEqual([
      "gong-429-retry-after at /no-retry-after post",
      "gong-operation-id at /no-operation-id post",
      "gong-operation-security at /no-security post",
      "gong-operation-security at /optional-security post",
      "gong-request-array-max-items at /unbounded-body post",
      "gong-request-array-max-items at /unbounded-property post",
      "gong-request-examples at /no-request-examples post",
      "gong-response-examples at /no-response-examples post",
      "gong-response-request-id at /no-request-id post",
    ]);
  });

  it("are all exercised by the fixture", async () => {
    const findings = await findingsOnFixture();
    expect(new Set(findings.map((finding) => finding.code))).toEqual(
      new Set([...houseRules, "operation-operationId"]),
    );
  });

  it("find nothing in the spec", async () => {
    expect(await spectral("openapi.yaml")).toEqual([]);
  });
});
