import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGong, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CREDENTIALS, runCli } from "./helpers.js";

let fake: FakeGong | undefined;
const dir = mkdtempSync(join(tmpdir(), "gong-flows-quota-"));
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.stop();
  fake = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a stop by a quota", () => {
  // Before: the run settled but the process never exited (a start slept until the end of the 40,000 s pause).
  it("Gong's 429 with Retry-After 40000 on the 11th request stops at once, exits, and names when it ends", async () => {
    const ids = makeIds(5_000);
    fake = await startFakeGong({
      assigned: ids,
      faults: (n) => (n === 11 ? { type: "status", status: 429, retryAfter: "40000" } : null),
    });
    const file = join(dir, "ids.txt");
    writeFileSync(file, `${ids.join("\n")}\n`);
    const journal = join(dir, "quota.journal");
    const before = Date.now();
    const result = await runCli(
      ["unassign", "--file", file, "--batch-size", "100", "--rps", "5", "--journal", journal, "--json"],
      { env: { ...CREDENTIALS, GONG_BASE_URL: fake.url } },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Record<string, string[]> & {
      errors: { kind: string; resetsAt?: string }[];
    };
    expect(fake.requests).toHaveLength(11);
    expect(report.unassigned).toHaveLength(1_000);
    expect(report.skipped).toHaveLength(4_000);
    expect(report.unknown).toEqual([]);
    const entry = report.errors.find((error) => error.kind === "rate_limit");
    const endsAt = Date.parse(entry?.resetsAt ?? "");
    expect(endsAt - before).toBeGreaterThanOrEqual(39_999_000);
    expect(endsAt - Date.now()).toBeLessThanOrEqual(40_000_000);
    expect(result.stderr).toContain(`holds every request until ${entry?.resetsAt}`);
    expect(result.stderr).toMatch(/run the same command with the same --journal to go on/);
  }, 60_000);

  it("--daily-limit stops after that many requests and says when the day resets", async () => {
    const ids = makeIds(100);
    fake = await startFakeGong({ assigned: ids });
    const result = await runCli(
      ["unassign", ...ids.slice(0, 50), "--batch-size", "10", "--rps", "50", "--daily-limit", "2"],
      { env: { ...CREDENTIALS, GONG_BASE_URL: fake.url } },
    );
    expect(result.code).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(result.stdout).toContain("Unassigned 20 of 50");
    const midnight = new Date(Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000).toISOString();
    expect(result.stderr).toContain(
      `the daily request limit of 2 requests per UTC day is spent; it resets at ${midnight}`,
    );
    expect(result.stderr).toContain("with --journal PATH a re-run sends only the ids not yet settled");
  });

  it("refuses --daily-limit with --no-daily-limit, and a limit that is not a whole number", async () => {
    const both = await runCli(["unassign", "1", "--daily-limit", "5", "--no-daily-limit", "--dry-run"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--daily-limit and --no-daily-limit contradict each other");
    const zero = await runCli(["unassign", "1", "--daily-limit", "0", "--dry-run"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--daily-limit must be a whole number");
  });
});
