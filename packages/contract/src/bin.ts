#!/usr/bin/env node
import { main } from "./main.js";

const controller = new AbortController();
// The first signal stops the run and its Prism processes cleanly; a second one leaves at once.
for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.on(name, () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  });
}
// A reader that went away (`| head`) ends the run the same way, so no Prism process is left behind.
let stdoutOpen = true;
process.stdout.on("error", () => {
  stdoutOpen = false;
  controller.abort();
});

process.exitCode = await main(
  process.argv.slice(2),
  process.env,
  {
    stdout: (text) => {
      if (stdoutOpen) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
  },
  controller.signal,
);
