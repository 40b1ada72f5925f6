import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenPage, openInChromium } from "./browser.js";
import { loadDocument, operationsOf, specFile } from "./spec-file.js";

const REFERENCE = specFile("build/reference.html");
const OUTPUT = specFile("test-output");

const spec = loadDocument();
const operations = operationsOf(spec);
const schemes = (spec.components as { securitySchemes: Record<string, SecurityScheme> }).securitySchemes;

interface SecurityScheme {
  description: string;
  flows?: Record<string, { authorizationUrl?: string; tokenUrl?: string }>;
}

let open: OpenPage;
let page: Page;

/** Waits until the text is visible somewhere in `scope` (default the page); fails the test if it never is. */
const seen = (text: string, exact = true, scope: Page | Locator = page) =>
  scope.getByText(text, { exact }).first().waitFor({ state: "visible" });

/** The rendered section of one operation (Redoc gives it the id `<tag>/<operationId in lower case>`). */
const sectionOf = (operationId: string) => page.locator(`[id="engage-flows/${operationId.toLowerCase()}"]`);

beforeAll(async () => {
  if (!existsSync(REFERENCE)) throw new Error(`${REFERENCE} is missing: run \`pnpm run docs\` first`);
  open = await openInChromium(REFERENCE);
  page = open.page;
  page.setDefaultTimeout(15_000);
  // The reference renders sections as they scroll into view, and lists a tag's operations collapsed: a reader
  // scrolls down, opens them with "Show", and scrolls on until every operation is there.
  const show = page.getByRole("button", { name: "+ Show" });
  // The button appears only once the page has rendered its end, which may take several scrolls.
  for (let tries = 0; (await show.count()) === 0; tries++) {
    if (tries === 50)
      throw new Error("the reference never offered to show its collapsed operations ('+ Show')");
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
    await page.waitForTimeout(300);
  }
  await show.first().click();
  for (const operation of operations) {
    for (let tries = 0; (await sectionOf(operation.operationId).count()) === 0; tries++) {
      if (tries === 50) throw new Error(`the reference never rendered ${operation.operationId}`);
      await page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
      await page.waitForTimeout(300);
    }
  }
});

afterAll(async () => {
  await open?.close();
});

describe.each(operations.map((operation) => [operation.operationId, operation] as const))(
  "the rendered API reference shows %s",
  (_, operation) => {
    const section = () => sectionOf(operation.operationId);

    it("with its method, path and summary", async () => {
      await section().getByRole("heading", { name: operation.summary }).first().waitFor({ state: "visible" });
      await seen(operation.path, true, section());
      await seen(operation.method.toUpperCase(), true, section());
    });

    it("with every request field and parameter", async () => {
      expect(operation.requestProperties.length).toBeGreaterThan(0);
      // A `oneOf` body shows one variant at a time, as tabs: open each; every field must have been shown by one of them.
      const variants = operation.requestVariants.length > 0 ? operation.requestVariants : [undefined];
      const missing = new Set(operation.requestProperties);
      for (const variant of variants) {
        if (variant) {
          await section().getByRole("tab", { name: variant, exact: true }).first().click();
        }
        for (const property of missing) {
          const shown = section().getByText(property, { exact: true }).filter({ visible: true });
          if ((await shown.count()) > 0) missing.delete(property);
        }
      }
      expect([...missing]).toEqual([]);
    });

    it("with every response code, its description and its headers", async () => {
      const tabs = section().getByRole("tablist", { name: "Response status" });
      for (const [status, response] of Object.entries(operation.responses)) {
        await tabs.getByRole("tab", { name: status, exact: true }).click();
        await seen(response.description, true, section());
        for (const header of Object.keys(response.headers ?? {})) await seen(header, true, section());
      }
    });

    it("with its auth schemes and their details", async () => {
      for (const name of Object.keys(schemes)) await seen(name, false, section());
      await section().getByRole("button", { name: "View security details" }).first().click();
      for (const [name, scheme] of Object.entries(schemes)) {
        await page.getByText(name, { exact: true }).last().click();
        // The description is Markdown: compare its text as rendered, without code marks.
        await seen(scheme.description.replaceAll("`", ""), false);
        for (const flow of Object.values(scheme.flows ?? {})) {
          for (const url of [flow.authorizationUrl, flow.tokenUrl]) if (url) await seen(url, false);
        }
      }
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: `${OUTPUT}/reference-security.png` });
      await page.keyboard.press("Escape");
    });
  },
);

describe("the screenshot of the reference", () => {
  it("is saved as test-output/reference.png", async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const path = `${OUTPUT}/reference.png`;
    await page.getByRole("heading", { name: operations[0]?.summary }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
