/**
 * Prism, the stateless mock and validating proxy of OpenAPI documents, run on `@gong-flows/spec` on a free
 * loopback port: the fake's stateless sibling. Needs `@stoplight/prism-cli` (an optional peer dependency).
 * @packageDocumentation
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** Absolute path of the spec the fake implements, resolved through its `@gong-flows/spec` dependency. */
export const specPath: string = require.resolve("@gong-flows/spec/openapi.yaml");

/** A server started here; `stop` ends it and waits for its exit. */
export interface RunningServer {
  /** Base URL on loopback, without a trailing slash, e.g. `http://127.0.0.1:43117`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Options of {@link startPrism}. */
export interface PrismOptions {
  /** `mock` answers from the spec's examples; `proxy` forwards to `upstream` and validates its answers. */
  mode?: "mock" | "proxy";
  /** Required in proxy mode: the implementation under test. */
  upstream?: string;
  /** Turn response violations into 500s (`--errors`), so a response that breaks the spec cannot pass. */
  errors?: boolean;
  /** Whether Prism validates incoming requests (default true); `false` lets a proxy forward invalid requests. */
  validateRequest?: boolean;
  /** The document to serve; default the spec the fake implements (`specPath`). */
  spec?: string;
  /** Milliseconds to wait for Prism to listen before giving up; default 90 000 (it takes 2–4 s on an idle machine). */
  startTimeoutMs?: number;
  /** The loopback port; default 0, a free one (see `url`). */
  port?: number;
  /** Receives everything Prism prints (its request log), e.g. to show it; by default it is dropped. */
  onOutput?: (text: string) => void;
}

/** Prism's entry point, run with the current Node. */
function prismBin(): string {
  try {
    return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist/index.js");
  } catch {
    throw new Error(
      "startPrism needs @stoplight/prism-cli: install it (5.14.2 runs on Node 20) next to @gong-flows/fake",
    );
  }
}
const listeningLine = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts Prism on the spec on a free loopback port (Prism binds port 0 and reports the port it got).
 * Resolves once Prism says it is listening.
 */
export function startPrism(options: PrismOptions = {}): Promise<RunningServer> {
  const mode = options.mode ?? "mock";
  const args = [prismBin(), mode, "--host", "127.0.0.1", "--port", String(options.port ?? 0)];
  if (options.errors) args.push("--errors");
  if (options.validateRequest === false) args.push("--validate-request=false");
  args.push(options.spec ?? specPath);
  if (mode === "proxy") {
    if (!options.upstream) throw new TypeError("startPrism: proxy mode needs an upstream URL");
    args.push(options.upstream);
  }
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  if (options.onOutput) {
    const forward = (chunk: Buffer) => options.onOutput?.(chunk.toString("utf8"));
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
  }
  return waitUntilListening(child, options.startTimeoutMs ?? 90_000);
}

function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`Prism did not start within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = listeningLine.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Keep draining so Prism never blocks on a full pipe.
        child.stdout?.resume();
        resolve({ url: match[1], stop: () => stopProcess(child) });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited before listening (code ${code}, signal ${signal}). Output:\n${output}`));
    });
  });
}

/** Sends SIGTERM, then SIGKILL if the process outlives the grace period; resolves on exit. */
export function stopProcess(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
