import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
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

/** Waits until the text is visible somewhere on the page; fails the test if it never is. */
const seen = (text: string, exact = true) =>
  page.getByText(text, { exact }).first().waitFor({ state: "visible" });

beforeAll(async () => {
  if (!existsSync(REFERENCE)) throw new Error(`${REFERENCE} is missing: run \`pnpm run docs\` first`);
  open = await openInChromium(REFERENCE);
  page = open.page;
  page.setDefaultTimeout(15_000);
  // The reference lists a tag's operations collapsed; a reader opens them with "Show".
  await page.getByRole("button", { name: "+ Show" }).click();
});

afterAll(async () => {
  await open?.close();
});

describe.each(operations.map((operation) => [operation.operationId, operation] as const))(
  "the rendered API reference shows %s",
  (_, operation) => {
    it("with its method, path and summary", async () => {
      await page.getByRole("heading", { name: operation.summary }).first().waitFor({ state: "visible" });
      await seen(operation.path);
      await seen(operation.method.toUpperCase());
    });

    it("with every request field", async () => {
      expect(operation.requestProperties.length).toBeGreaterThan(0);
      for (const property of operation.requestProperties) await seen(property);
    });

    it("with every response code, its description and its headers", async () => {
      const tabs = page.getByRole("tablist", { name: "Response status" });
      for (const [status, response] of Object.entries(operation.responses)) {
        await tabs.getByRole("tab", { name: status, exact: true }).click();
        await seen(response.description);
        for (const header of Object.keys(response.headers ?? {})) await seen(header);
      }
    });

    it("with its auth schemes and their details", async () => {
      for (const name of Object.keys(schemes)) await seen(name, false);
      await page.getByRole("button", { name: "View security details" }).first().click();
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
