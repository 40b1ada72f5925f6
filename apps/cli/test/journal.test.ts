import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FakeGong, type FakeGongOptions, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { encodeLine, journalKey } from "../src/journal/format.js";
import { CREDENTIALS, runCli, spawnCli, waitFor, withoutTarget } from "./helpers.js";

let fake: FakeGong | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.stop();
  fake = undefined;
});

async function startFake(options: FakeGongOptions) {
  fake = await startFakeGong(options);
  return fake;
}

interface JournalLine {
  type: string;
  ids?: string[];
  outcome?: string;
  status?: number | null;
  maybeProcessed?: boolean;
}
/** A journal line is `HASH JSON`. */
const recordOf = (line: string): JournalLine => JSON.parse(line.slice(line.indexOf(" ") + 1));
const journalLines = (path: string): JournalLine[] =>
  readFileSync(path, "utf8").split("\n").filter(Boolean).map(recordOf);

/** Read independently of the CLI: which ids a journal shows settled, and which it leaves in doubt. */
function journalFacts(path: string) {
  const settled = new Map<string, string>();
  const inFlight = new Set<string>();
  for (const line of journalLines(path).slice(1)) {
    for (const id of line.ids ?? []) {
      if (line.type === "sending") inFlight.add(id);
      else if (line.type === "settled") {
        inFlight.delete(id);
        settled.set(id, line.outcome ?? "");
      } else if (line.type === "attempted" && !line.maybeProcessed && (line.status ?? 0) >= 300) {
        // Refused (4xx, 429): certainly not processed.
        inFlight.delete(id);
      }
    }
  }
  return { settled, inFlight };
}

const FINAL = new Set(["unassigned", "notUnassigned", "rejected"]);

