import { describe, expect, it } from "vitest";
import { createRedactor, redactBody } from "../src/redact.js";

describe("createRedactor", () => {
  it("redacts long secrets wherever they appear, longest first", () => {
    const redact = createRedactor(["s3cr3t-value-123", "s3cr3t-value"]);
    expect(redact("x s3cr3t-value-123y s3cr3t-value")).toBe("x [REDACTED]y [REDACTED]");
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

  it("treats regular-expression characters in secrets literally", () => {
    expect(createRedactor(["a.b"])("a.b axb")).toBe("[REDACTED] axb");
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
