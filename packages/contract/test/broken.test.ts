import type { RunningServer } from "@gong-flows/fake/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Defect, startBrokenServer } from "./broken-server.js";
import { AUTHORIZATION, blockOf, CREDENTIALS, runKit, startStrictFake } from "./helpers.js";

let fake: RunningServer;
beforeAll(async () => {
  fake = await startStrictFake();
});
afterAll(async () => {
  await fake.stop();
});

async function runAgainst(defect: Defect) {
  const broken = await startBrokenServer(defect, fake.url);
  try {
    return await runKit(["--target", broken.url, "--rps", "100"], CREDENTIALS);
  } finally {
    await broken.stop();
  }
}

describe("the kit against a deliberately broken server", () => {
  it.each<[Defect, string, RegExp]>([
    [
      "wrong-body-type",
      "empty-list",
      /breaks the spec at response\.body\.errors: Response body property errors must be array/,
    ],
    [
      "missing-retry-after",
      "unknown-id",
      /breaks the spec at response\.header: Response header must have required property 'retry-after'/,
    ],
    [
      "html-error-page",
      "missing-credentials",
      /breaks the spec at response: The received media type "text\/html" does not match the one specified in the current response: application\/json/,
    ],
    ["missing-request-id", "bad-email", /- the body has no requestId/],
  ])("fails on %s, naming the violation in %s", async (defect, checkId, violation) => {
    const result = await runAgainst(defect);
    const block = blockOf(result.stdout, checkId);
    expect(block).toMatch(new RegExp(`^FAIL  ${checkId} `));
    expect(block).toMatch(violation);
    expect(result.stdout).toMatch(/\d+ failed, 0 skipped\. Does NOT conform to the spec \(\d+ failed\)\.\n$/);
    expect(result.code).toBe(1);
  });

  it.each<[Defect, string, string]>([
    ["accepts-bad-email", "bad-email", "the email format"],
    ["accepts-unknown-properties", "unknown-property", "additionalProperties"],
    ["accepts-duplicate-ids", "duplicate-id", "uniqueItems"],
  ])("fails only its own check against a target that %s", async (defect, checkId) => {
    const result = await runAgainst(defect);
    // The probe id exists for the fake (the spec's example id, found by its lookup), so the lenient target
    // answers 200 and only the check of the rule it ignores can tell.
    expect(result.stdout).toContain("body rules probed with flow instance id 234599484848423");
    expect(blockOf(result.stdout, checkId)).toMatch(
      new RegExp(
        `^FAIL  ${checkId} .*\n {6}got 200 application/json[^\n]*\n {6}- expected status 400, got 200`,
      ),
    );
    const failed = [...result.stdout.matchAll(/^FAIL {2}(\S+)/gm)].map((match) => match[1]);
    expect(failed).toEqual([checkId]);
    expect(result.code).toBe(1);
  });

  it("fails every check, saying why, when nothing answers at the target", async () => {
    const gone = await startStrictFake();
    await gone.stop();
    const result = await runKit(["--target", gone.url, "--rps", "100"], CREDENTIALS);
    expect(blockOf(result.stdout, "empty-list")).toContain(
      "- Prism could not get a readable answer from the target: request to",
    );
    expect(blockOf(result.stdout, "empty-list")).toContain("ECONNREFUSED");
    expect(result.stdout).toContain("12 checks: 0 passed, 12 failed, 0 skipped.");
    expect(result.code).toBe(1);
  });

  it("never prints the credentials or a part of them, even when the server echoes them", async () => {
    const result = await runAgainst("echoes-credentials");
    expect(result.code).toBe(0);
    expect(blockOf(result.stdout, "empty-list")).toContain(
      "rejected Basic [REDACTED] ([REDACTED]:[REDACTED])",
    );
    // Prefixes too: a line cut short for display must not leave the start of a secret behind.
    const encoded = AUTHORIZATION.slice("Basic ".length);
    for (const secret of [CREDENTIALS.GONG_ACCESS_KEY_SECRET, CREDENTIALS.GONG_ACCESS_KEY, encoded]) {
      expect(result.stdout + result.stderr).not.toContain(secret.slice(0, 8));
    }
  });
});
