import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeCore, type FakeGongOptions, type FakeGongState } from "./fake.js";

/** Options of {@link startFakeGong}: the fake's, plus where to listen. */
export interface FakeGongServerOptions extends FakeGongOptions {
  /** The loopback port; default 0 (a free one, see `url`). */
  readonly port?: number;
  /** The interface; default `127.0.0.1`. */
  readonly host?: string;
}

/** A running fake: its state, its URL, and how to stop it. */
export interface FakeGong extends FakeGongState {
  /** Base URL, without a trailing slash, e.g. `http://127.0.0.1:43117`. */
  readonly url: string;
  /** Stops the server, dropping open connections. */
  stop(): Promise<void>;
}

/**
 * Starts the stateful fake of Gong on loopback (a free port unless `port` is given). Every operation of the spec
 * is served from one state; requests are checked as Prism checks them; answers are checked against the spec and
 * any break lands in `violations`.
 */
export async function startFakeGong(options: FakeGongServerOptions = {}): Promise<FakeGong> {
  const core = createFakeCore(options);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      }
      const outcome = await core.handle({
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", `http://${host}`),
        headers,
        body,
      });
      if (outcome.kind === "drop") req.socket.destroy();
      else if (outcome.kind === "answer") res.writeHead(outcome.status, outcome.headers).end(outcome.body);
    })().catch((error: unknown) => {
      (core.violations as string[]).push(`fake crashed: ${String(error)}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    assigned: core.assigned,
    requests: core.requests,
    unassignCounts: core.unassignCounts,
    violations: core.violations,
    statusOf: core.statusOf,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
    });
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}
