import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The release test installs, builds and publishes whole packages: minutes on a loaded 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
