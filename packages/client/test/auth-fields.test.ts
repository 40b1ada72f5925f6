import { describe, expect, it } from "vitest";
import { checkAuth } from "../src/auth.js";
import { GongInputError } from "../src/index.js";

/** The field the input error of `checkAuth(auth)` names. */
function fieldRefused(auth: unknown): string {
  try {
    checkAuth(auth);
  } catch (error) {
    expect(error).toBeInstanceOf(GongInputError);
    return (error as GongInputError).field;
  }
  throw new Error("accepted");
}

describe("the field an auth error names", () => {
  it.each([
    [undefined, "auth"],
    [{ accessKey: "k", accessKeySecret: "s", bearerToken: "t" }, "auth"],
    [{ bearerToken: "" }, "auth.bearerToken"],
    [{ bearerToken: "tok en" }, "auth.bearerToken"],
    [{ bearerToken: "tök" }, "auth.bearerToken"],
    [{}, "auth.accessKey"],
    [{ accessKeySecret: "s" }, "auth.accessKey"],
    [{ accessKey: "", accessKeySecret: "" }, "auth.accessKey"],
    [{ accessKey: "k" }, "auth.accessKeySecret"],
    [{ accessKey: "k", accessKeySecret: 7 }, "auth.accessKeySecret"],
  ])("for %j is %s", (auth, field) => {
    expect(fieldRefused(auth)).toBe(field);
  });

  it("keeps only the shape's own fields", () => {
    expect(checkAuth({ bearerToken: "t", extra: 1 })).toEqual({ bearerToken: "t" });
    expect(checkAuth({ accessKey: "k", accessKeySecret: "s", extra: 1 })).toEqual({
      accessKey: "k",
      accessKeySecret: "s",
    });
  });
});
