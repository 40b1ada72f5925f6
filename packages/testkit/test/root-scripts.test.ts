import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a root script in a pseudo-terminal (util-linux `script`), as an operator would, and presses Ctrl-C once
 * it listens: the terminal sends SIGINT to pnpm and the server alike, which is what made pnpm print a failure.
 */
function ctrlC(command: string, listening: RegExp): Promise<{ code: number | null; output: string }> {
  // `exec`: the exit code is pnpm's own, not that of the shell `script` starts (dash, as $SHELL, dies of the SIGINT too).
  const child = spawn("script", ["-qec", `exec ${command}`, "/dev/null"], {
    cwd: REPO,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  let pressed = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!pressed && listening.test(output)) {
      pressed = true;
      // A moment for the server to finish its start-up line before the key press.
      setTimeout(() => child.stdin.write("\x03"), 300);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("root scripts that serve until Ctrl-C", () => {
  it.each([
    ["pnpm mock", /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/],
    ["pnpm fake", /Fake Gong listening on http:\/\/127\.0\.0\.1:(\d+)/],
  ])(
    "%s --port N listens on N and stops quietly on Ctrl-C",
    async (script, listening) => {
      const port = await freePort();
      const { code, output } = await ctrlC(`${script} --port ${port}`, listening);
      expect(listening.exec(output)?.[1]).toBe(String(port));
      expect(output).not.toMatch(/ELIFECYCLE|Command failed|ERR_PNPM/);
      expect(code).toBe(0);
    },
    120_000,
  );
});
