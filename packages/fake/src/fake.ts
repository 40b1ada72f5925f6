import { type AuthVerdict, createAuthenticator, type FakeCredentials } from "./auth.js";
import { DailyQuota } from "./daily-quota.js";
import { FAULT_SCRIPTS, type Fault, type FaultScript, type FaultScriptName } from "./faults.js";
import { SPEC } from "./generated/spec.js";
import { OPERATIONS, type Reply } from "./operations.js";
import { type FakeSeed, seedState } from "./seed.js";
import { matchRoute, type Route, routesOf } from "./spec-routes.js";
import type { InstanceStatus } from "./state.js";
import { TokenBucket } from "./token-bucket.js";
import { type IncomingExchange, sharedSpecValidator } from "./validator.js";

/** Options of {@link startFakeGong} and `createFakeGongHandlers`. */
export interface FakeGongOptions extends FakeSeed {
  /** The company's limit in requests per second (429 with `Retry-After` beyond it); `null` for none (default). */
  readonly requestsPerSecond?: number | null;
  /** Requests served per UTC day before every request gets 429 with a `Retry-After` until midnight UTC. */
  readonly dailyQuota?: number | null;
  /** Milliseconds before each answer. Default 0. */
  readonly latencyMs?: number;
  /** A named fault script or a function choosing the fault of the n-th request. Default none. */
  readonly faults?: FaultScriptName | FaultScript;
  /** Credentials to accept; by default any well-formed Basic `key:secret` pair or bearer token (all scopes). */
  readonly credentials?: readonly FakeCredentials[];
  /** The clock the daily quota counts days by. Default `Date.now`. */
  readonly now?: () => number;
}

/** One request as the fake saw it. */
export interface FakeRequestRecord {
  /** 1-based arrival number; fault scripts are keyed by it. */
  readonly number: number;
  /** The spec operation it addressed, or `null` for a path or method the spec does not have. */
  readonly operationId: string | null;
  readonly method: string;
  /** The path and query, as sent. */
  readonly path: string;
  /** `flowInstanceIds` of the body, when it had any (unassign and lookups). */
  readonly flowInstanceIds: readonly string[];
  /** `crmProspectsIds` of the body, when it had any. */
  readonly crmProspectIds: readonly string[];
  readonly authorization: string | undefined;
  readonly body: string;
  /** The status answered, or the fault that replaced the answer. */
  readonly outcome: number | Fault["type"];
  /** Whether the fake acted on it (an unassign changed the state, a lookup was answered). */
  readonly processed: boolean;
}

/** What the fake does with one request: answer it, or misbehave at the connection level. */
export type FakeOutcome =
  | {
      readonly kind: "answer";
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: string;
    }
  | { readonly kind: "drop" }
  | { readonly kind: "hang" };

/** The observable state of a fake, whatever its front door. */
export interface FakeGongState {
  /** Ids seeded as assigned (or first seen with `anyId`) that are still assigned. */
  readonly assigned: ReadonlySet<string>;
  /** Every request, in arrival order. */
  readonly requests: readonly FakeRequestRecord[];
  /** How often each id was unassigned by a processed request (more than once would be a client bug). */
  readonly unassignCounts: ReadonlyMap<string, number>;
  /** Answers the fake sent that break the spec, other than the faults meant to; must stay empty. */
  readonly violations: readonly string[];
  /** The status of any instance, including the spec's example ones; `undefined` when it does not exist. */
  statusOf(flowInstanceId: string): InstanceStatus | undefined;
}

/** The fake without a front door: one function from a request to an outcome, over one state. */
export interface FakeCore extends FakeGongState {
  handle(exchange: IncomingExchange): Promise<FakeOutcome>;
  /** Whether a path is one of the spec's (with any prefix before it), whatever the method. */
  serves(pathname: string): boolean;
}

const ROUTES = routesOf(SPEC);

