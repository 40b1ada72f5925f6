import { diffSpecs } from "../../src/spec-diff.js";

// biome-ignore lint/suspicious/noExplicitAny: minimal specs are written as loose object literals
export type Doc = Record<string, any>;

/** A minimal document: the given paths, components and document-level security. */
export const doc = (paths: Doc, components: Doc = {}, extra: Doc = {}): Doc => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1.0.0" },
  paths,
  components,
  ...extra,
});

/** `POST /things` whose required JSON request body is `schema`. */
export const requestWith = (schema: unknown, components: Doc = {}): Doc =>
  doc(
    {
      "/things": {
        post: {
          operationId: "createThing",
          requestBody: { required: true, content: { "application/json": { schema } } },
          responses: { "204": { description: "done" } },
        },
      },
    },
    components,
  );

/** `GET /things` whose 200 JSON response body is `schema`. */
export const responseWith = (schema: unknown, components: Doc = {}): Doc =>
  doc(
    {
      "/things": {
        get: {
          operationId: "listThings",
          responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
        },
      },
    },
    components,
  );

/** An object schema with the given properties. */
export const object = (properties: Doc, extra: Doc = {}): Doc => ({ type: "object", properties, ...extra });

export const REQUEST = "POST /things /requestBody/content/application~1json/schema";
export const RESPONSE = "GET /things /responses/200/content/application~1json/schema";

/** Each difference as `LEVEL rule METHOD /path location`, in the order found. */
export const verdicts = (before: Doc, after: Doc): string[] =>
  diffSpecs(before, after).map((d) => `${d.level} ${d.rule} ${d.operation}${d.path ? ` ${d.path}` : ""}`);
