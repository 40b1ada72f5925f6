import { createRequire } from "node:module";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/** Bytes of an app's bundle, and what it leaves to the runtime. */
export interface BundleSize {
  /** Minified bytes loaded at start: the entry chunk and every chunk it imports statically. */
  readonly minified: number;
  /** Minified bytes of every chunk, lazy ones (loaded on first use) included. */
  readonly total: number;
  /** `minified`, gzipped at level 9. */
  readonly gzipped: number;
  /** Imports left unbundled: none may be, for a bundle meant for browsers and edge runtimes. */
  readonly external: readonly string[];
}

// Resolve from the client's folder, so the bundle holds the very openapi-fetch copy the client uses.
const clientDir = dirname(createRequire(import.meta.url).resolve("@gong-flows/client/package.json"));

/** The app each measurement bundles: it imports one thing and uses it. */
const APPS = {
  "@gong-flows/client": `import { createGongFlowsClient } from "@gong-flows/client"; globalThis.app = createGongFlowsClient;`,
  "openapi-fetch": `import createClient from "openapi-fetch"; globalThis.app = createClient;`,
} as const;

/**
 * Bundles an app that imports only `createGongFlowsClient` (or only openapi-fetch's `createClient`) as an
 * application bundler would: esbuild, minified, ESM, for the browser (so a Node built-in could not be bundled), with
 * code splitting, so code the client loads with `import()` on first use (its transport and bulk engine) is counted
 * in `total` and not in the start-up `minified`. Deterministic for a given esbuild version and input.
 */
export async function bundleSize(app: keyof typeof APPS): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: APPS[app], resolveDir: clientDir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: "out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined);
  if (entry === undefined) throw new Error("esbuild produced no entry chunk");
  const startup = startupChunks(outputs, entry);
  const bytesOf = (name: string) =>
    result.outputFiles.find((file) => file.path.endsWith(name.replace(/^out\//, "")))?.contents ??
    new Uint8Array();
  const startupBytes = Buffer.concat([...startup].map((name) => bytesOf(name)));
  return {
    minified: startupBytes.byteLength,
    total: Object.values(outputs).reduce((sum, output) => sum + output.bytes, 0),
    gzipped: gzipSync(startupBytes, { level: 9 }).byteLength,
    external: Object.values(outputs)
      .flatMap((output) => output.imports)
      .filter((item) => item.external)
      .map((item) => item.path),
  };
}

/** The entry chunk and every chunk reachable from it by static imports. */
function startupChunks(outputs: Metafile["outputs"], entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const item of outputs[name]?.imports ?? []) {
      if (item.kind === "import-statement" && !item.external) visit(item.path);
    }
  };
  visit(entry);
  return seen;
}
