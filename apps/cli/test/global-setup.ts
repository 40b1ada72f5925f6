declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export { setup, teardown } from "@gong-flows/testkit/vitest-setup";
