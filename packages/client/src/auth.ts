import { GongInputError } from "./input-error.js";

/** Gong credentials: an access key pair (HTTP Basic) or an OAuth access token (Bearer). */
export type GongAuth =
  | { readonly accessKey: string; readonly accessKeySecret: string; readonly bearerToken?: never }
  | { readonly bearerToken: string; readonly accessKey?: never; readonly accessKeySecret?: never };

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/**
 * Checks that `auth` has exactly one of the two shapes, before anything is sent (the header is built by
 * auth-header.ts once the client sends). Errors name the fields, never their values.
 */
export function checkAuth(auth: unknown): GongAuth {
  if (typeof auth !== "object" || auth === null) {
    throw new GongInputError("auth is required: pass { accessKey, accessKeySecret } or { bearerToken }", {
      field: "auth",
    });
  }
  const { accessKey, accessKeySecret, bearerToken } = auth as Record<string, unknown>;
  const hasKeyPair = accessKey !== undefined || accessKeySecret !== undefined;
  if (hasKeyPair && bearerToken !== undefined) {
    throw new GongInputError(
      "auth takes either { accessKey, accessKeySecret } or { bearerToken }, not both",
      {
        field: "auth",
      },
    );
  }
  if (bearerToken !== undefined) {
    if (!isNonEmptyString(bearerToken)) {
      throw new GongInputError("auth.bearerToken must be a non-empty string", { field: "auth.bearerToken" });
    }
    // A header value cannot carry spaces, line breaks or non-ASCII; fetch would quote the whole value in its error.
    if (!/^[\x21-\x7E]+$/.test(bearerToken)) {
      throw new GongInputError(
        "auth.bearerToken has a character a token cannot contain (space, line break or non-ASCII)",
        { field: "auth.bearerToken" },
      );
    }
    return { bearerToken };
  }
  if (!isNonEmptyString(accessKey) || !isNonEmptyString(accessKeySecret)) {
    throw new GongInputError("auth.accessKey and auth.accessKeySecret must both be non-empty strings", {
      field: isNonEmptyString(accessKey) ? "auth.accessKeySecret" : "auth.accessKey",
    });
  }
  return { accessKey, accessKeySecret };
}