/** Builds the fake's state and request pipeline. Front doors (HTTP server, MSW) only translate. */
export function createFakeCore(options: FakeGongOptions = {}): FakeCore {
  const state = seedState(SPEC, options);
  const spec = sharedSpecValidator(SPEC, ROUTES);
  const authenticate = createAuthenticator(SPEC, options.credentials);
  const script: FaultScript =
    typeof options.faults === "function" ? options.faults : FAULT_SCRIPTS[options.faults ?? "none"];
  const bucket = options.requestsPerSecond ? new TokenBucket(options.requestsPerSecond) : null;
  const quota =
    options.dailyQuota != null ? new DailyQuota(options.dailyQuota, options.now ?? Date.now) : null;
  const latencyMs = options.latencyMs ?? 0;
  const requests: FakeRequestRecord[] = [];
  const violations: string[] = [];
  let count = 0;

  const handle = async (exchange: IncomingExchange): Promise<FakeOutcome> => {
    const number = ++count;
    const requestId = `fake${number.toString(36).padStart(6, "0")}`;
    const match = matchRoute(ROUTES, exchange.method, exchange.url.pathname);
    const route = match.kind === "operation" ? match.route : null;
    let body: unknown;
    const record = (outcome: FakeRequestRecord["outcome"], processed: boolean) =>
      requests.push({
        number,
        operationId: route?.operationId ?? null,
        method: exchange.method,
        path: `${exchange.url.pathname}${exchange.url.search}`,
        flowInstanceIds: idsIn(body, "flowInstanceIds"),
        crmProspectIds: idsIn(body, "crmProspectsIds"),
        authorization: exchange.headers.get("authorization") ?? undefined,
        body: exchange.body,
        outcome,
        processed,
      });
    const answer = async (reply: Reply, headers: Record<string, string> = {}): Promise<FakeOutcome> => {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const text = JSON.stringify({ requestId, ...reply.body });
      const all = { "content-type": "application/json", "x-traceid": requestId, ...headers };
      // An injected status the spec does not list (a 503, say) is off-spec on purpose; everything else is checked.
      if (route && spec.isDocumented(route, reply.status)) {
        for (const problem of spec.checkResponse(route, reply.status, new Headers(all), text)) {
          violations.push(`request ${number} (${route.operationId} ${reply.status}): ${problem}`);
        }
      }
      return { kind: "answer", status: reply.status, headers: all, body: text };
    };
    const refuse = (status: number, messages: readonly string[], headers: Record<string, string> = {}) => {
      record(status, false);
      return answer({ status, body: { errors: messages } }, headers);
    };

    if (!route) {
      const status = match.kind === "no-path" ? 404 : 405;
      record(status, false);
      const message =
        match.kind === "no-method"
          ? `${exchange.method} is not allowed here; the spec has ${match.allowed.join(", ")}`
          : `${exchange.url.pathname} is not a path of the spec`;
      return {
        kind: "answer",
        status,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ requestId, errors: [message] }),
      };
    }
    const verdict: AuthVerdict = authenticate(
      exchange.headers.get("authorization"),
      route.security,
      spec.isDocumented(route, 403),
    );
    if (!verdict.ok) return refuse(verdict.status, [verdict.message]);
    const checked = spec.checkRequest(route, exchange);
    if (!checked.ok) return refuse(400, checked.problems);
    body = checked.body;

    if (quota) {
      const refusal = quota.take();
      if (refusal) {
        return refuse(429, [`Daily API request quota of ${quota.limit} exceeded`], {
          "retry-after": String(refusal.retryAfterSeconds),
        });
      }
    }
    const operation = OPERATIONS[route.operationId];
    const run = (): Reply => {
      if (operation) return operation(state, { body: checked.body, query: checked.query });
      violations.push(`request ${number}: the fake has no implementation of ${route.operationId}`);
      return { status: 500, body: { errors: [`The fake does not implement ${route.operationId}`] } };
    };

    const fault = script(number);
    if (fault) return applyFault(fault);

    if (bucket) {
      const token = bucket.take();
      if (!token.ok) {
        return refuse(429, ["API request limit exceeded"], {
          "retry-after": String(token.retryAfterSeconds),
        });
      }
    }
    const reply = run();
    record(reply.status, reply.status < 300);
    return answer(reply);

    async function applyFault(fault: Fault): Promise<FakeOutcome> {
      const processes =
        fault.type.endsWith("after") || fault.type === "process-then-status" || fault.type === "invalid-200";
      const processed = processes && run().status < 300;
      record(fault.type === "status" ? fault.status : fault.type, processed);
      switch (fault.type) {
        case "status":
          return answer(
            { status: fault.status, body: { errors: [`Injected ${fault.status}`] } },
            fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter },
          );
        case "process-then-status":
          return answer({ status: fault.status, body: { errors: ["Failed to complete the operation"] } });
        case "html":
          return {
            kind: "answer",
            status: fault.status,
            headers: { "content-type": "text/html" },
            body: "<html><body>Bad Gateway</body></html>",
          };
        case "drop-before":
        case "drop-after":
          return { kind: "drop" };
        case "hang-after":
          return { kind: "hang" };
        case "invalid-200":
          return {
            kind: "answer",
            status: 200,
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ requestId, ok: true }),
          };
      }
    }
  };

  return {
    handle,
    serves: (pathname) => matchRoute(ROUTES, "GET", pathname).kind !== "no-path",
    assigned: state.assigned,
    requests,
    unassignCounts: state.unassignCounts,
    violations,
    statusOf: (id) => (state.has(id) ? state.statusOf(id) : undefined),
  };
}

function idsIn(body: unknown, key: string): readonly string[] {
  const ids = (body as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(ids) ? (ids.filter((id) => typeof id === "string") as string[]) : [];
}

/** Every operationId of the spec, and whether the fake implements it. */
export const SPEC_OPERATIONS: readonly { operationId: string; implemented: boolean }[] = ROUTES.map(
  (route) => ({
    operationId: route.operationId,
    implemented: route.operationId in OPERATIONS,
  }),
);

export type { Route };
