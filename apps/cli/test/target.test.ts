import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { describeTarget, resolveTarget } from "../src/target.js";

describe("the target line", () => {
  it("calls out the default, which is rarely a company's own base URL", () => {
    const line = describeTarget(resolveTarget(undefined, {}), {});
    expect(line).toBe(
      "target https://api.gong.io (the default: neither --base-url nor GONG_BASE_URL is set; most companies have " +
        "their own base URL, shown on Gong's API settings page)",
    );
  });

  it("names a mistyped variable that was left unread", () => {
    const env = { GONG_URL: "https://acme.api.gong.io" };
    expect(describeTarget(resolveTarget(undefined, env), env)).toMatch(
      /^target https:\/\/api\.gong\.io \(the default: .*; GONG_URL is set, but the variable read is GONG_BASE_URL\)$/,
    );
  });

  it("says where a chosen base URL came from, and when it is the default all the same", () => {
    const env = { GONG_BASE_URL: "https://acme.api.gong.io/" };
    expect(describeTarget(resolveTarget(undefined, env), env)).toBe(
      "target https://acme.api.gong.io (from GONG_BASE_URL)",
    );
    expect(describeTarget(resolveTarget("https://api.gong.io", env), env)).toBe(
      "target https://api.gong.io (from --base-url, which is the default)",
    );
  });

  it("is part of a dry run, in words and as JSON's baseUrl", async () => {
    let stdout = "";
    let stderr = "";
    const io = {
      env: { GONG_BASE_URL: "https://acme.api.gong.io" },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      readStdin: async () => "",
    };
    expect(await main(["unassign", "234599484848423", "--dry-run"], io)).toBe(0);
    expect(stdout).toContain(
      "It would be sent to the target https://acme.api.gong.io (from GONG_BASE_URL).\n",
    );
    stdout = "";
    expect(await main(["unassign", "234599484848423", "--dry-run", "--json"], io)).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, baseUrl: "https://acme.api.gong.io" });
    expect(stderr).toBe("");
  });
});
