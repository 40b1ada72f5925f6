import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "gong-flows-big-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `count` distinct ids, one a line, without building the whole text in memory. */
async function writeIdFile(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = 10_000;
  for (let start = 0; start < count; start += chunk) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) lines.push(String(234599484800000 + i));
    if (!out.write(`${lines.join("\n")}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
}

describe("a day's quota of ids (2,000,000) in one job", () => {
  it("plans 2,000,000 ids from --file in a dry run: no stack or argument-count limit", async () => {
    const file = join(dir, "ids.txt");
    await writeIdFile(file, 2_000_000);
    const result = await runCli(["unassign", "--dry-run", "--json", "--file", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { ids: number; duplicates: number; batches: number[] };
    expect(plan.ids).toBe(2_000_000);
    expect(plan.duplicates).toBe(0);
    expect(plan.batches).toHaveLength(10_000);
    expect(plan.batches.every((size) => size === 200)).toBe(true);
  }, 180_000);
});
