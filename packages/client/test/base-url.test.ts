import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL, isLoopbackHost, normalizeBaseUrl } from "../src/base-url.js";

/** The message `normalizeBaseUrl` throws for `input`, or a failure if it does not throw. */
function refusal(input: unknown, allowInsecureHttp?: boolean): string {
  try {
    normalizeBaseUrl(input, allowInsecureHttp);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${String(input)}`);
}

describe("normalizeBaseUrl", () => {
  it("defaults to Gong's public API", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.gong.io");
    expect(normalizeBaseUrl(DEFAULT_BASE_URL)).toBe("https://api.gong.io");
  });

  it.each([
    ["https://api.gong.io/", "https://api.gong.io"],
    ["https://api.gong.io//", "https://api.gong.io"],
    ["https://us-123.api.gong.io/prefix/", "https://us-123.api.gong.io/prefix"],
    ["https://proxy.example.com/a/b//", "https://proxy.example.com/a/b"],
    ["HTTPS://API.GONG.IO", "https://api.gong.io"],
    ["https://api.gong.io:443/", "https://api.gong.io"],
    ["https://api.gong.io:8443", "https://api.gong.io:8443"],
    ["http://localhost:4010/", "http://localhost:4010"],
    ["http://[::1]:8080", "http://[::1]:8080"],
  ])("turns %s into %s", (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([[""], [42], [null], [undefined]])("refuses %j as not a non-empty string", (input) => {
    expect(refusal(input)).toBe("baseUrl must be a non-empty string such as https://api.gong.io");
  });

  it("refuses a value that is not a URL, echoing it", () => {
    expect(refusal("api.gong.io")).toBe(
      'baseUrl is not a valid URL: "api.gong.io" (expected e.g. https://api.gong.io)',
    );
  });

  it("does not echo an invalid value that may hold a credential", () => {
    const message = refusal("//key:secret@api.gong.io");
    expect(message).toBe("baseUrl is not a valid URL (expected e.g. https://api.gong.io)");
  });

  it.each(["ftp://api.gong.io", "ws://api.gong.io"])("refuses the scheme of %s", (input) => {
    expect(refusal(input)).toBe(`baseUrl must use https (got ${new URL(input).protocol})`);
  });

  it.each(["https://user:pass@api.gong.io", "https://user@api.gong.io", "https://:pass@api.gong.io"])(
    "refuses credentials in %s",
    (input) => {
      expect(refusal(input)).toBe("baseUrl must not contain credentials; pass them as auth");
    },
  );

  it.each(["https://api.gong.io/?x=1", "https://api.gong.io/?"])("refuses the query of %s", (input) => {
    expect(refusal(input)).toBe("baseUrl must not contain a query string");
  });

  it.each(["https://api.gong.io/#top", "https://api.gong.io/#"])("refuses the fragment of %s", (input) => {
    expect(refusal(input)).toBe("baseUrl must not contain a fragment");
  });

  it("refuses plain http to a host other than this machine, naming the host", () => {
    expect(refusal("http://api.gong.io")).toBe(
      "baseUrl uses plain http to api.gong.io; use https (plain http is allowed only to localhost, 127.0.0.0/8 and ::1)",
    );
  });

  it("allows plain http to any host only when asked, and https without being asked", () => {
    expect(normalizeBaseUrl("http://gong.internal/", true)).toBe("http://gong.internal");
    expect(normalizeBaseUrl("https://gong.internal/", false)).toBe("https://gong.internal");
  });

  it("still refuses a query when plain http is allowed", () => {
    expect(refusal("http://gong.internal/?a=1", true)).toBe("baseUrl must not contain a query string");
  });
});

describe("isLoopbackHost", () => {
  it.each(["localhost", "LocalHost", "::1", "[::1]", "127.0.0.1", "127.255.255.255", "127.1.22.3"])(
    "knows %s is this machine",
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    "localhost.example.com",
    "mylocalhost",
    "::2",
    "[::1]:80",
    "128.0.0.1",
    "1127.0.0.1",
    "127.0.0.1.nip.io",
    "127.0.0",
    "127.0.0.1234",
    "127.a.b.c",
    "0.0.0.0",
    "",
  ])("knows %s may be another machine", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("isLoopbackHost's brackets", () => {
  // Only a leading "[" and a trailing "]" are an IPv6 literal's brackets; anywhere else they make another name.
  it.each([":[:1", "::[1", "::]1", "[::1]]", "[[::1]"])("knows %s is not ::1", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it("reaches [::1] over plain http, and refuses a host that only looks like it", () => {
    expect(normalizeBaseUrl("http://[::1]/prefix/")).toBe("http://[::1]/prefix");
    expect(normalizeBaseUrl("http://[0:0:0:0:0:0:0:1]:4010")).toBe("http://[::1]:4010");
    expect(refusal("http://[::2]")).toMatch(/^baseUrl uses plain http to \[::2\]; use https/);
  });
});

describe("the field of a baseUrl error", () => {
  it.each([[42], [""], ["api.gong.io"], ["https://user:pw@api.gong.io"], ["http://api.gong.io"]])(
    "is baseUrl for %j",
    (input) => {
      let field: unknown;
      try {
        normalizeBaseUrl(input);
      } catch (error) {
        field = (error as { field?: unknown }).field;
      }
      expect(field).toBe("baseUrl");
    },
  );
});
