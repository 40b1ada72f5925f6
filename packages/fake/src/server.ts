import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FAULT_SCRIPTS, type Fault, type FaultScript, type FaultScriptName } from "./faults.js";
import { createSpecValidator } from "./spec-validator.js";
import { TokenBucket } from "./token-bucket.js";

export const UNASSIGN_PATH = "/v2/flows/prospects/unassign-flows-by-instance-id";

export interface FakeGongOptions {
  /** Flow instance ids that exist and are assigned. Any other id makes the whole request fail with 400. */
  assigned?: Iterable<string>;
  /** Ids that exist but can never be removed: a 200 never lists them. */
  stuck?: Iterable<string>;
  /** The company's limit in requests per second (429 beyond it); `null` for none. Default null. */
  requestsPerSecond?: number | null;
  /** Milliseconds before each answer. Default 0. */
  latencyMs?: number;
  /** A named fault script or a function choosing the fault of the n-th request. Default none. */
  faults?: FaultScriptName | FaultScript;
  /** The exact Authorization header to accept; by default any Basic or Bearer value is accepted. */
  authorization?: string;
}

/** One request as the fake saw it. */
export interface FakeRequestRecord {
  readonly number: number;
  readonly flowInstanceIds: readonly string[];
  readonly authorization: string | undefined;
  readonly body: string;
  /** The status answered, or the fault that replaced the answer. */
  readonly outcome: number | Fault["type"];
  /** Whether the fake changed its state for this request (it unassigned what it could). */
  readonly processed: boolean;
}

export interface FakeGong {
  /** Base URL on loopback, without a trailing slash, e.g. `http://127.0.0.1:43117`. */
  readonly url: string;
  /** Stops the server, dropping open connections. */
  stop(): Promise<void>;
  /** Ids still assigned. */
  readonly assigned: ReadonlySet<string>;
  /** Every request, in arrival order. */
  readonly requests: readonly FakeRequestRecord[];
  /** How often each id was unassigned by a processed request (more than once would be a client bug). */
  readonly unassignCounts: ReadonlyMap<string, number>;
  /** Responses the fake sent that break the spec, other than the faults meant to; must stay empty. */
  readonly violations: readonly string[];
}

const ERROR_OF_UNKNOWN_ID = "One or more of the given flowInstanceIds does not exist";

/** Starts a stateful fake of the endpoint on a free 127.0.0.1 port. */
export async function startFakeGong(options: FakeGongOptions = {}): Promise<FakeGong> {
  const assigned = new Set(options.assigned ?? []);
  const stuck = new Set(options.stuck ?? []);
  const known = new Set([...assigned, ...stuck]);
  const script: FaultScript =
    typeof options.faults === "function" ? options.faults : FAULT_SCRIPTS[options.faults ?? "none"];
  const bucket = options.requestsPerSecond ? new TokenBucket(options.requestsPerSecond) : null;
  const latencyMs = options.latencyMs ?? 0;
  const spec = createSpecValidator();
  const requests: FakeRequestRecord[] = [];
  const unassignCounts = new Map<string, number>();
  const violations: string[] = [];
  let count = 0;

  const unassign = (ids: readonly string[]): string[] => {
    const removed = ids.filter((id) => assigned.has(id));
    for (const id of removed) {
      assigned.delete(id);
      unassignCounts.set(id, (unassignCounts.get(id) ?? 0) + 1);
    }
    return removed;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const number = ++count;
    const requestId = `fake${number.toString(36).padStart(6, "0")}`;
    let ids: string[] = [];
    const record = (outcome: FakeRequestRecord["outcome"], processed: boolean) =>
      requests.push({
        number,
        flowInstanceIds: ids,
        authorization: req.headers.authorization,
        body,
        outcome,
        processed,
      });
    const send = async (status: number, payload: object, headers: Record<string, string> = {}) => {
      if (latencyMs > 0) await delay(latencyMs);
      const text = JSON.stringify(payload);
      const all = { "content-type": "application/json", "x-traceid": requestId, ...headers };
      // An injected status the spec does not list (a 503, say) is off-spec on purpose; everything else is checked.
      const checked = spec.isDocumented(status) ? spec.violations(status, new Headers(all), text) : [];
      for (const problem of checked) violations.push(`request ${number} (${status}): ${problem}`);
      res.writeHead(status, all).end(text);
    };
    const fail = (status: number, message: string, headers: Record<string, string> = {}) => {
      record(status, false);
      return send(status, { requestId, errors: [message] }, headers);
    };

    if (req.method !== "POST" || req.url !== UNASSIGN_PATH) {
      record(404, false);
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const auth = req.headers.authorization;
    const authorized = options.authorization
      ? auth === options.authorization
      : /^(Basic|Bearer) \S+$/.test(auth ?? "");
    if (!authorized) return fail(401, "Invalid credentials");

    const parsed = parseRequest(body);
    if (typeof parsed === "string") return fail(400, parsed);
    ids = parsed.flowInstanceIds;

    const fault = script(number);
    if (fault) return applyFault(fault);

    if (bucket) {
      const token = bucket.take();
      if (!token.ok)
        return fail(429, "API request limit exceeded", { "retry-after": String(token.retryAfterSeconds) });
    }
    if (ids.some((id) => !known.has(id))) return fail(400, ERROR_OF_UNKNOWN_ID);
    record(200, true);
    return send(200, { requestId, unassignedFlowInstanceIds: unassign(ids) });

    async function applyFault(fault: Fault): Promise<void> {
      const processes =
        fault.type.endsWith("after") || fault.type === "process-then-status" || fault.type === "invalid-200";
      if (processes && !ids.some((id) => !known.has(id))) unassign(ids);
      record(fault.type === "status" ? fault.status : fault.type, processes);
      switch (fault.type) {
        case "status":
          return send(
            fault.status,
            { requestId, errors: [`Injected ${fault.status}`] },
            fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter },
          );
        case "process-then-status":
          return send(fault.status, { requestId, errors: ["Failed to complete the operation"] });
        case "html":
          res
            .writeHead(fault.status, { "content-type": "text/html" })
            .end("<html><body>Bad Gateway</body></html>");
          return;
        case "drop-before":
        case "drop-after":
          req.socket.destroy();
          return;
        case "hang-after":
          return;
        case "invalid-200":
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ requestId, ok: true }));
          return;
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`fake crashed: ${String(error)}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    assigned,
    requests,
    unassignCounts,
    violations,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseRequest(body: string): { flowInstanceIds: string[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "Malformed request: body is not JSON";
  }
  const ids = (parsed as { flowInstanceIds?: unknown })?.flowInstanceIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === "string")) {
    return "flowInstanceIds must be a non-empty array of strings";
  }
  if (ids.length > 200) return "flowInstanceIds must have at most 200 items";
  if (new Set(ids).size !== ids.length) return "flowInstanceIds must be unique";
  return { flowInstanceIds: ids };
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

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` distinct ids that look like Gong's, starting from `start`. */
export function makeIds(count: number, start = 234599484800000): string[] {
  return Array.from({ length: count }, (_, i) => String(start + i));
}
