#!/usr/bin/env node
// `pnpm spec:breaking [ROOT]`: exits 1 when the spec breaks its clients without a pending major changeset.
import { checkSpecCompatibility, renderVerdict } from "./gate.js";

const verdict = await checkSpecCompatibility(process.argv[2] ?? process.cwd());
const text = renderVerdict(verdict);
if (verdict.missingMajors.length > 0) {
  process.stderr.write(text);
  process.exitCode = 1;
} else {
  process.stdout.write(text);
}
