import type { GongAuth } from "@gong-flows/client";
import { authFromEnv, type Env } from "@gong-flows/client/node";
import { UsageError } from "./usage-error.js";

/** Credentials from the environment only (flags would leak into shell history and process lists). */
export function credentialsFromEnv(env: Env): GongAuth {
  try {
    return authFromEnv(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
