import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, env, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe("gong-flows-contract usage", () => {
  it("prints help and version", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["--target", "--allow-writes", "--rps", "GONG_BEARER_TOKEN"])
      expect(help.stdout).toContain(flag);
    expect((await run(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each<[string, string[], Record<string, string>, string]>([
    ["an unknown flag", ["--verbose"], {}, "Unknown option '--verbose'"],
    ["ids without --allow-writes", ["123"], {}, "ids to unassign need --allow-writes"],
    ["--allow-writes without ids", ["--allow-writes"], {}, "--allow-writes needs the flow instance ids"],
    ["a bad --rps", ["--rps", "0"], {}, "--rps must be a number from 0.01 to 100"],
    ["a bad id", ["--allow-writes", "1,2"], {}, 'write id "1,2" contains ","'],
    [
      "half a key pair",
      ["--target", "https://gong.example"],
      { GONG_ACCESS_KEY: "k" },
      "GONG_ACCESS_KEY_SECRET is not set",
    ],
    [
      "both kinds of credentials",
      ["--target", "https://gong.example"],
      { GONG_BEARER_TOKEN: "t0ken-value", GONG_ACCESS_KEY: "k", GONG_ACCESS_KEY_SECRET: "s3cret-value" },
      "Both GONG_BEARER_TOKEN and GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET are set",
    ],
    [
      "plain http to another host",
      ["--target", "http://gong.example"],
      { GONG_BEARER_TOKEN: "t0ken-value" },
      "plain http is allowed only to localhost",
    ],
    [
      "a target with credentials in it",
      ["--target", "https://u:p@gong.example"],
      { GONG_BEARER_TOKEN: "t" },
      "must not contain credentials",
    ],
  ])("refuses %s with exit 2 before anything starts", async (_, argv, env, message) => {
    const result = await run(argv, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
    for (const value of Object.values(env)) if (value.length > 2) expect(result.stderr).not.toContain(value);
  });
});
