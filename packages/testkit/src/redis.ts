import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { stopProcess } from "@gong-flows/fake/prism";
import { freePort } from "./loopback.js";

/** A `redis-server` started by this kit on a free loopback port, with no persistence. */
export interface RunningRedis {
  /** `redis://127.0.0.1:PORT` (with the password, if one was set, as `redis://:PASSWORD@…`). */
  readonly url: string;
  readonly port: number;
  /** Ends the server (SIGTERM, then SIGKILL) and waits for its exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface RedisOptions {
  /** Sets `requirepass`: clients must authenticate. */
  password?: string;
  /** Milliseconds to wait for the server to accept connections. Default 15 000. */
  startTimeoutMs?: number;
}

const READY = /Ready to accept connections/;

/** The Debian package's binary, or whatever `redis-server` is first on PATH. */
function redisServerBinary(): string {
  if (existsSync("/usr/bin/redis-server")) return "/usr/bin/redis-server";
  const onPath = (process.env.PATH ?? "")
    .split(":")
    .map((dir) => `${dir}/redis-server`)
    .find((path) => existsSync(path));
  if (onPath) return onPath;
  throw new Error(
    "redis-server not found: install Debian's package (apt-get install -y redis-server; .ci/run does)",
  );
}

/**
 * Starts a real `redis-server` bound to 127.0.0.1 on a free port, with persistence off (`--save ''`,
 * `--appendonly no`), and resolves once it accepts connections. A port taken between the probe and the bind is
 * retried on another.
 */
export async function startRedis(options: RedisOptions = {}): Promise<RunningRedis> {
  const binary = redisServerBinary();
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    if (options.password !== undefined) args.push("--requirepass", options.password);
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    try {
      await waitUntilReady(child, options.startTimeoutMs ?? 15_000);
    } catch (error) {
      lastError = error;
      await stopProcess(child);
      continue;
    }
    const auth = options.password === undefined ? "" : `:${encodeURIComponent(options.password)}@`;
    return { url: `redis://${auth}127.0.0.1:${port}`, port, stop: () => stopProcess(child) };
  }
  throw lastError;
}

function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start within ${timeoutMs} ms. Output:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (!READY.test(output)) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      // Keep draining so the server never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve();
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited before it was ready (code ${code}). Output:\n${output}`));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("exit", onExit);
  });
}
