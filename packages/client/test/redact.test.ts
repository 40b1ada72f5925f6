import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED, RUN_MIN_LENGTH, redactBody, SUBSTRING_MIN_LENGTH } from "../src/redact.js";

// Independent encoders (node's Buffer) check the runtime-neutral ones in src/redact.ts.
// And the transformations servers were seen to apply to what they echo:
const pyQuote = (text: string) => text.replace(/\+/g, "%2B").replace(/=/g, "%3D");
const pathEscape = (text: string) => text.replace(/\//g, "%2F");
const plusToSpace = (text: string) => text.replace(/\+/g, " ");
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("createRedactor", () => {
  it("redacts long secrets wherever they appear, longest first", () => {
    const redact = createRedactor(["s3cr3t-value-123", "s3cr3t-value"]);
    expect(redact("x s3cr3t-value-123y s3cr3t-value")).toBe("x [REDACTED]y [REDACTED]");
  });

  it("leaves no tail of a longer secret whatever order the secrets come in", () => {
    const inner = "abcdefgh12";
    const outer = `${inner}-and-a-longer-tail-XYZ`;
    for (const secrets of [
      [inner, outer],
      [outer, inner],
    ]) {
      const redact = createRedactor(secrets);
      expect(redact(`<${outer}> <${inner}>`)).toBe("<[REDACTED]> <[REDACTED]>");
    }
    // Overlapping secrets: neither may leave a piece of the other.
    expect(createRedactor(["AAAAbbbbCCCC", "CCCCddddEEEE"])("AAAAbbbbCCCCddddEEEE!")).toBe("[REDACTED]!");
  });

  it("redacts short placeholder secrets only where they stand alone", () => {
    const redact = createRedactor(["a", "s"]);
    expect(redact("requestId fake000003: key a, secret s")).toBe(
      "requestId fake000003: key [REDACTED], secret [REDACTED]",
    );
    expect(redact("flowInstanceIds does not exist")).toBe("flowInstanceIds does not exist");
  });

  it("still redacts short secrets after = or beside a dash", () => {
    const redact = createRedactor(["cde12", "ab"]);
    expect(redact("key=ab&secret=cde12, token cde12- end")).toBe(
      "key=[REDACTED]&secret=[REDACTED], token [REDACTED]- end",
    );
  });

  it("ignores an empty secret (an unset variable), which would otherwise match between any two characters", () => {
    const text = "a - b, (c) / d ... e";
    expect(createRedactor([""])(text)).toBe(text);
    expect(createRedactor(["", "s3cr3t-token-value"])(`${text} s3cr3t-token-value`)).toBe(
      `${text} ${REDACTED}`,
    );
  });

  it("drops only trailing = as base64 padding: an = inside a secret is part of it", () => {
    expect(createRedactor(["abc=defghijklmnop"])("xx abcdefghijklmnop yy")).toBe(`xx abc${REDACTED} yy`);
  });

  it("redacts the secret's part of a Basic value at each alignment, keeping the groups that mix in its neighbours", () => {
    const secret = "s3cr3t-Value-42xyz";
    const redact = createRedactor([secret]);
    const basic = (key: string, tail = "") => Buffer.from(`${key}:${secret}${tail}`).toString("base64");
    expect(redact(`Basic ${basic("k")}`)).toBe(`Basic azpz${REDACTED}eXo=`);
    expect(redact(`Basic ${basic("kk")}`)).toBe(`Basic a2s6${REDACTED}`);
    expect(redact(`Basic ${basic("kkk")}`)).toBe(`Basic a2trOnMz${REDACTED}eg==`);
    expect(redact(`x ${basic("key", "QQ")}`)).toBe(`x a2V5OnMz${REDACTED}elFR`);
  });

  it("redacts a secret written as hex, in lower and in upper case", () => {
    const secret = "s3cr3t-Value-42xyz";
    const hex = Buffer.from(secret).toString("hex");
    const redact = createRedactor([secret]);
    expect(redact(`id=${hex}`)).toBe(`id=${REDACTED}`);
    expect(redact(`id=${hex.toUpperCase()}`)).toBe(`id=${REDACTED}`);
  });

  it("treats regular-expression characters in secrets literally", () => {
    expect(createRedactor(["a.b"])("a.b axb")).toBe("[REDACTED] axb");
  });

  it.each([7, 8, 9])("redacts a secret of %i characters inside words only from 8 on", (length) => {
    const secret = "Zq7#pL2x9".slice(0, length);
    const text = `key=${secret};x${secret}x ${secret}`;
    const redacted = createRedactor([secret])(text);
    if (length >= SUBSTRING_MIN_LENGTH) {
      expect(redacted).toBe("key=[REDACTED];x[REDACTED]x [REDACTED]");
    } else {
      expect(redacted).toBe(`key=[REDACTED];x${secret}x [REDACTED]`);
    }
  });

  describe("transformed echoes of a key pair", () => {
    const accessKey = "UKTEST4ACCESS0KEY7";
    const secret = "eyJhbGc+s3cr3t/Value=Part";
    const basic = b64(`${accessKey}:${secret}`);
    const redact = createRedactor([basic, secret, accessKey]);

    it.each([
      ["the Basic value", basic],
      ["the Basic value without its = padding", basic.replace(/=+$/, "")],
      ["the Basic value as base64url", basic.replace(/\+/g, "-").replace(/\//g, "_")],
      ["the Basic value percent-encoded", encodeURIComponent(basic)],
      [
        "the Basic value percent-encoded with lower-case hex",
        encodeURIComponent(basic).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      ],
      ["a 40-character prefix of the Basic value", basic.slice(0, 40)],
      [`a ${RUN_MIN_LENGTH}-character prefix of the Basic value`, basic.slice(0, RUN_MIN_LENGTH)],
      ["the last 40 characters of the Basic value", basic.slice(-40)],
      [`an inner ${RUN_MIN_LENGTH}-character piece of the Basic value`, basic.slice(9, 9 + RUN_MIN_LENGTH)],
      ["the Basic value after Python quote() (+ and = encoded, / kept)", pyQuote(basic)],
      ["the Basic value after Go url.PathEscape (/ encoded)", pathEscape(basic)],
      ["the Basic value form-decoded (+ became a space)", plusToSpace(basic)],
      ["the Basic value wrapped into lines of 20", basic.match(/.{1,20}/g)?.join("\r\n") ?? ""],
      ["the secret without its first 4 characters", secret.slice(4)],
      ["the secret in hex", Buffer.from(secret).toString("hex")],
      ["the secret in upper-case hex", Buffer.from(secret).toString("hex").toUpperCase()],
      ["the secret", secret],
      ["the secret percent-encoded", encodeURIComponent(secret)],
      ["a 14-character prefix of the secret", secret.slice(0, 14)],
      ["the secret alone in base64", b64(secret)],
      ["the secret alone in base64 without padding", b64(secret).replace(/=+$/, "")],
      ["the secret alone in base64url", b64url(secret)],
      ["the secret inside another base64 text", b64(`token=${secret}&x=1`)],
      ["the secret inside another base64 text, shifted by one byte", b64(`tokn=${secret}&x=1`)],
      ["the access key in base64", b64(accessKey)],
    ])("redacts %s", (_, echo) => {
      const redacted = redact(`Gong said: bad credentials <${echo}> (request r-1)`);
      expect(redacted).toMatch(/^Gong said: bad credentials <.*\[REDACTED\].*> \(request r-1\)$/);
      expect(redacted).not.toContain(echo);
      // No 8 characters in a row of the credentials survive, as written or once the transformation is undone.
      const undone = redacted.replace(/%2B/gi, "+").replace(/%3D/gi, "=").replace(/%2F/gi, "/");
      for (const form of [secret, basic, accessKey, plusToSpace(basic)]) {
        for (let at = 0; at + SUBSTRING_MIN_LENGTH <= form.length; at++) {
          expect(redacted).not.toContain(form.slice(at, at + SUBSTRING_MIN_LENGTH));
          expect(undone).not.toContain(form.slice(at, at + SUBSTRING_MIN_LENGTH));
        }
      }
    });

    it("leaves ordinary text alone, short cut-offs included", () => {
      const text =
        "One or more of the given flowInstanceIds does not exist (requestId 4al018gzaztcr8nbukw). " +
        `Key prefix ${accessKey.slice(0, RUN_MIN_LENGTH - 1)}; base64 of nothing: ${b64("unrelated words")}.\r\n` +
        `See https://help.gong.io/docs/a%20b?q=x+y and the end of the key ${accessKey.slice(-(RUN_MIN_LENGTH - 1))}.`;
      expect(redact(text)).toBe(text);
    });

    it("keeps the line break after a redacted secret", () => {
      expect(redact(`one ${secret}\r\ntwo`)).toBe(`one ${REDACTED}\r\ntwo`);
    });
  });

  describe("the reviewer's key pair (its Basic value holds + and /)", () => {
    const key = "AK7Gq~>?>?>?x9Lm";
    const secret = "s3cr3t>?>?>?~~~~Zq>>>??//wY";
    const basic = b64(`${key}:${secret}`);
    const redact = createRedactor([basic, secret, key]);
    it.each([
      ["Python quote()", pyQuote(basic)],
      ["Go url.PathEscape", pathEscape(basic)],
      ["form decoding", plusToSpace(basic)],
      ["the secret without its first 4 characters", secret.slice(4)],
      ["the secret in hex", Buffer.from(secret).toString("hex")],
    ])("redacts the echo after %s whole", (_, echo) => {
      expect(basic).toMatch(/\+.*\//);
      expect(redact(`echo: ${echo}; check the key`)).toBe(`echo: ${REDACTED}; check the key`);
    });
  });

  describe("random bearer tokens under the transformations servers apply", () => {
    // The reviewer's statistics: 500 opaque tokens in standard base64 (64 characters, `+`, `/` and `=` likely).
    const tokens = Array.from({ length: 500 }, () => `${randomBytes(48).toString("base64").slice(0, 62)}==`);
    it.each([
      ["Python quote()", pyQuote],
      ["Go url.PathEscape", pathEscape],
      ["form decoding (+ became a space)", plusToSpace],
      ["cut to its last 40 characters", (token: string) => token.slice(-40)],
      ["without its first 4 characters", (token: string) => token.slice(4)],
    ])("leaves no 16 characters of any of 500 tokens after %s", (_, transform) => {
      let leaks = 0;
      for (const token of tokens) {
        const redacted = createRedactor([token])(`401: bad token ${transform(token)} (request r-1)`);
        const left = redacted.replace(/^401: bad token /, "").replace(/ \(request r-1\)$/, "");
        const longest = Math.max(...left.split(REDACTED).map((piece) => piece.length));
        if (longest >= 16) leaks++;
      }
      expect(leaks).toBe(0);
    });
  });

  it("uses no Buffer and no node: import, so the client still runs in browsers", () => {
    const source = readFileSync(new URL("../src/redact.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/\bBuffer\b|from "node:/);
  });
});

describe("redactBody", () => {
  it("redacts JSON values after decoding and keeps the JSON valid", () => {
    const redact = createRedactor(["YWs6czNjcjN0Pz4/Pg=="]);
    const body = '{"errors":["bad Basic YWs6czNjcjN0Pz4\\/Pg=="]}';
    expect(JSON.parse(redactBody(body, redact))).toEqual({ errors: ["bad Basic [REDACTED]"] });
  });

  it("redacts a non-JSON body as text", () => {
    expect(redactBody("<p>token-abcdefgh</p>", createRedactor(["token-abcdefgh"]))).toBe("<p>[REDACTED]</p>");
  });
});
