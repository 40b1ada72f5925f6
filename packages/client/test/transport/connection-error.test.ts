import { describe, expect, it } from "vitest";
import { connectionErrorCode, mayHaveBeenSent } from "../../src/transport/connection-error.js";

const withCode = (code: unknown, cause?: unknown) => Object.assign(new Error("socket"), { code, cause });

/** `depth` wrappers without a code around an error that has one, like undici's nested causes. */
const nested = (depth: number, code: string): unknown => {
  let error: unknown = withCode(code);
  for (let level = 0; level < depth; level++) error = new TypeError("fetch failed", { cause: error });
  return error;
};

describe("connectionErrorCode", () => {
  it("reads the code of the error itself", () => {
    expect(connectionErrorCode(withCode("ECONNREFUSED"))).toBe("ECONNREFUSED");
  });

  it("follows the cause chain to the socket error", () => {
    expect(connectionErrorCode(nested(1, "ECONNRESET"))).toBe("ECONNRESET");
  });

  it("looks at most five errors deep", () => {
    expect(connectionErrorCode(nested(4, "ENOTFOUND"))).toBe("ENOTFOUND");
    expect(connectionErrorCode(nested(5, "ENOTFOUND"))).toBeNull();
  });

  it("prefers the outer code over the cause's", () => {
    expect(connectionErrorCode(withCode("UND_ERR_SOCKET", withCode("ECONNRESET")))).toBe("UND_ERR_SOCKET");
  });

  it("skips fetch's own argument-type code and keeps looking in the cause", () => {
    expect(connectionErrorCode(withCode("ERR_INVALID_ARG_TYPE", withCode("EAI_AGAIN")))).toBe("EAI_AGAIN");
    expect(connectionErrorCode(withCode("ERR_INVALID_ARG_TYPE"))).toBeNull();
  });

  it("ignores a code that is not a string", () => {
    expect(connectionErrorCode(withCode(111, withCode("EHOSTUNREACH")))).toBe("EHOSTUNREACH");
  });

  it("names fetch's refusal of a blocked port, which has no code", () => {
    expect(connectionErrorCode(new TypeError("fetch failed", { cause: new Error("bad port") }))).toBe(
      "ERR_BAD_PORT",
    );
    expect(connectionErrorCode(new Error("bad port number"))).toBeNull();
  });

  it("takes the first error of an aggregate (happy eyeballs tries several addresses)", () => {
    const aggregate = new AggregateError([withCode("ENETUNREACH"), withCode("ECONNREFUSED")], "all failed");
    expect(connectionErrorCode(new TypeError("fetch failed", { cause: aggregate }))).toBe("ENETUNREACH");
  });

  it("falls back to the cause when an aggregate is empty", () => {
    const empty = Object.assign(new Error("none"), { errors: [], cause: withCode("ECONNREFUSED") });
    expect(connectionErrorCode(empty)).toBe("ECONNREFUSED");
  });

  it("returns null when nothing in the chain has a code", () => {
    expect(
      connectionErrorCode(new TypeError("fetch failed", { cause: new Error("other side closed") })),
    ).toBe(null);
    expect(connectionErrorCode(undefined)).toBeNull();
    expect(connectionErrorCode(null)).toBeNull();
  });
});

describe("mayHaveBeenSent", () => {
  it("assumes an error without a code may have reached the server", () => {
    expect(mayHaveBeenSent(null)).toBe(true);
  });

  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ERR_BAD_PORT"])(
    "knows %s happens before anything is sent",
    (code) => {
      expect(mayHaveBeenSent(code)).toBe(false);
    },
  );

  it.each([
    "ERR_TLS_CERT_ALTNAME_INVALID",
    "CERT_HAS_EXPIRED",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
  ])("knows the certificate failure %s happens before anything is sent", (code) => {
    expect(mayHaveBeenSent(code)).toBe(false);
  });

  it.each([
    "ECONNRESET",
    "EPIPE",
    "UND_ERR_SOCKET",
    "ERR_SSL_BAD_RECORD_MAC",
    "X_CERT_HAS_EXPIRED",
    "econnrefused",
  ])("treats %s as possibly sent", (code) => {
    expect(mayHaveBeenSent(code)).toBe(true);
  });
});
