import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Debian's `chromium` package (`.ci/run` installs it); `CHROMIUM_PATH` points elsewhere. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const entry = fileURLToPath(new URL("../dist/msw.js", import.meta.url));
const workerScript = join(
  dirname(createRequire(import.meta.url).resolve("msw/package.json")),
  "lib/mockServiceWorker.js",
);

// The page: MSW's service worker with the fake's handlers, and requests to a base URL with a path prefix.
const APP = `import { setupWorker } from "msw/browser";
import { createFakeGongHandlers } from ${JSON.stringify(entry)};

const fake = createFakeGongHandlers({ assigned: ["101", "102"] });
const worker = setupWorker(...fake.handlers);
window.run = async () => {
  await worker.start({ quiet: true, onUnhandledRequest: "error" });
  const post = async (body) => {
    const response = await fetch(location.origin + "/gateway/v2/flows/prospects/unassign-flows-by-instance-id", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic " + btoa("k:s") },
      body: JSON.stringify(body),
    });
    return [response.status, await response.json()];
  };
  const unassigned = await post({ flowInstanceIds: ["101"] });
  const badEmail = await post({ flowInstanceIds: ["102"], unassignedByUserEmail: "not-an-email" });
  return { unassigned, badEmail, assigned: [...fake.assigned], violations: [...fake.violations] };
};
`;

let server: Server;
let origin: string;
beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: APP, resolveDir: fileURLToPath(new URL("..", import.meta.url)) },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const files: Record<string, [string, string]> = {
    "/": ["text/html", '<!doctype html><script type="module" src="/app.js"></script>'],
    "/app.js": ["text/javascript", bundle.outputFiles[0]?.text ?? ""],
    "/mockServiceWorker.js": ["text/javascript", await readFile(workerScript, "utf8")],
  };
  server = createServer((req, res) => {
    const file = files[req.url ?? ""];
    if (file) res.writeHead(200, { "content-type": file[0] }).end(file[1]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe("@gong-flows/fake/msw in Chromium, through MSW's service worker", () => {
  it("serves the stateful fake to the page and refuses what the spec forbids", async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    }
    const profile = await mkdtemp(join(tmpdir(), "gong-flows-fake-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${origin}/`);
      await page.waitForFunction('typeof window.run === "function"');
      const result: unknown = await page.evaluate("window.run()");
      expect(result).toMatchObject({
        unassigned: [200, { unassignedFlowInstanceIds: ["101"] }],
        badEmail: [
          400,
          { errors: ['Request body property unassignedByUserEmail must match format "email"'] },
        ],
        assigned: ["102"],
        violations: [],
      });
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
