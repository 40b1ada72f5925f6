/** Gong credentials: an access key pair (HTTP Basic) or an OAuth access token (Bearer). */
export type GongAuth =
  | { readonly accessKey: string; readonly accessKeySecret: string; readonly bearerToken?: never }
  | { readonly bearerToken: string; readonly accessKey?: never; readonly accessKeySecret?: never };

/** What the transport needs from the credentials: the header, and the strings that must never be shown. */
export interface ResolvedAuth {
  readonly scheme: "basic" | "bearer";
  readonly authorization: string;
  readonly secrets: readonly string[];
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/**
 * Checks that `auth` has exactly one of the two shapes and builds the Authorization header.
 * Error messages name the fields, never their values.
 */
export function resolveAuth(auth: unknown): ResolvedAuth {
  if (typeof auth !== "object" || auth === null) {
    throw new TypeError("auth is required: pass { accessKey, accessKeySecret } or { bearerToken }");
  }
  const { accessKey, accessKeySecret, bearerToken } = auth as Record<string, unknown>;
  const hasKeyPair = accessKey !== undefined || accessKeySecret !== undefined;
  if (hasKeyPair && bearerToken !== undefined) {
    throw new TypeError("auth takes either { accessKey, accessKeySecret } or { bearerToken }, not both");
  }
  if (bearerToken !== undefined) {
    if (!isNonEmptyString(bearerToken)) throw new TypeError("auth.bearerToken must be a non-empty string");
    // A header value cannot carry spaces, line breaks or non-ASCII; fetch would quote the whole value in its error.
    if (!/^[\x21-\x7E]+$/.test(bearerToken)) {
      throw new TypeError(
        "auth.bearerToken has a character a token cannot contain (space, line break or non-ASCII)",
      );
    }
    return { scheme: "bearer", authorization: `Bearer ${bearerToken}`, secrets: [bearerToken] };
  }
  if (!isNonEmptyString(accessKey) || !isNonEmptyString(accessKeySecret)) {
    throw new TypeError("auth.accessKey and auth.accessKeySecret must both be non-empty strings");
  }
  const encoded = Buffer.from(`${accessKey}:${accessKeySecret}`, "utf8").toString("base64");
  return {
    scheme: "basic",
    authorization: `Basic ${encoded}`,
    secrets: [encoded, accessKeySecret, accessKey],
  };
}
