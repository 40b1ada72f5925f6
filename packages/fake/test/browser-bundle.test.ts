import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/msw.js", import.meta.url));

describe("@gong-flows/fake/msw in a browser bundle", () => {
  it("bundles for the browser with msw, needing nothing from Node", async () => {
    const result = await build({
      stdin: {
        contents: `import { setupWorker } from "msw/browser";
          import { createFakeGongHandlers } from ${JSON.stringify(entry)};
          export const worker = setupWorker(...createFakeGongHandlers({ assigned: ["1"] }).handlers);`,
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      },
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles?.[0]?.text ?? "";
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
    // The spec travels inside the bundle: the fake needs no file system.
    expect(code).toContain("unassign-flows-by-instance-id");
  });
});
