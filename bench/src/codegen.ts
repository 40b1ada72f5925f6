import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { specPath } from "@gong-flows/testkit";
import { timeNode } from "./processes.js";
import { interleave, median } from "./stats.js";

const require = createRequire(import.meta.url);
const manifest = require.resolve("openapi-typescript/package.json");
const openapiTypescript = join(
  dirname(manifest),
  (require(manifest) as { bin: Record<string, string> }).bin["openapi-typescript"] as string,
);

/** Median ms of the client's `generate` step (openapi-typescript on the spec), and of `node -e 0`. */
export async function measureCodegen(rounds: number): Promise<{ codegen: number; node: number }> {
  const out = mkdtempSync(join(tmpdir(), "gong-flows-bench-"));
  try {
    const variants = {
      codegen: () => timeNode([openapiTypescript, specPath, "--output", join(out, "openapi.ts")]),
      node: () => timeNode(["-e", "0"]),
    };
    await interleave(variants, 1);
    const samples = await interleave(variants, rounds);
    return { codegen: median(samples.codegen), node: median(samples.node) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
