import type { GongAuth } from "@gong-flows/client";
import { UsageError } from "./usage-error.js";

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads credentials from the same variables as the `gong-flows` CLI: `GONG_ACCESS_KEY` + `GONG_ACCESS_KEY_SECRET`,
 * or `GONG_BEARER_TOKEN`. An empty variable counts as unset. Messages name variables, never values.
 */
export function credentialsFromEnv(env: Env): GongAuth {
  const value = (name: string) => (env[name] === "" ? undefined : env[name]);
  const accessKey = value("GONG_ACCESS_KEY");
  const accessKeySecret = value("GONG_ACCESS_KEY_SECRET");
  const bearerToken = value("GONG_BEARER_TOKEN");
  const hasPairPart = accessKey !== undefined || accessKeySecret !== undefined;
  if (hasPairPart && bearerToken !== undefined) {
    throw new UsageError(
      "Both GONG_BEARER_TOKEN and GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET are set: unset one kind of credentials",
    );
  }
  if (bearerToken !== undefined) return { bearerToken };
  if (accessKey !== undefined && accessKeySecret !== undefined) return { accessKey, accessKeySecret };
  if (hasPairPart) {
    const missing = accessKey === undefined ? "GONG_ACCESS_KEY" : "GONG_ACCESS_KEY_SECRET";
    throw new UsageError(`${missing} is not set: set both GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET`);
  }
  throw new UsageError(
    "No credentials for the target: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN",
  );
}

/** The Authorization header for `auth`. */
export function authorizationOf(auth: GongAuth): string {
  if (auth.bearerToken !== undefined) return `Bearer ${auth.bearerToken}`;
  return `Basic ${Buffer.from(`${auth.accessKey}:${auth.accessKeySecret}`, "utf8").toString("base64")}`;
}

/** Every string of `auth` that must never be shown, including the encoded header value. */
export function secretsOf(auth: GongAuth): string[] {
  const header = authorizationOf(auth);
  const encoded = header.slice(header.indexOf(" ") + 1);
  return [encoded, auth.bearerToken, auth.accessKey, auth.accessKeySecret].filter(
    (secret): secret is string => typeof secret === "string" && secret.length > 0,
  );
}
