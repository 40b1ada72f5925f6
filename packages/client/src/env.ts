import type { GongAuth } from "./auth.js";
import { GongInputError } from "./input-error.js";

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads credentials from the environment the way every gong-flows tool does: `GONG_ACCESS_KEY` +
 * `GONG_ACCESS_KEY_SECRET`, or `GONG_BEARER_TOKEN`. An empty variable counts as unset. Throws a `GongInputError` that
 * names the variables (never their values) in `field` when none, half a pair, or both kinds are set.
 */
export function authFromEnv(env: Env): GongAuth {
  const value = (name: string) => (env[name] === "" ? undefined : env[name]);
  const accessKey = value("GONG_ACCESS_KEY");
  const accessKeySecret = value("GONG_ACCESS_KEY_SECRET");
  const bearerToken = value("GONG_BEARER_TOKEN");
  const hasPairPart = accessKey !== undefined || accessKeySecret !== undefined;
  if (hasPairPart && bearerToken !== undefined) {
    throw new GongInputError(
      "Both GONG_BEARER_TOKEN and GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET are set: unset one kind of credentials",
      { field: "GONG_BEARER_TOKEN" },
    );
  }
  if (bearerToken !== undefined) return { bearerToken };
  if (accessKey !== undefined && accessKeySecret !== undefined) return { accessKey, accessKeySecret };
  if (hasPairPart) {
    const missing = accessKey === undefined ? "GONG_ACCESS_KEY" : "GONG_ACCESS_KEY_SECRET";
    throw new GongInputError(`${missing} is not set: set both GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET`, {
      field: missing,
    });
  }
  throw new GongInputError(
    "No credentials: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (scope api:flows:write)",
    { field: "GONG_ACCESS_KEY" },
  );
}
