// Mutation testing of the client's own code (`pnpm mutation` at the root; not part of `pnpm test`).
// Survivors judged equivalent, and the last scores, are listed in MUTATION.md.

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // Named explicitly: under pnpm, Stryker cannot discover plugins next to its own install.
  plugins: ["@stryker-mutator/vitest-runner", "@stryker-mutator/typescript-checker"],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ["src/**/*.ts", "!src/generated/**"],
  coverageAnalysis: "perTest",
  // The machine is shared: one test runner and one checker at a time.
  concurrency: 1,
  // Reruns only re-test mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // Prism starts in vitest's global setup; the first run under load can be slow.
  timeoutMS: 10000,
  timeoutFactor: 2,
};
