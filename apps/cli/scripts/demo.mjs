// `pnpm demo`: the built CLI against a Prism mock of the spec, with example ids and dummy credentials.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startPrism } from "@gong-flows/testkit";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const prism = await startPrism();
let status = 1;
try {
  const args = [
    "unassign",
    "234599484848423",
    "234599484848423",
    "--unassigned-by",
    "test@test.com",
    "--base-url",
    prism.url,
  ];
  console.log(`$ gong-flows ${args.join(" ")}   # Prism mock at ${prism.url}, dummy credentials\n`);
  const run = spawnSync(process.execPath, [bin, ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      GONG_ACCESS_KEY: "demo-access-key",
      GONG_ACCESS_KEY_SECRET: "demo-secret",
      GONG_BEARER_TOKEN: "",
    },
  });
  status = run.status ?? 1;
  console.log(`\n(exit code ${status})`);
} finally {
  await prism.stop();
}
process.exitCode = status;
