import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// Stryker's test run: every test but the scale test, which sends a million ids through a local fake and pins no
// value the smaller tests do not; re-running it for each mutant would multiply the run time many times over.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: [...configDefaults.exclude, "test/bulk/big-input.test.ts"] },
  }),
);
