import { describe, expect, it } from "vitest";
import { GongInputError } from "../src/index.js";
import { authFromEnv } from "../src/node.js";

describe("authFromEnv", () => {
  it("reads a key pair or a token, treating empty variables as unset", () => {
    expect(authFromEnv({ GONG_ACCESS_KEY: "k", GONG_ACCESS_KEY_SECRET: "s", GONG_BEARER_TOKEN: "" })).toEqual(
      {
        accessKey: "k",
        accessKeySecret: "s",
      },
    );
    expect(authFromEnv({ GONG_BEARER_TOKEN: "t", GONG_ACCESS_KEY: "" })).toEqual({ bearerToken: "t" });
  });

  it.each([
    [
      {},
      /No credentials: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN/,
      "GONG_ACCESS_KEY",
    ],
    [{ GONG_ACCESS_KEY: "key-value" }, /GONG_ACCESS_KEY_SECRET is not set/, "GONG_ACCESS_KEY_SECRET"],
    [{ GONG_ACCESS_KEY_SECRET: "secret-value" }, /GONG_ACCESS_KEY is not set/, "GONG_ACCESS_KEY"],
    [
      { GONG_BEARER_TOKEN: "token-value", GONG_ACCESS_KEY: "key-value" },
      /Both GONG_BEARER_TOKEN and/,
      "GONG_BEARER_TOKEN",
    ],
  ])("refuses %o, naming variables and never values", (env, message, field) => {
    expect(() => authFromEnv(env)).toThrow(TypeError);
    expect(() => authFromEnv(env)).toThrow(message);
    expect(() => authFromEnv(env)).toThrow(expect.objectContaining({ field, index: null, value: null }));
    expect(() => authFromEnv(env)).toThrow(GongInputError);
    try {
      authFromEnv(env);
    } catch (error) {
      expect(String(error)).not.toMatch(/-value/);
    }
  });
});
