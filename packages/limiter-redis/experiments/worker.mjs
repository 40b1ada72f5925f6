// One "process" of the experiment: N starts as fast as the limiter allows; prints start times (epoch ms).
import { Redis } from "ioredis";
import { RateLimiterQueue, RateLimiterRedis } from "rate-limiter-flexible";

const [approach, url, nStr, rStr, key] = process.argv.slice(2);
const n = Number(nStr),
  R = Number(rStr);
const times = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const redis = new Redis(url);
const concurrency = 4;
let left = n;
async function worker(take) {
  while (left > 0) {
    left--;
    await take();
    times.push(Date.now());
  }
}
let take;
if (approach === "rlf-fixed" || approach === "rlf-even") {
  const rl = new RateLimiterRedis({
    storeClient: redis,
    points: R,
    duration: 1,
    keyPrefix: key,
    execEvenly: approach === "rlf-even",
  });
  take = async () => {
    for (;;) {
      try {
        await rl.consume("company");
        return;
      } catch (r) {
        if (r instanceof Error) throw r;
        await sleep(r.msBeforeNext);
      }
    }
  };
} else if (approach === "rlf-queue") {
  const rl = new RateLimiterRedis({ storeClient: redis, points: R, duration: 1, keyPrefix: key });
  const q = new RateLimiterQueue(rl, { maxQueueSize: 10000 });
  take = () => q.removeTokens(1, "company");
} else if (approach === "ours") {
  const { createRedisLimiter } = await import("../dist/index.js");
  const l = await createRedisLimiter({ redis, key, requestsPerSecond: R, dailyRequestLimit: null });
  take = async () => {
    const d = await l.acquire({ maxWaitMs: 60000 });
    if (d.kind !== "go") throw new Error(d.kind);
  };
}
process.stdin.once("data", async () => {
  await Promise.all(Array.from({ length: concurrency }, () => worker(take)));
  process.stdout.write(`TIMES ${JSON.stringify(times)}\n`);
  redis.disconnect();
});
process.stdout.write("ready\n");
