import { makeIds, startFakeGong } from "@gong-flows/fake";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { createProgressLine, formatSeconds } from "../src/progress.js";
import { CREDENTIALS, withoutTarget } from "./helpers.js";

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
      expect(withoutTarget(result.stderr)).toBe("");
    } finally {
      await fake.stop();
    }
  });
});

describe("progress while refused batches are isolated", () => {
  it("says so, and shows neither 100 % nor ETA 0s until every id is settled", () => {
    let drawn = "";
    let last = "";
    let clock = 0;
    const line = createProgressLine(
      {
        write: (text: string) => {
          if (text === "\n") last = drawn;
          else drawn = text;
        },
      },
      { ids: 400, batches: 2, requestsPerSecond: 3 },
      () => (clock += 1000),
    );
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => String(234599484800000 + from + i));
    let settledSoFar = 0;
    const sending = (ids: string[]) =>
      ({ type: "sending", flowInstanceIds: ids, attempt: 1, settled: settledSoFar, total: 400 }) as const;
    const settled = (count: number) => {
      settledSoFar = count;
      return {
        type: "settled",
        flowInstanceIds: [],
        outcome: "unassigned",
        settled: count,
        total: 400,
      } as const;
    };
    line.onProgress(sending(batch(0, 200)));
    line.onProgress(settled(200));
    line.onProgress(sending(batch(200, 200)));
    // The second batch is refused: its isolation re-sends parts of it.
    line.onProgress(sending(batch(200, 100)));
    line.onProgress(settled(300));
    line.onProgress(sending(batch(300, 50)));
    expect(drawn).toMatch(
      /batches 2\/2 · isolating refused ids \(2 extra requests\) · ids settled 300\/400 \(75%\)/,
    );
    expect(drawn).toContain("ETA: finishing the last requests");
    line.onProgress(settled(399));
    expect(drawn).toContain("(99%)");
    expect(drawn).not.toContain("ETA 0s");
    line.onProgress(settled(400));
    line.finish();
    expect(last).toMatch(/\(100%\) · [\d.]+ req\/s · ETA 0s$/);
  });
});

describe("the ETA", () => {
  /** A line fed `batches` first attempts, one every `secondsApart`, and what it drew last. */
  function etaAfter(
    batches: number,
    secondsApart: number,
    plan: { batches: number; requestsPerSecond: number },
  ) {
    let drawn = "";
    let clock = 0;
    const line = createProgressLine(
      { write: (text: string) => (drawn = text) },
      { ids: plan.batches * 200, ...plan },
      () => clock,
    );
    for (let n = 0; n < batches; n++) {
      clock += secondsApart * 1000;
      line.onProgress({
        type: "sending",
        flowInstanceIds: [],
        attempt: 1,
        settled: 0,
        total: plan.batches * 200,
      });
    }
    return /ETA (\S+)$/.exec(drawn)?.[1];
  }

  it("uses the planned rate while the run keeps it", () => {
    expect(etaAfter(10, 1 / 3, { batches: 190, requestsPerSecond: 3 })).toBe("1m0s");
  });

  it("uses the measured pace once a few batches show the run slower than planned (429 pauses, shared limit)", () => {
    // One batch every 2 s against a planned 3/s: 180 batches left take 6 minutes, not one.
    expect(etaAfter(10, 2, { batches: 190, requestsPerSecond: 3 })).toBe("6m0s");
  });

  it("trusts the plan over the first few batches, which start in a burst or a slow first answer", () => {
    expect(etaAfter(2, 10, { batches: 32, requestsPerSecond: 3 })).toBe("10s");
  });
});

describe("formatSeconds", () => {
  it.each([
    [0, "0s"],
    [0.2, "1s"],
    [59.5, "1m0s"],
    [119.5, "2m0s"],
    [3599.5, "1h0m"],
    [7322, "2h2m"],
  ])("shows %s s as %s", (seconds, shown) => {
    expect(formatSeconds(seconds)).toBe(shown);
  });
});
