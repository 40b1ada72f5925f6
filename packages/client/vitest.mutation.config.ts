import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import base from "./vitest.config.js";

/**
 * Quick test files first: Stryker stops a mutant's run at its first failing test, and vitest's own order (slowest
 * first) would start every mutant with the loopback-HTTP suites.
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

// Stryker's test run: every test but the scale test, which sends a million ids through a local fake and pins no
// value the smaller tests do not; re-running it for each mutant would multiply the run time many times over.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, "test/bulk/big-input.test.ts"],
      sequence: { sequencer: QuickFirst },
    },
  }),
);
