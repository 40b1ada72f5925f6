import { describe, expect, it } from "vitest";
import { GongInputError } from "../src/index.js";
import { authFromEnv } from "../src/node.js";

const NONE =
  "No credentials: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (scope api:flows:write)";
const BOTH =
  "Both GONG_BEARER_TOKEN and GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET are set: unset one kind of credentials";
const halfPair = (missing: string) =>
  `${missing} is not set: set both GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET`;

describe("authFromEnv", () => {
  it("reads a key pair or a token, treating empty variables as unset", () => {
    expect(authFromEnv({ GONG_ACCESS_KEY: "k", GONG_ACCESS_KEY_SECRET: "s", GONG_BEARER_TOKEN: "" })).toEqual(
      {
        accessKey: "k",
        accessKeySecret: "s",
      },
    );
    expect(authFromEnv({ GONG_BEARER_TOKEN: "t", GONG_ACCESS_KEY: "" })).toEqual({ bearerToken: "t" });
    expect(authFromEnv({ GONG_BEARER_TOKEN: "t", GONG_ACCESS_KEY_SECRET: "" })).toEqual({ bearerToken: "t" });
  });

  it("ignores other variables", () => {
    expect(authFromEnv({ GONG_BEARER_TOKEN: "t", GONG_ACCESS_KEY_ID: "x", PATH: "/bin" })).toEqual({
      bearerToken: "t",
    });
  });

  it.each([
    [{}, NONE, "GONG_ACCESS_KEY"],
    [{ GONG_ACCESS_KEY: "", GONG_ACCESS_KEY_SECRET: "", GONG_BEARER_TOKEN: "" }, NONE, "GONG_ACCESS_KEY"],
    [{ GONG_ACCESS_KEY: "key-value" }, halfPair("GONG_ACCESS_KEY_SECRET"), "GONG_ACCESS_KEY_SECRET"],
    [
      { GONG_ACCESS_KEY: "key-value", GONG_ACCESS_KEY_SECRET: "" },
      halfPair("GONG_ACCESS_KEY_SECRET"),
      "GONG_ACCESS_KEY_SECRET",
    ],
    [{ GONG_ACCESS_KEY_SECRET: "secret-value" }, halfPair("GONG_ACCESS_KEY"), "GONG_ACCESS_KEY"],
    [{ GONG_BEARER_TOKEN: "token-value", GONG_ACCESS_KEY: "key-value" }, BOTH, "GONG_BEARER_TOKEN"],
    [{ GONG_BEARER_TOKEN: "token-value", GONG_ACCESS_KEY_SECRET: "secret-value" }, BOTH, "GONG_BEARER_TOKEN"],
    [
      {
        GONG_BEARER_TOKEN: "token-value",
        GONG_ACCESS_KEY: "key-value",
        GONG_ACCESS_KEY_SECRET: "secret-value",
      },
      BOTH,
      "GONG_BEARER_TOKEN",
    ],
  ])("refuses %o with a message naming variables, never values", (env, message, field) => {
    let thrown: unknown;
    try {
      authFromEnv(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GongInputError);
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).toMatchObject({ message, field, index: null, value: null });
    expect(String(thrown)).not.toMatch(/-value/);
  });
});
