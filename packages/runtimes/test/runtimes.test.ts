import { afterEach, describe, expect, it } from "vitest";
import { bundleForBrowser, runInChromium, startPageServer } from "./browser.js";
import { expectScenarioOutcome, type ScenarioServer, startScenarioServer } from "./gong.js";
import { run } from "./run.js";
import { SERVER_RUNTIMES } from "./runtimes.js";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function scenarioServer(): Promise<ScenarioServer> {
  const server = await startScenarioServer();
  stops.push(server.stop);
  return server;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

describe("the built client's main entry, in every runtime, against the fake of Gong", () => {
  it.each(SERVER_RUNTIMES)(
    "$name: a typed POST and a bulk run that isolates a missing id",
    async (runtime) => {
      const server = await scenarioServer();
      const command = await runtime.command(server.front.url);
      const started = performance.now();
      const result = JSON.parse(await run(command));
      console.info(`${runtime.name}: ran the scenario in ${seconds(started)}`);
      expect(result.runtime).toBe(runtime.expected);
      expectScenarioOutcome(result, server);
      // Outside a browser nothing sends an Origin, and nothing needs a preflight.
      expect(server.front.preflights).toEqual([]);
      expect(server.front.origins.every((origin) => origin === undefined)).toBe(true);
    },
  );

  it("headless Chromium: a page importing the bundled client, cross-origin to a CORS-enabled fake", async () => {
    const server = await scenarioServer();
    const started = performance.now();
    const bundle = await bundleForBrowser();
    const pages = await startPageServer(bundle);
    stops.push(pages.stop);
    const { userAgent, result } = await runInChromium(pages.url, server.front.url);
    console.info(`Chromium: bundled (${bundle.length} B) and ran the scenario in ${seconds(started)}`);
    expect(result.runtime).toBe(userAgent);
    expect(userAgent).toMatch(/HeadlessChrome\/\d+/);
    expectScenarioOutcome(result, server);
    // The Authorization header makes every POST preflighted; the page's origin is the page server's.
    expect(server.front.origins.length).toBeGreaterThan(0);
    expect(new Set(server.front.origins)).toEqual(new Set([pages.url]));
    expect(server.front.preflights.length).toBeGreaterThan(0);
    for (const preflight of server.front.preflights) {
      expect(preflight).toMatchObject({ origin: pages.url, method: "POST" });
      expect(preflight.headers).toContain("authorization");
    }
  });
});
