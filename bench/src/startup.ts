import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { timeNode } from "./processes.js";
import { interleave, median } from "./stats.js";

const require = createRequire(import.meta.url);
const cliPackage = require.resolve("@gong-flows/cli/package.json");
const cliBin = join(
  dirname(cliPackage),
  (require(cliPackage) as { bin: Record<string, string> }).bin["gong-flows"] as string,
);

/**
 * Median ms of `gong-flows --version`, of a dry run of one id (the whole `unassign` path loaded, nothing sent),
 * and of `node -e 0`, spawned in turn.
 */
export async function measureStartup(
  rounds: number,
): Promise<{ version: number; dryRun: number; node: number }> {
  const variants = {
    version: () => timeNode([cliBin, "--version"]),
    dryRun: () => timeNode([cliBin, "unassign", "234599484848423", "--dry-run"]),
    node: () => timeNode(["-e", "0"]),
  };
  await interleave(variants, 2); // warm-up: the file system cache
  const samples = await interleave(variants, rounds);
  return { version: median(samples.version), dryRun: median(samples.dryRun), node: median(samples.node) };
}
