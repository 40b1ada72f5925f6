import { GongInputError } from "./input-error.js";

/** Gong's default API base URL; each company has its own, shown on Gong's API settings page. */
export const DEFAULT_BASE_URL = "https://api.gong.io";

/** True for `localhost`, `127.0.0.0/8` and `::1`: the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Validates a base URL and returns it without a trailing slash. A path prefix is kept; credentials, a query or
 * a fragment are refused because they would be silently dropped or leaked.
 */
export function normalizeBaseUrl(input: unknown, allowInsecureHttp = false): string {
  if (typeof input !== "string" || input.length === 0) {
    throw new GongInputError(`baseUrl must be a non-empty string such as ${DEFAULT_BASE_URL}`, {
      field: "baseUrl",
    });
  }
  // The value is kept only where it cannot hold a credential (no userinfo, no query, no fragment).
  const shownValue = /[@?#]/.test(input) ? null : input;
  const fail = (message: string) => new GongInputError(message, { field: "baseUrl", value: shownValue });
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    const shown = shownValue === null ? "" : `: ${JSON.stringify(input)}`;
    throw fail(`baseUrl is not a valid URL${shown} (expected e.g. ${DEFAULT_BASE_URL})`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw fail(`baseUrl must use https (got ${url.protocol})`);
  }
  if (url.username || url.password) {
    throw new GongInputError("baseUrl must not contain credentials; pass them as auth", { field: "baseUrl" });
  }
  if (url.search || input.includes("?")) throw fail("baseUrl must not contain a query string");
  if (url.hash || input.includes("#")) throw fail("baseUrl must not contain a fragment");
  if (url.protocol === "http:" && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw fail(
      `baseUrl uses plain http to ${url.hostname}; use https (plain http is allowed only to localhost, 127.0.0.0/8 and ::1)`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
