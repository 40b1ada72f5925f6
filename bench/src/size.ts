import { createRequire } from "node:module";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** Bytes of one bundle, and what it leaves to the runtime. */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** Imports left unbundled (only Node built-ins are allowed). */
  readonly external: readonly string[];
}

// Resolve from the client's folder, so the bundle holds the very openapi-fetch copy the client uses.
const clientDir = dirname(createRequire(import.meta.url).resolve("@gong-flows/client/package.json"));

/**
 * Bundles what `import ... from "<specifier>"` pulls in (its ESM entry and all its dependencies), minified, for
 * Node, as an application bundler would. Deterministic for a given esbuild version and input.
 */
export async function bundleSize(specifier: "@gong-flows/client" | "openapi-fetch"): Promise<BundleSize> {
  const contents =
    specifier === "openapi-fetch"
      ? `export * from "openapi-fetch"; export { default } from "openapi-fetch";`
      : `export * from "${specifier}";`;
  const result = await build({
    stdin: { contents, resolveDir: clientDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    external: (output?.imports ?? []).filter((i) => i.external).map((i) => i.path),
  };
}
