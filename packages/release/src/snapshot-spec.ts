#!/usr/bin/env node
// Run by `pnpm version-packages` after `changeset version`: when @gong-flows/spec got a new version, its spec
// becomes the baseline that `pnpm spec:breaking` compares against.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? process.cwd();
const { version } = JSON.parse(readFileSync(join(root, "spec/package.json"), "utf8")) as { version: string };
const versionFile = join(root, "spec/released/VERSION");
const released = readFileSync(versionFile, "utf8").trim();
if (released === version) {
  process.stdout.write(`@gong-flows/spec stays at ${version}: the released spec baseline is unchanged.\n`);
} else {
  copyFileSync(join(root, "spec/openapi.yaml"), join(root, "spec/released/openapi.yaml"));
  writeFileSync(versionFile, `${version}\n`);
  process.stdout.write(
    `@gong-flows/spec ${released} -> ${version}: spec/released/ now holds the ${version} spec.\n`,
  );
}
