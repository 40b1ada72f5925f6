import { checkAuth, type GongAuth } from "./auth.js";

/** What the transport needs from the credentials: the header, and the strings that must never be shown. */
export interface ResolvedAuth {
  readonly scheme: "basic" | "bearer";
  readonly authorization: string;
  readonly secrets: readonly string[];
}

/** The Authorization header of checked credentials, and every form of them a message must never show. */
export function authHeaderOf(auth: GongAuth): ResolvedAuth {
  if (auth.bearerToken !== undefined) {
    return { scheme: "bearer", authorization: `Bearer ${auth.bearerToken}`, secrets: [auth.bearerToken] };
  }
  const encoded = base64(`${auth.accessKey}:${auth.accessKeySecret}`);
  return {
    scheme: "basic",
    authorization: `Basic ${encoded}`,
    secrets: [encoded, auth.accessKeySecret, auth.accessKey],
  };
}

/** Checks `auth` (see {@link checkAuth}) and builds its header. */
export function resolveAuth(auth: unknown): ResolvedAuth {
  return authHeaderOf(checkAuth(auth));
}

/** Base64 of the UTF-8 bytes of `text`, with what every runtime has (`btoa` takes one byte per character). */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
