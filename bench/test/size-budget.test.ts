import { describe, expect, it } from "vitest";
import { CLIENT_MINIFIED_BUDGET, CLIENT_TOTAL_BUDGET } from "../src/budget.js";
import { bundleSize } from "../src/size.js";

// Bytes are deterministic for a pinned esbuild, so the size can be a test where speed cannot.
describe("the size of an app that imports only createGongFlowsClient", () => {
  it("loads at start no more than the budget, and all its chunks stay within theirs", async () => {
    const { minified, total } = await bundleSize("@gong-flows/client");
    expect(minified).toBeLessThanOrEqual(CLIENT_MINIFIED_BUDGET);
    expect(total).toBeLessThanOrEqual(CLIENT_TOTAL_BUDGET);
    // The transport and the bulk engine really are deferred: the start-up part is well under the whole.
    expect(minified).toBeLessThan(total / 2);
  });

  it("bundles for the browser with nothing left to the runtime: no Node built-in in the main entry", async () => {
    const { external } = await bundleSize("@gong-flows/client");
    expect(external).toEqual([]);
  });
});
