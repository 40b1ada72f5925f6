import { describe, expect, it } from "vitest";
import { CREDENTIALS, prismUrl, runCli, withoutTarget } from "./helpers.js";

describe("gong-flows unassign against the Prism mock", () => {
  it("unassigns an id, prints the summary and exits 0", async () => {
    const result = await runCli(["unassign", "234599484848423", "--base-url", prismUrl()], {
      env: CREDENTIALS,
    });
    expect(withoutTarget(result.stderr)).toBe("");
    expect(result.stdout).toContain("Unassigned 1 of 1 flow instances in 1 request.");
    expect(result.code).toBe(0);
  });

  it("prints exactly the report as JSON with --json", async () => {
    const result = await runCli(["unassign", "234599484848423", "--json", "--base-url", prismUrl()], {
      env: CREDENTIALS,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      unassigned: ["234599484848423"],
      notUnassigned: [],
      rejected: [],
      unknown: [],
      skipped: [],
      duplicates: 0,
      requests: 1,
      requestIds: ["4al018gzaztcr8nbukw"],
      errors: [],
    });
  });

  it("exits 1 when an id is not listed by the answer", async () => {
    const result = await runCli(["unassign", "111", "--json", "--base-url", prismUrl()], {
      env: CREDENTIALS,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).notUnassigned).toEqual(["111"]);
  });
});

describe("gong-flows usage", () => {
  it("prints its version", async () => {
    const result = await runCli(["--version"]);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(result.code).toBe(0);
  });

  it("lists every flag with --help", async () => {
    const result = await runCli(["unassign", "--help"]);
    for (const flag of [
      "--file",
      "--unassigned-by",
      "--base-url",
      "--json",
      "--dry-run",
      "--journal",
      "--rps",
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.code).toBe(0);
  });

  it("exits 2 with an empty stdout when credentials are missing", async () => {
    const result = await runCli(["unassign", "1", "--json", "--base-url", prismUrl()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("GONG_ACCESS_KEY");
  });
});
