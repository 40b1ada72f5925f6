import type { GongAuth } from "@gong-flows/client";
import { UsageError } from "./usage-error.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Reads credentials from the environment only (flags would leak into shell history and process lists). */
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
    "No credentials: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (scope api:flows:write)",
  );
}
