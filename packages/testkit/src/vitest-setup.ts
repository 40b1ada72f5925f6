import { type RunningServer, startPrism } from "@gong-flows/fake/prism";

let prism: RunningServer | undefined;

/**
 * A vitest global setup: one Prism mock of the spec for the whole test run, on a free loopback port, provided
 * to tests as `inject("prismUrl")` and stopped by the run itself. Re-export it from a package's setup file.
 */
export async function setup(project: { provide(key: "prismUrl", value: string): void }): Promise<void> {
  prism = await startPrism();
  project.provide("prismUrl", prism.url);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
  prism = undefined;
}
