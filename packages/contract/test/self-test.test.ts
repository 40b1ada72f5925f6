import { describe, expect, it } from "vitest";
import { readOnlyChecks } from "../src/index.js";
import { blockOf, CREDENTIALS, runKit } from "./helpers.js";

describe("gong-flows-contract without --target: the self-test against a Prism mock", () => {
  it("passes every check a mock can answer and exits 0", async () => {
    // Real credentials in the environment must not be needed or sent: the self-test uses placeholders.
    const result = await runKit([], CREDENTIALS);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^gong-flows-contract: 12 checks against a Prism mock of the spec/);
    // The mock's lookup answers with the spec's example id, so the body rules are probed with an id it knows.
    expect(result.stdout).toContain(
      "body rules probed with flow instance id 234599484848423: the spec's example id",
    );
    for (const check of readOnlyChecks()) {
      const status = check.needsCredentialVerification ? "SKIP" : "PASS";
      expect(blockOf(result.stdout, check.id)).toMatch(new RegExp(`^${status}  ${check.id} `));
    }
    expect(result.stdout).toContain("12 checks: 10 passed, 0 failed, 2 skipped. Conforms to the spec.");
    expect(result.stdout).not.toContain(CREDENTIALS.GONG_ACCESS_KEY_SECRET);
    expect(result.code).toBe(0);
  });

  it("adds the write check for --allow-writes and passes it with the spec's example id", async () => {
    const result = await runKit(["--allow-writes", "234599484848423"]);
    expect(blockOf(result.stdout, "unassign")).toContain(
      'got 200 application/json requestId="4al018gzaztcr8nbukw" unassignedFlowInstanceIds=["234599484848423"]',
    );
    expect(result.stdout).toContain("13 checks: 11 passed, 0 failed, 2 skipped.");
    expect(result.code).toBe(0);
  });
});
