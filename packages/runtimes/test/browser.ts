import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listenOnLoopback, type RunningServer } from "@gong-flows/testkit";
import { build } from "esbuild";
import { type BrowserContext, chromium } from "playwright-core";
import type { ScenarioResult } from "../scenario/scenario.js";

/** Debian's `chromium` package (`.ci/run` installs it); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Nothing but loopback: every other host name fails to resolve.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/**
 * Bundles the scenario's page entry, and with it the built client's main entry, for the browser. A Node
 * built-in anywhere in the client fails here (esbuild cannot resolve `node:*` for the browser platform).
 */
export async function bundleForBrowser(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../dist/page.js", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error("esbuild wrote no bundle");
  return file.text;
}

/** Serves a page that loads the bundle, from its own loopback origin (so calls to the fake are cross-origin). */
export async function startPageServer(bundle: string): Promise<RunningServer> {
  const html = `<!doctype html><meta charset="utf-8"><title>gong-flows client</title>
<script type="module" src="/scenario.js"></script>`;
  const server = createServer((req, res) => {
    if (req.url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (req.url === "/scenario.js")
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    else res.writeHead(404).end();
  });
  return listenOnLoopback(server);
}

export interface BrowserRun {
  readonly userAgent: string;
  readonly result: ScenarioResult;
}

/**
 * Opens the page in headless Chromium with a fresh profile, waits for the bundle to load, and runs the scenario
 * in the page against `apiUrl`. No request interception: Playwright's routing would answer CORS preflights itself,
 * and the fake's CORS front must. A script error on the page fails at once with its message instead of a timeout.
 */
export async function runInChromium(pageUrl: string, apiUrl: string): Promise<BrowserRun> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const profile = await mkdtemp(join(tmpdir(), "gong-flows-runtimes-chromium-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
    });
    // Playwright's 30 s default is short for a Chromium start on a loaded 2-core machine.
    context.setDefaultTimeout(90_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageError = new Promise<never>((_, reject) => {
      page.on("pageerror", (error) => reject(new Error(`the page threw: ${error.message}`)));
    });
    pageError.catch(() => {});
    await page.goto(pageUrl);
    await Promise.race([
      page.waitForFunction(() => typeof (globalThis as { runScenario?: unknown }).runScenario === "function"),
      pageError,
    ]);
    const result = await Promise.race([
      page.evaluate(
        (url) =>
          (globalThis as unknown as { runScenario(url: string): Promise<ScenarioResult> }).runScenario(url),
        apiUrl,
      ),
      pageError,
    ]);
    return { userAgent: await page.evaluate<string>("navigator.userAgent"), result };
  } finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
  }
}
