import { describe, expect, it } from "vitest";
import { userAgent } from "../../src/transport/user-agent.js";
import { VERSION } from "../../src/version.js";

describe("the User-Agent", () => {
  it("names package, version and runtime on Node and Deno", () => {
    expect(userAgent({ process: { versions: { node: "20.19.0" } } })).toBe(
      `@gong-flows/client/${VERSION} node/20.19.0`,
    );
    expect(
      userAgent({ Deno: { version: { deno: "2.9.6" } }, process: { versions: { node: "24.0.0" } } }),
    ).toBe(`@gong-flows/client/${VERSION} deno/2.9.6`);
    expect(userAgent({})).toBe(`@gong-flows/client/${VERSION} js`);
  });

  it("is not set in a browser page or worker, which forbid it", () => {
    expect(userAgent({ document: {} })).toBeNull();
    expect(userAgent({ WorkerGlobalScope: class {} })).toBeNull();
  });

  it("matches the published version", async () => {
    const manifest = (await import("../../package.json", { with: { type: "json" } })).default;
    expect(VERSION).toBe(manifest.version);
  });
});

describe("the User-Agent, edges", () => {
  it("reads this runtime when given nothing", () => {
    expect(userAgent()).toBe(`@gong-flows/client/${VERSION} node/${process.versions.node}`);
  });

  it("says js when Deno or Node give no version", () => {
    expect(userAgent({ Deno: {}, process: {} })).toBe(`@gong-flows/client/${VERSION} js`);
  });

  it("is not set in a page even where a process object exists (a bundler's shim)", () => {
    expect(userAgent({ document: {}, process: { versions: { node: "20" } } })).toBeNull();
  });
});
