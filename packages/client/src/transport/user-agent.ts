import { PACKAGE_NAME } from "../generated/package-name.js";
import { VERSION } from "../generated/version.js";

interface RuntimeGlobals {
  readonly document?: unknown;
  readonly WorkerGlobalScope?: unknown;
  readonly process?: { readonly versions?: { readonly node?: string } };
  readonly Deno?: { readonly version?: { readonly deno?: string } };
}

/**
 * The User-Agent every request carries, so Gong's support can tell which tool sent it; `null` in a browser (page or
 * worker), which does not let a script set it (and a preflight would have to allow it). Detected, not imported:
 * the main entry needs no Node built-in.
 */
export function userAgent(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string | null {
  if (globals.document !== undefined || globals.WorkerGlobalScope !== undefined) return null;
  const deno = globals.Deno?.version?.deno;
  const node = globals.process?.versions?.node;
  const runtime = deno ? `deno/${deno}` : node ? `node/${node}` : "js";
  return `${PACKAGE_NAME}/${VERSION} ${runtime}`;
}
