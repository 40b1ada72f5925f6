// Preloaded into a CLI process the bench spawns (`node --import`): writes the process's peak resident set size in
// bytes to the file named by GONG_FLOWS_BENCH_RSS_FILE when it exits.
import { writeFileSync } from "node:fs";

const file = process.env.GONG_FLOWS_BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
