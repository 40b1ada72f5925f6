import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { userAgent, VERSION } from "../src/version.js";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
};

describe("VERSION and userAgent", () => {
  it("is the package's version", () => {
    expect(VERSION).toBe(manifest.version);
  });

  it("names the package, its version and Node", () => {
    expect(userAgent({ process: { versions: { node: "20.20.2" } } })).toBe(
      `@gong-flows/client/${manifest.version} node/20.20.2`,
    );
    expect(userAgent()).toBe(`${manifest.name}/${manifest.version} node/${process.versions.node}`);
  });

  it("names Deno rather than its Node compatibility layer", () => {
    expect(
      userAgent({ Deno: { version: { deno: "2.9.6" } }, process: { versions: { node: "24.0.0" } } }),
    ).toBe(`@gong-flows/client/${manifest.version} deno/2.9.6`);
  });

  it("says js for a runtime it does not know", () => {
    expect(userAgent({})).toBe(`@gong-flows/client/${manifest.version} js`);
    expect(userAgent({ Deno: {}, process: {} })).toBe(`@gong-flows/client/${manifest.version} js`);
  });

  it("sends none from a browser page or worker, which may not set it", () => {
    expect(userAgent({ document: {}, process: { versions: { node: "20" } } })).toBeNull();
    expect(userAgent({ WorkerGlobalScope: () => undefined })).toBeNull();
  });
});
