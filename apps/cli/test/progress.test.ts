import { makeIds, startFakeGong } from "@gong-flows/fake";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { CREDENTIALS } from "./helpers.js";

/** Runs the CLI in-process with a stderr that claims to be a terminal. */
async function runWithTerminal(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    env: CREDENTIALS,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: true },
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

describe("progress on a terminal", () => {
  it("draws batches, settled ids, rate and ETA on stderr, and keeps stdout for the result", async () => {
    const ids = makeIds(60);
    const fake = await startFakeGong({ assigned: ids });
    try {
      const result = await runWithTerminal([
        "unassign",
        ...ids,
        "--batch-size",
        "10",
        "--rps",
        "100",
        "--base-url",
        fake.url,
      ]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /batches 6\/6 · ids settled 60\/60 \(100%\) · \d+\.\d req\/s · ETA 0s\n$/,
      );
      expect(result.stdout).toContain("Unassigned 60 of 60");
      expect(result.stdout).not.toContain("batches");
    } finally {
      await fake.stop();
    }
  });

  it("is silenced by --quiet", async () => {
    const fake = await startFakeGong({ assigned: ["1"] });
    try {
      const result = await runWithTerminal(["unassign", "1", "--quiet", "--base-url", fake.url]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
    } finally {
      await fake.stop();
    }
  });
});
