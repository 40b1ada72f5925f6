import { describe, expect, it } from "vitest";
import { resolveAuth } from "../src/auth-header.js";

/** The message `resolveAuth` throws for `auth`, or a failure if it does not throw. */
function refusal(auth: unknown): string {
  try {
    resolveAuth(auth);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

const REQUIRED = "auth is required: pass { accessKey, accessKeySecret } or { bearerToken }";
const NOT_BOTH = "auth takes either { accessKey, accessKeySecret } or { bearerToken }, not both";
const PAIR = "auth.accessKey and auth.accessKeySecret must both be non-empty strings";
const EMPTY_TOKEN = "auth.bearerToken must be a non-empty string";
const BAD_TOKEN = "auth.bearerToken has a character a token cannot contain (space, line break or non-ASCII)";

describe("resolveAuth", () => {
  it("sends a key pair as HTTP Basic, and hides the encoded pair and both halves", () => {
    expect(resolveAuth({ accessKey: "key", accessKeySecret: "sec" })).toEqual({
      scheme: "basic",
      authorization: "Basic a2V5OnNlYw==",
      secrets: ["a2V5OnNlYw==", "sec", "key"],
    });
  });

  it("encodes the pair's UTF-8 bytes", () => {
    const { authorization } = resolveAuth({ accessKey: "clé", accessKeySecret: "秘密" });
    expect(authorization).toBe("Basic Y2zDqTrnp5jlr4Y=");
    expect(new TextDecoder().decode(Uint8Array.from(atob("Y2zDqTrnp5jlr4Y="), (c) => c.charCodeAt(0)))).toBe(
      "clé:秘密",
    );
  });

  it("sends a token as Bearer and hides it", () => {
    expect(resolveAuth({ bearerToken: "tok.en-1" })).toEqual({
      scheme: "bearer",
      authorization: "Bearer tok.en-1",
      secrets: ["tok.en-1"],
    });
  });

  it("takes a token made of any visible ASCII character", () => {
    const visible = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join("");
    expect(resolveAuth({ bearerToken: visible }).authorization).toBe(`Bearer ${visible}`);
  });

  it("takes a key pair beside an explicitly undefined token", () => {
    expect(resolveAuth({ accessKey: "k", accessKeySecret: "s", bearerToken: undefined }).scheme).toBe(
      "basic",
    );
  });

  it.each([[undefined], [null], ["key:secret"], [42]])("requires auth, refusing %j", (auth) => {
    expect(refusal(auth)).toBe(REQUIRED);
  });

  it.each([
    [{ accessKey: "k", accessKeySecret: "s", bearerToken: "t" }],
    [{ accessKey: "k", bearerToken: "t" }],
    [{ accessKeySecret: "s", bearerToken: "t" }],
    [{ accessKey: "", bearerToken: "t" }],
  ])("refuses both shapes at once: %j", (auth) => {
    expect(refusal(auth)).toBe(NOT_BOTH);
  });

  it.each([[""], [42], [null]])("refuses the token %j", (bearerToken) => {
    expect(refusal({ bearerToken })).toBe(EMPTY_TOKEN);
  });

  it.each(["a b", "a\nb", "a\tb", "tök", "a\u007fb", " ab"])(
    "refuses a token holding a character like %j",
    (bearerToken) => {
      expect(refusal({ bearerToken })).toBe(BAD_TOKEN);
    },
  );

  it.each([
    [{}],
    [{ accessKey: "k" }],
    [{ accessKeySecret: "s" }],
    [{ accessKey: "", accessKeySecret: "s" }],
    [{ accessKey: "k", accessKeySecret: "" }],
    [{ accessKey: 42, accessKeySecret: "s" }],
    [{ accessKey: "k", accessKeySecret: ["s"] }],
  ])("refuses the key pair %j", (auth) => {
    expect(refusal(auth)).toBe(PAIR);
  });

  it("never puts a value in a message", () => {
    const messages = [
      refusal({ accessKey: "key-value", bearerToken: "token-value" }),
      refusal({ bearerToken: "token value" }),
      refusal({ accessKey: "key-value" }),
    ];
    for (const message of messages) expect(message).not.toMatch(/value/);
  });
});
