import { GongInputError } from "@gong-flows/client";
import { DEFAULT_BASE_URL, normalizeBaseUrl } from "@gong-flows/client/node";
import type { CliIo } from "./io.js";
import { printable } from "./printable.js";
import { UsageError } from "./usage-error.js";

/** The base URL a command talks to, and where it came from. */
export interface Target {
  readonly baseUrl: string;
  readonly source: "--base-url" | "GONG_BASE_URL" | "default";
}

/** `--base-url`, else `GONG_BASE_URL`, else the default; checked, so a bad URL is a usage error naming its source. */
export function resolveTarget(flag: string | undefined, env: CliIo["env"]): Target {
  const fromEnv = env.GONG_BASE_URL === "" ? undefined : env.GONG_BASE_URL;
  const source = flag !== undefined ? "--base-url" : fromEnv !== undefined ? "GONG_BASE_URL" : "default";
  const value = flag ?? fromEnv ?? DEFAULT_BASE_URL;
  if (/^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i.test(value)) {
    throw new UsageError(
      `${source} must not contain credentials; set GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET or GONG_BEARER_TOKEN instead`,
    );
  }
  try {
    return { baseUrl: normalizeBaseUrl(value), source };
  } catch (error) {
    if (!(error instanceof GongInputError)) throw error;
    throw new UsageError(`${source}: ${error.message}`);
  }
}

/**
 * The one line naming the target, written to stderr before anything is sent. The default is called out: most
 * companies have a base URL of their own, and a mistyped variable (`GONG_URL`) silently leaves the default.
 */
export function describeTarget(target: Target, env: CliIo["env"]): string {
  const url = printable(target.baseUrl);
  if (target.source !== "default") {
    const isDefault = target.baseUrl === DEFAULT_BASE_URL;
    return `target ${url} (from ${target.source}${isDefault ? ", which is the default" : ""})`;
  }
  const lookalikes = Object.keys(env)
    .filter((name) => /^GONG.*URL/i.test(name) && name !== "GONG_BASE_URL" && env[name])
    .map((name) => printable(name));
  const hint =
    lookalikes.length > 0
      ? `; ${lookalikes.join(", ")} ${lookalikes.length === 1 ? "is" : "are"} set, but the variable read is GONG_BASE_URL`
      : "";
  return (
    `target ${url} (the default: neither --base-url nor GONG_BASE_URL is set; most companies have their own ` +
    `base URL, shown on Gong's API settings page${hint})`
  );
}
