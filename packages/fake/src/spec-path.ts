import { createRequire } from "node:module";

/** Absolute path of the spec the fake is built from, resolved through the `@gong-flows/spec` dependency. */
export const specPath: string = createRequire(import.meta.url).resolve("@gong-flows/spec/openapi.yaml");