describe("--journal: resumable runs", () => {
  it("survives kill -9 mid-run: the resumed run re-sends no settled id and reports every id once", async () => {
    const ids = makeIds(400);
    const stuck = [ids[5] as string, ids[250] as string];
    const gong = await startFake({ assigned: ids.filter((id) => !stuck.includes(id)), stuck, latencyMs: 40 });
    const dir = mkdtempSync(join(tmpdir(), "gong-flows-journal-"));
    const journal = join(dir, "job.journal");
    writeFileSync(join(dir, "ids.txt"), ids.join("\n"));
    const args = [
      "unassign",
      "--file",
      join(dir, "ids.txt"),
      "--journal",
      journal,
      "--json",
      "--base-url",
      gong.url,
    ];
    const options = { env: CREDENTIALS };
    const first = spawnCli([...args, "--batch-size", "10", "--rps", "25"], options);
    // Kill only once some answer is journaled: on a loaded machine 12 requests can arrive before any answer is read.
    const finalSoFar = () => {
      try {
        return [...journalFacts(journal).settled.values()].filter((outcome) => FINAL.has(outcome)).length;
      } catch {
        return 0; // a line being written
      }
    };
    await waitFor(() => gong.requests.length >= 12 && finalSoFar() > 0);
    first.child.kill("SIGKILL");
    const killed = await first.result;
    expect(killed.signal).toBe("SIGKILL");

    const before = journalFacts(journal);
    const requestsBeforeResume = gong.requests.length;
    const finalBefore = [...before.settled].filter(([, outcome]) => FINAL.has(outcome)).map(([id]) => id);
    expect(finalBefore.length).toBeGreaterThan(0);
    expect(finalBefore.length).toBeLessThan(ids.length);

    const resumed = await runCli([...args, "--batch-size", "10", "--rps", "50"], options);
    expect(withoutTarget(resumed.stderr)).toMatch(
      new RegExp(
        `^gong-flows: resuming: the journal already settled ${finalBefore.length} of ${ids.length} ids \\(`,
      ),
    );
    const report = JSON.parse(resumed.stdout);
    const resent = gong.requests.slice(requestsBeforeResume).flatMap((request) => request.flowInstanceIds);
    for (const id of finalBefore) expect(resent).not.toContain(id);

    const lists = ["unassigned", "notUnassigned", "rejected", "unknown", "skipped"] as const;
    const all = lists.flatMap((list) => report[list] as string[]);
    expect(all.sort()).toEqual([...ids].sort());
    expect(report.notUnassigned.sort()).toEqual([...stuck].sort());
    for (const id of before.inFlight) expect(report.notUnassigned).not.toContain(id);
    // Unknown only where the crash left real doubt: ids in flight at the kill that the fake had processed.
    for (const id of report.unknown) expect(before.inFlight.has(id)).toBe(true);
    expect(report.unassigned.length + report.unknown.length).toBe(ids.length - stuck.length);
    expect([...gong.unassignCounts.values()].every((count) => count === 1)).toBe(true);
    expect(resumed.code).toBe(1);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it("reports a finished job from the journal without sending anything", async () => {
    const ids = makeIds(30);
    const gong = await startFake({ assigned: ids });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    const args = ["unassign", ...ids, "--journal", journal, "--json", "--base-url", gong.url];
    expect((await runCli(args, { env: CREDENTIALS })).code).toBe(0);
    const again = await runCli(args, { env: CREDENTIALS });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ unassigned: ids, requests: 0 });
    expect(gong.requests).toHaveLength(1);
    const dry = await runCli([...args, "--dry-run"], { env: CREDENTIALS });
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      baseUrl: gong.url,
      ids: 30,
      duplicates: 0,
      alreadySettled: 30,
      journalVerified: true,
      batches: [],
    });
  });

  it.each([
    ["another id set", ["1", "2", "4"], [], /belongs to another job.*set of 3 ids/],
    [
      "another email",
      ["1", "2", "3"],
      ["--unassigned-by", "x@example.com"],
      /--unassigned-by \(none\) \(now x@example.com\)/,
    ],
  ])("refuses a journal bound to %s", async (_, ids, extra, message) => {
    const gong = await startFake({ assigned: ["1", "2", "3", "4"] });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    await runCli(["unassign", "1", "2", "3", "--journal", journal, "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    const refused = await runCli(
      ["unassign", ...ids, ...extra, "--journal", journal, "--base-url", gong.url],
      {
        env: CREDENTIALS,
      },
    );
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(message);
    expect(gong.requests).toHaveLength(1);
  });

  it("refuses a journal bound to another base URL", async () => {
    const gong = await startFake({ assigned: ["1"] });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    await runCli(["unassign", "1", "--journal", journal, "--base-url", gong.url], { env: CREDENTIALS });
    const refused = await runCli(["unassign", "1", "--journal", journal, "--base-url", `${gong.url}/other`], {
      env: CREDENTIALS,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/base URL http:\/\/127\.0\.0\.1:\d+ \(now/);
  });

  it("refuses a journal held by another running process, and takes over a stale lock", async () => {
    const gong = await startFake({ assigned: ["1"] });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    writeFileSync(`${journal}.lock`, String(process.pid));
    const held = await runCli(["unassign", "1", "--journal", journal, "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(
      new RegExp(`in use by another gong-flows run \\(pid ${process.pid}; wait for it to finish\\)`),
    );
    expect(gong.requests).toHaveLength(0);

    writeFileSync(`${journal}.lock`, "999999999");
    const stale = await runCli(["unassign", "1", "--journal", journal, "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(stale.code).toBe(0);
  });

  it("refuses a corrupt line before the last, and ignores a torn last line (its ids stay in doubt)", async () => {
    const gong = await startFake({ assigned: ["1", "2", "3"] });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    const args = ["unassign", "1", "2", "3", "--journal", journal, "--json", "--base-url", gong.url];
    // A dry run reads the journal but writes nothing, not even a header.
    await runCli([...args, "--dry-run"]);
    expect(existsSync(journal)).toBe(false);
    const good = await runCli(args, { env: CREDENTIALS });
    expect(good.code).toBe(0);
    const lines = readFileSync(journal, "utf8").split("\n").filter(Boolean);
    const headerLine = lines[0] as string;

    // A run that crashed while writing the outcome of its request: half a settled record.
    const key = journalKey({
      accessKey: CREDENTIALS.GONG_ACCESS_KEY,
      accessKeySecret: CREDENTIALS.GONG_ACCESS_KEY_SECRET,
    });
    const sending = encodeLine(key, headerLine.slice(0, 64), {
      type: "sending",
      ids: ["1", "2", "3"],
      attempt: 1,
    });
    writeFileSync(journal, `${headerLine}\n${sending.line}${sending.hash} {"type":"settled","ids":["1","2`);
    const torn = await runCli(args, { env: CREDENTIALS });
    expect(withoutTarget(torn.stderr)).toBe("");
    expect(JSON.parse(torn.stdout).unknown).toEqual(["1", "2", "3"]);
    expect(() => journalLines(journal)).not.toThrow();

    writeFileSync(journal, `${headerLine}\nnot json\n{"type":"sending","ids":["1"],"attempt":1}\n`);
    const corrupt = await runCli(args, { env: CREDENTIALS });
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/corrupt at line 2/);
  });
});

describe("SIGINT", () => {
  it("stops after the requests in flight, prints the report so far and exits 1", async () => {
    const ids = makeIds(200);
    const gong = await startFake({ assigned: ids, latencyMs: 30 });
    const run = spawnCli(
      ["unassign", ...ids, "--json", "--batch-size", "10", "--rps", "20", "--base-url", gong.url],
      {
        env: CREDENTIALS,
      },
    );
    await waitFor(() => gong.requests.length >= 3);
    run.child.kill("SIGINT");
    const result = await run.result;
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.unassigned.length).toBeGreaterThanOrEqual(30);
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(report.unknown).toEqual([]);
    expect(report.unassigned.length + report.skipped.length).toBe(200);
    // Every request that reached the fake was answered and counted: none was cut off.
    expect(report.requests).toBe(gong.requests.length);
    expect(result.stderr).toContain("SIGINT: stopping after the requests in flight");
  });

  it("says in the summary that the operator stopped the run, not that a budget ran out", async () => {
    const ids = makeIds(200);
    // Ids Gong does not know make their batches refused, so isolation is under way when the stop comes.
    const input = ids.flatMap((id, index) => (index % 10 === 0 ? [`99999999999${index}`, id] : [id]));
    const gong = await startFake({ assigned: ids, latencyMs: 30 });
    const run = spawnCli(
      ["unassign", ...input, "--batch-size", "10", "--rps", "20", "--base-url", gong.url],
      {
        env: CREDENTIALS,
      },
    );
    await waitFor(() => gong.requests.length >= 4);
    run.child.kill("SIGINT");
    const result = await run.result;
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "You stopped the run: nothing more was sent after the requests in flight.",
    );
    expect(result.stdout).not.toContain("--max-isolation-requests");
  });
});

describe("a second SIGINT", () => {
  it("exits 130 at once", async () => {
    const ids = makeIds(50);
    const gong = await startFake({ assigned: ids, latencyMs: 2_000 });
    const run = spawnCli(["unassign", ...ids, "--batch-size", "1", "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    await waitFor(() => gong.requests.length >= 1);
    run.child.kill("SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 50));
    run.child.kill("SIGINT");
    const result = await run.result;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("");
  });
});

describe("--journal safety", () => {
  it("refuses to use someone's one-line file as a journal, and leaves it untouched", async () => {
    const gong = await startFake({ assigned: ["1", "2"] });
    const file = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "ids.csv");
    writeFileSync(file, "1,2");
    const result = await runCli(["unassign", "--file", file, "--journal", file, "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not a gong-flows journal/);
    expect(readFileSync(file, "utf8")).toBe("1,2");
    expect(gong.requests).toHaveLength(0);
  });

  it("refuses a journal in a folder that does not exist, before sending", async () => {
    const gong = await startFake({ assigned: ["1"] });
    const result = await runCli(
      ["unassign", "1", "--journal", "/nonexistent/dir/job.journal", "--base-url", gong.url],
      {
        env: CREDENTIALS,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "Cannot create the lock file /nonexistent/dir/job.journal.lock for journal /nonexistent/dir/job.journal: its folder does not exist",
    );
    expect(gong.requests).toHaveLength(0);
  });

  it("treats an empty lock file as held", async () => {
    const gong = await startFake({ assigned: ["1"] });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    writeFileSync(`${journal}.lock`, "");
    const result = await runCli(["unassign", "1", "--journal", journal, "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/in use by another gong-flows run/);
  });

  it("never calls an id notUnassigned when the record of its success was torn off", async () => {
    const gong = await startFake({ assigned: ["1", "2"] });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "job.journal");
    const args = ["unassign", "1", "2", "--journal", journal, "--json", "--base-url", gong.url];
    expect((await runCli(args, { env: CREDENTIALS })).code).toBe(0);
    // A crash while writing the final `settled` record: strip its newline and half of it.
    const text = readFileSync(journal, "utf8");
    const lastLine = text.slice(0, -1).lastIndexOf("\n") + 1;
    writeFileSync(journal, text.slice(0, lastLine + 10));
    for (let run = 0; run < 2; run++) {
      const again = await runCli(args, { env: CREDENTIALS });
      const report = JSON.parse(again.stdout);
      expect(report.notUnassigned).toEqual([]);
      expect([...report.unassigned, ...report.unknown].sort()).toEqual(["1", "2"]);
    }
    // Every line of the journal is a whole record again.
    expect(() => journalLines(journal)).not.toThrow();
  });
});

describe("a file that is not a journal", () => {
  it.each([
    ["a short hex file", "deadbeefcafe"],
    ["a 64-character hex key", "ab".repeat(32)],
  ])(
    "refuses %s given as --journal, also through a symbolic link, and leaves it as it was",
    async (_, text) => {
      const gong = await startFake({ assigned: ["1"] });
      const dir = mkdtempSync(join(tmpdir(), "gong-flows-journal-"));
      const file = join(dir, "key.hex");
      const link = join(dir, "link.journal");
      writeFileSync(file, text);
      symlinkSync(file, link);
      for (const path of [file, link]) {
        const result = await runCli(["unassign", "1", "--journal", path, "--base-url", gong.url], {
          env: CREDENTIALS,
        });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`${path} is not a gong-flows journal`);
      }
      expect(readFileSync(file, "utf8")).toBe(text);
      expect(gong.requests).toHaveLength(0);
    },
  );
});

describe("a forged journal", () => {
  // The reviewer's forge.mjs: a header, `sending`, `attempted 200` and `settled unassigned` for ids 1-10, with every
  // hash recomputed. Without the credentials the chain cannot be keyed, so the journal claims nothing.
  const FORGE = fileURLToPath(new URL("./fixtures/forge-journal.mjs", import.meta.url));
  const ids = Array.from({ length: 10 }, (_, index) => String(index + 1));

  it("is refused naming its first line, and nothing is claimed unassigned", async () => {
    const gong = await startFake({ assigned: ids });
    const journal = join(mkdtempSync(join(tmpdir(), "gong-flows-journal-")), "forged.journal");
    execFileSync(process.execPath, [FORGE, journal, gong.url]);
    const args = ["unassign", ...ids, "--journal", journal, "--base-url", gong.url];
    const result = await runCli(args, { env: CREDENTIALS });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/was not written with these credentials .*the checksum of line 1/);
    expect(gong.requests).toHaveLength(0);

    // A dry run with the credentials verifies it the same way.
    const dry = await runCli([...args, "--dry-run", "--json"], { env: CREDENTIALS });
    expect(dry.code).toBe(2);
    // Without credentials it cannot verify it: it says so and counts nothing as settled.
    const unverified = await runCli([...args, "--dry-run", "--json"]);
    expect(unverified.code).toBe(0);
    expect(JSON.parse(unverified.stdout)).toMatchObject({ alreadySettled: 0, journalVerified: false });
    const text = await runCli([...args, "--dry-run"]);
    expect(text.stdout).toContain(
      "the journal not verified (no credentials set), so nothing in it is counted",
    );
    expect(text.stdout).toContain("1 request of at most");

    // Once the forged file is out of the way, the ids really are sent.
    const fresh = await runCli(
      ["unassign", ...ids, "--journal", `${journal}.new`, "--base-url", gong.url, "--json"],
      { env: CREDENTIALS },
    );
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout).unassigned).toHaveLength(10);
    expect(gong.requests.flatMap((request) => request.flowInstanceIds).sort()).toEqual([...ids].sort());
  });
});
