import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts a runtime (or Chromium) as a child process, and the Node 24 test first downloads Node 24
    // (~30 MB) on a fresh machine: generous on a loaded 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
