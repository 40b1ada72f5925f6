import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lockJournal } from "../src/journal/lock.js";

const LOCK_MODULE = fileURLToPath(new URL("../dist/journal/lock.js", import.meta.url));

/** A process that tries to take the lock of every journal path it reads, answers HELD or NO, and keeps it. */
const CONTENDER = `
  const { lockJournal } = await import(${JSON.stringify(LOCK_MODULE)});
  const lines = (await import("node:readline")).createInterface({ input: process.stdin });
  for await (const path of lines) {
    let answer = "HELD";
    try { lockJournal(path); } catch { answer = "NO"; }
    process.stdout.write(answer + "\\n");
  }`;

interface Contender {
  readonly child: ChildProcessWithoutNullStreams;
  readonly answers: string[];
}

function startContender(): Contender {
  const child = spawn(process.execPath, ["--input-type=module", "-e", CONTENDER], { stdio: "pipe" });
  const answers: string[] = [];
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const parts = `${pending}${chunk.toString("utf8")}`.split("\n");
    pending = parts.pop() ?? "";
    answers.push(...parts);
  });
  return { child, answers };
}

const contenders: Contender[] = [];
afterAll(() => {
  for (const { child } of contenders) child.kill();
});

const deadPid = (): string =>
  spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();

describe("the journal lock", () => {
  it("is taken over by exactly one of many processes racing for the same stale lock", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gong-flows-lock-race-"));
    contenders.push(...Array.from({ length: 8 }, startContender));
    const dead = deadPid();
    const rounds = 150;
    const holdersPerRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const journal = join(dir, `job-${round}.journal`);
      writeFileSync(`${journal}.lock`, dead);
      for (const { child } of contenders) child.stdin.write(`${journal}\n`);
      const answered = () => contenders.every(({ answers }) => answers.length > round);
      while (!answered()) await new Promise((resolve) => setTimeout(resolve, 2));
      holdersPerRound.push(contenders.filter(({ answers }) => answers[round] === "HELD").length);
    }
    // Holders keep their lock, so every other contender of the round must have been refused.
    expect(holdersPerRound.filter((holders) => holders !== 1)).toEqual([]);
  }, 120_000);

  it("never writes through a symbolic link planted at its pid file's or takeover guard's name", () => {
    const dir = mkdtempSync(join(tmpdir(), "gong-flows-lock-link-"));
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious\n");
    const journal = join(dir, "job.journal");
    // The old pid file name, and a dangling link where a lock would be created.
    symlinkSync(victim, `${journal}.lock.${process.pid}`);
    const release = lockJournal(journal);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(readFileSync(`${journal}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${journal}.lock`)).toBe(false);

    const other = join(dir, "other.journal");
    symlinkSync(join(dir, "created-through-link"), `${other}.lock`);
    expect(() => lockJournal(other)).toThrow(/in use by another gong-flows run .*names no process/);
    expect(existsSync(join(dir, "created-through-link"))).toBe(false);

    // A stale lock whose takeover guard name is taken by a planted link: the lock is not taken, nothing written.
    const guarded = join(dir, "guarded.journal");
    writeFileSync(`${guarded}.lock`, deadPid());
    symlinkSync(victim, `${guarded}.lock.takeover.${statSync(`${guarded}.lock`).ino}`);
    expect(() => lockJournal(guarded)).toThrow(/another run keeps taking the lock/);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });
});
