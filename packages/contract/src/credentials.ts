import { type GongAuth, GongInputError } from "@gong-flows/client";
import { authFromEnv, type Env, resolveAuth } from "@gong-flows/client/node";
import { UsageError } from "./usage-error.js";

export type { Env };

/** Reads the target's credentials from the same variables as the `gong-flows` CLI (see `authFromEnv`). */
export function credentialsFromEnv(env: Env): GongAuth {
  try {
    return authFromEnv(env);
  } catch (error) {
    if (!(error instanceof GongInputError)) throw error;
    throw new UsageError(`Credentials for the target (${error.field}): ${error.message}`);
  }
}

/** The Authorization header for `auth`. */
export function authorizationOf(auth: GongAuth): string {
  return resolveAuth(auth).authorization;
}

/** Every string of `auth` that must never be shown, including the encoded header value. */
export function secretsOf(auth: GongAuth): string[] {
  return [...resolveAuth(auth).secrets];
}
