import { describe, expect, it } from "vitest";
import {
  createRedactor,
  REDACTED,
  RUN_MIN_LENGTH,
  redactBody,
  redactHeaders,
  SUBSTRING_MIN_LENGTH,
  secretForms,
} from "../src/redact.js";

// Node's own encoders, independent of the runtime-neutral ones under test.
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");
const url = (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_");
const unpad = (text: string) => text.replace(/=+$/, "");

describe("secretForms", () => {
  // 10 bytes: its base64 ends in "==" and holds both "+" and "/".
  const secret = ">>>???~a~b";
  const bytes = new TextEncoder().encode(secret);

  it("holds the secret and its base64 forms: padded, unpadded, base64url", () => {
    const forms = secretForms(secret);
    const encoded = b64(bytes);
    expect(encoded).toMatch(/==$/);
    expect(encoded).toMatch(/[+/]/);
    for (const form of [secret, encoded, unpad(encoded), url(encoded), url(unpad(encoded))]) {
      expect(forms).toContain(form);
    }
  });

  it("finds the secret's base64 inside a longer encoded text, at each byte alignment", () => {
    const redact = createRedactor([secret]);
    for (const before of ["", "k", "ke", "key", "key:", "key:x"]) {
      const inside = b64(new TextEncoder().encode(`${before}${secret}&more-bytes`));
      expect(redact(`Basic ${inside}`)).toContain(REDACTED);
    }
  });

  it("holds each form percent-encoded, with upper- and lower-case hex", () => {
    const forms = secretForms(secret);
    const encoded = b64(bytes);
    expect(forms).toContain(encodeURIComponent(encoded));
    expect(forms).toContain(encodeURIComponent(encoded).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
    expect(forms).toContain(encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  });

  it("lists each form once and none shorter than the substring minimum", () => {
    const forms = secretForms("abcdefgh");
    expect(new Set(forms).size).toBe(forms.length);
    expect(Math.min(...forms.map((form) => form.length))).toBeGreaterThanOrEqual(SUBSTRING_MIN_LENGTH);
    expect(forms).toContain("abcdefgh");
    expect(forms).toContain("YWJjZGVmZ2g=");
    expect(forms).toContain("YWJjZGVmZ2g");
  });

  it("keeps a form of exactly the minimum length", () => {
    expect(SUBSTRING_MIN_LENGTH).toBe(8);
    expect(secretForms("abcdefgh")).toContain("abcdefgh");
    expect(secretForms("abcdefg")).not.toContain("abcdefg");
  });
});

describe("createRedactor: matches", () => {
  it("redacts every occurrence, overlapping ones included", () => {
    const redact = createRedactor(["abababab"]);
    expect(redact("x abababab y abababab")).toBe(`x ${REDACTED} y ${REDACTED}`);
    expect(redact("abababababab!")).toBe(`${REDACTED}!`);
  });

  it("marks two secrets written back to back twice", () => {
    const redact = createRedactor(["11112222", "aaaabbbb"]);
    expect(redact("<11112222aaaabbbb>")).toBe(`<${REDACTED}${REDACTED}>`);
  });

  it("marks a secret inside another once", () => {
    const redact = createRedactor(["xx-inner-secret-xx", "inner-secret"]);
    expect(redact("[xx-inner-secret-xx]")).toBe(`[${REDACTED}]`);
  });

  it("redacts a cut-off echo from the run length on, through as much of the secret as follows", () => {
    const secret = "PREFIX-of-a-long-secret";
    const redact = createRedactor([secret]);
    expect(RUN_MIN_LENGTH).toBe(12);
    expect(redact(`<${secret.slice(0, 12)}>`)).toBe(`<${REDACTED}>`);
    expect(redact(`<${secret.slice(0, 16)}...>`)).toBe(`<${REDACTED}...>`);
    expect(redact(`<${secret.slice(0, 11)}>`)).toBe(`<${secret.slice(0, 11)}>`);
  });

  it("needs the whole of a secret shorter than the run length", () => {
    const redact = createRedactor(["short-sec1"]);
    expect(redact("short-sec1 short-sec")).toBe(`${REDACTED} short-sec`);
  });

  it("ignores empty and repeated secrets", () => {
    const redact = createRedactor(["", "abcdefgh", "abcdefgh"]);
    expect(redact("abcdefgh")).toBe(REDACTED);
    expect(createRedactor([""])("text")).toBe("text");
    expect(createRedactor([])("text")).toBe("text");
  });

  it("redacts a short secret beside punctuation but not inside a word or a base64 run", () => {
    const redact = createRedactor(["k1"]);
    expect(redact("(k1) k1. [k1]")).toBe(`(${REDACTED}) ${REDACTED}. [${REDACTED}]`);
    expect(redact("ak1 k1b k1_x +k1 /k1 k1+ k1/ k1=")).toBe("ak1 k1b k1_x +k1 /k1 k1+ k1/ k1=");
  });
});

describe("redactHeaders", () => {
  it("hides the Authorization value and copies the other headers", () => {
    const headers = new Headers({
      Authorization: "Basic abc",
      "Content-Type": "application/json",
      "X-A": "1",
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      "content-type": "application/json",
      "x-a": "1",
    });
  });
});

describe("redactBody", () => {
  const redact = createRedactor(["sEcReT-vAlUe"]);

  it("redacts keys and values at any depth and keeps other JSON values", () => {
    const body = JSON.stringify({
      a: ["x sEcReT-vAlUe", 1, true, null, { "sEcReT-vAlUe": "ok" }],
      n: 2.5,
      b: false,
    });
    expect(JSON.parse(redactBody(body, redact))).toEqual({
      a: [`x ${REDACTED}`, 1, true, null, { [REDACTED]: "ok" }],
      n: 2.5,
      b: false,
    });
  });

  it("redacts a JSON string or a bare JSON value", () => {
    expect(redactBody('"sEcReT-vAlUe"', redact)).toBe(`"${REDACTED}"`);
    expect(redactBody("42", redact)).toBe("42");
    expect(redactBody("null", redact)).toBe("null");
  });

  it("redacts text that is not JSON as it stands", () => {
    expect(redactBody("{sEcReT-vAlUe", redact)).toBe(`{${REDACTED}`);
  });
});
