import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts a runtime (or Chromium) as a child process: generous on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
