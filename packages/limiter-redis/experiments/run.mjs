import { spawn } from "node:child_process";

const url = process.argv[2];
const R = 10,
  N = 30,
  P = 3;
function start(approach, key) {
  const c = spawn(process.execPath, ["worker.mjs", approach, url, String(N), String(R), key], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let readyResolve;
  const ready = new Promise((r) => (readyResolve = r));
  c.stdout.on("data", (d) => {
    out += d;
    if (out.includes("ready\n")) readyResolve();
  });
  const done = new Promise((r) => c.on("close", () => r(JSON.parse(out.split("TIMES ")[1]))));
  return { c, ready, done };
}
function mostIn(times, w) {
  const s = [...times].sort((a, b) => a - b);
  let m = 0,
    f = 0;
  for (let l = 0; l < s.length; l++) {
    while (s[l] - s[f] >= w) f++;
    m = Math.max(m, l - f + 1);
  }
  return m;
}
// Gong-like strict limit: a token bucket of capacity 1 (no stored burst) and one of capacity R (the fake's).
function rejected(times, capacity) {
  const s = [...times].sort((a, b) => a - b);
  let tokens = capacity,
    at = s[0],
    n = 0;
  for (const t of s) {
    tokens = Math.min(capacity, tokens + ((t - at) / 1000) * R);
    at = t;
    if (tokens >= 1 - 1e-9) tokens -= 1;
    else n++;
  }
  return n;
}
for (const approach of ["rlf-fixed", "rlf-even", "rlf-queue", "ours"]) {
  for (let round = 0; round < 3; round++) {
    const key = `${approach}-${round}-${Date.now()}`;
    const ps = Array.from({ length: P }, () => start(approach, key));
    await Promise.all(ps.map((p) => p.ready));
    const t0 = Date.now();
    for (const p of ps) p.c.stdin.end("go\n");
    const all = (await Promise.all(ps.map((p) => p.done))).flat();
    const wall = Math.max(...all) - t0;
    const floor = ((N * P - 1) / R) * 1000;
    const s = [...all].sort((a, b) => a - b);
    let minGap = Infinity;
    for (let i = 1; i < s.length; i++) minGap = Math.min(minGap, s[i] - s[i - 1]);
    console.log(
      JSON.stringify({
        approach,
        round,
        starts: all.length,
        wallVsFloor: +(wall / floor).toFixed(3),
        maxIn1s: mostIn(all, 1000),
        maxIn100ms: mostIn(all, 100),
        minGapMs: minGap,
        rejectedStrictBucket: rejected(all, 1),
        rejectedBucketR: rejected(all, R),
      }),
    );
  }
}
