import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PUBLIC_PACKAGES, publishedPackages, REPO, run } from "./helpers.js";

const packs = mkdtempSync(join(tmpdir(), "gong-flows-packs-"));
afterAll(() => rmSync(packs, { recursive: true, force: true }));
const bin = (name: string) => join(REPO, "packages/release/node_modules/.bin", name);

/**
 * Packs a package as `pnpm publish` would, and returns the tarball's path. Without its `prepack`: turbo built
 * `dist/` before this test, and a nested turbo here would run beside the other packages' tests (the release test
 * proves `prepack` on a copy without `dist/`).
 */
async function pack(dir: string): Promise<string> {
  const destination = mkdtempSync(join(packs, "p-"));
  await run("pnpm", ["pack", "--ignore-scripts", "--pack-destination", destination], {
    cwd: join(REPO, dir),
  });
  const [tarball] = readdirSync(destination);
  if (!tarball) throw new Error(`pnpm pack wrote nothing for ${dir}`);
  return join(destination, tarball);
}

describe.each(PUBLIC_PACKAGES)("the packed $name", ({ name, dir }) => {
  it("passes publint and Are the Types Wrong with nothing to report", async () => {
    const tarball = await pack(dir);
    expect(await run(bin("publint"), ["run", tarball, "--strict"], { cwd: packs })).toContain("All good!");
    const attw = JSON.parse(
      await run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "json"], { cwd: packs }),
    ) as { analysis: { problems?: { kind: string; resolutionKind?: string }[]; types: unknown } };
    // The esm-only profile ignores CommonJS `require` resolutions by design; anything else is a problem.
    const problems = (attw.analysis.problems ?? []).filter((p) => p.resolutionKind !== "node16-cjs");
    expect(problems).toEqual([]);
  });

  it("ships only what a consumer needs, with no workspace: specifiers", async () => {
    const tarball = await pack(dir);
    const files = (await run("tar", ["-tzf", tarball], { cwd: packs })).trim().split("\n");
    expect(files).toContain("package/README.md");
    expect(files.filter((file) => /\/(src|test)\/|\.map$|tsconfig/.test(file))).toEqual([]);
    const manifest = JSON.parse(await run("tar", ["-xzOf", tarball, "package/package.json"], { cwd: packs }));
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
    expect(manifest).toMatchObject({ name, license: "MIT", engines: { node: ">=20.19" } });
    expect(manifest.repository).toMatchObject({ type: "git", directory: dir });
    if (name === "@gong-flows/cli") expect(manifest.bin).toEqual({ "gong-flows": "./dist/bin.js" });
    if (name === "@gong-flows/fake") {
      expect(manifest.bin).toEqual({ "gong-flows-fake": "./dist/bin.js" });
      expect(Object.keys(manifest.exports)).toEqual([".", "./msw", "./prism", "./package.json"]);
      // The spec travels inside the package (MSW handlers run in browsers, without a file system).
      expect(files).toContain("package/dist/generated/spec.js");
    }
    if (name === "@gong-flows/contract") {
      expect(manifest.bin).toEqual({ "gong-flows-contract": "./dist/bin.js" });
      expect(manifest.dependencies).toHaveProperty("@gong-flows/spec");
    }
    if (name === "@gong-flows/client") {
      expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
      expect(files).toContain("package/dist/index.d.ts");
    }
  });
});

describe.each(publishedPackages())("the published $name", ({ name, dir }) => {
  it("builds before it is packed, when it ships dist/ (pnpm pack and pnpm publish run prepack)", () => {
    const manifest = JSON.parse(readFileSync(join(REPO, dir, "package.json"), "utf8"));
    const shipsDist = (manifest.files ?? []).some((file: string) =>
      file.replace(/^\.\//, "").startsWith("dist"),
    );
    expect(manifest.scripts?.prepack).toBe(
      shipsDist ? `turbo run build --filter=${name} --output-logs=errors-only` : undefined,
    );
  });
});
