import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGong, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS, runCli, withoutTarget } from "./helpers.js";

// A real full disk: a small tmpfs. Mounting needs root, which this machine kind and CI have; if it fails the
// test fails loudly instead of skipping, since the full-disk guarantee would otherwise go untested.
const root = mkdtempSync(join(tmpdir(), "gong-flows-full-disk-"));
const disk = join(root, "disk");
const DISK_BYTES = 1024 * 1024;
let fake: FakeGong | undefined;

beforeAll(() => {
  mkdirSync(disk);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${DISK_BYTES}`, "tmpfs", disk], { stdio: "pipe" });
  } catch (error) {
    throw new Error(
      `Cannot mount a tmpfs for the full-disk test (run the tests as root): ${(error as Error).message}`,
    );
  }
});

afterAll(async () => {
  await fake?.stop();
  execFileSync("umount", [disk]);
  rmSync(root, { recursive: true, force: true });
});

/** Fills the tmpfs so that only `freeBytes` (rounded to pages) are left. */
function leaveFree(freeBytes: number): void {
  const { bavail, bsize } = statfsSync(disk);
  writeFileSync(join(disk, "filler"), Buffer.alloc(Math.max(0, bavail * bsize - freeBytes)));
}

/** The id lists of the journal's whole `sending` lines: what the CLI had made durable before sending. */
function durablySent(journal: string): Set<string> {
  const text = readFileSync(journal, "utf8");
  const whole = text
    .slice(0, text.lastIndexOf("\n") + 1)
    .split("\n")
    .filter(Boolean);
  const ids = new Set<string>();
  for (const line of whole) {
    const record = JSON.parse(line.slice(line.indexOf(" ") + 1)) as { type: string; ids?: string[] };
    if (record.type === "sending") for (const id of record.ids ?? []) ids.add(id);
  }
  return ids;
}

const LISTS = ["unassigned", "notUnassigned", "rejected", "unknown", "skipped"] as const;

describe("--journal on a disk that fills up mid-run", () => {
  // Free space from 8 KiB to 28 KiB: the disk fills in a header, a `sending`, an `attempted` or a `settled` record.
  it.each([8, 12, 16, 20, 24, 28])(
    "with %i KiB free: sends nothing it could not record, prints the report, resumes without misreporting",
    async (freeKiB) => {
      const ids = makeIds(2_000);
      fake = await startFakeGong({ assigned: ids });
      const gong = fake;
      const journal = join(disk, `job-${freeKiB}.journal`);
      const idsFile = join(root, "ids.txt");
      writeFileSync(idsFile, ids.join("\n"));
      const args = ["unassign", "--file", idsFile, "--journal", journal, "--json", "--base-url", gong.url];
      leaveFree(freeKiB * 1024);

      const full = await runCli([...args, "--rps", "50"], { env: CREDENTIALS });
      expect(full.stderr).toMatch(/the journal .* could not be written \(ENOSPC\): the run stopped/);
      expect(full.code).toBe(1);
      const report = JSON.parse(full.stdout);
      expect(LISTS.flatMap((list) => report[list] as string[]).sort()).toEqual([...ids].sort());
      // Write-ahead: every id that reached the fake has a whole `sending` record on disk.
      const recorded = durablySent(journal);
      for (const request of gong.requests)
        for (const id of request.flowInstanceIds) expect(recorded).toContain(id);
      // Honest: unassigned means removed; skipped means never sent; nothing removed is called not unassigned.
      for (const id of report.unassigned) expect(gong.assigned.has(id)).toBe(false);
      for (const id of report.skipped) expect(gong.assigned.has(id)).toBe(true);
      expect(report.notUnassigned).toEqual([]);
      expect(report.skipped.length).toBeGreaterThan(0);

      rmSync(join(disk, "filler"));
      const resumed = await runCli([...args, "--rps", "50"], { env: CREDENTIALS });
      expect(withoutTarget(resumed.stderr)).toMatch(/^(gong-flows: resuming: [^\n]*\n)?$/);
      const final = JSON.parse(resumed.stdout);
      expect(final.notUnassigned).toEqual([]);
      expect(final.skipped).toEqual([]);
      expect([...final.unassigned, ...final.unknown].sort()).toEqual([...ids].sort());
      expect(gong.assigned.size).toBe(0);
      expect([...gong.unassignCounts.values()].every((count) => count === 1)).toBe(true);

      rmSync(journal);
      await gong.stop();
      fake = undefined;
    },
    60_000,
  );
});

describe("--journal on a disk already full", () => {
  it("refuses to start, saying the lock file could not be created, and leaves no pid file behind", async () => {
    fake = await startFakeGong({ assigned: ["1"] });
    const journal = join(disk, "full.journal");
    leaveFree(0);
    try {
      const result = await runCli(["unassign", "1", "--journal", journal, "--base-url", fake.url], {
        env: CREDENTIALS,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `Cannot create the lock file ${journal}.lock for journal ${journal}: ENOSPC`,
      );
      expect(fake.requests).toHaveLength(0);
      expect(readdirSync(disk)).toEqual(["filler"]);
    } finally {
      rmSync(join(disk, "filler"));
      await fake.stop();
      fake = undefined;
    }
  }, 60_000);
});
