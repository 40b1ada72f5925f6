import { describe, expect, it } from "vitest";
import { CLIENT_MINIFIED_BUDGET } from "../src/budget.js";
import { bundleSize } from "../src/size.js";

// Bytes are deterministic for a pinned esbuild, so the size can be a test where speed cannot.
describe("the client's size budget", () => {
  it("bundled with its dependencies and minified, stays within the budget", async () => {
    const { minified } = await bundleSize("@gong-flows/client");
    expect(minified).toBeLessThanOrEqual(CLIENT_MINIFIED_BUDGET);
  });

  it("leaves only Node built-ins to the runtime, so the bundle counts every byte of code it needs", async () => {
    const { external } = await bundleSize("@gong-flows/client");
    expect(external.filter((path) => !path.startsWith("node:"))).toEqual([]);
  });
});
