import { createServer, type IncomingMessage } from "node:http";
import { listenOnLoopback, type RunningServer } from "@gong-flows/testkit";

/** One way to break the spec; everything else the broken server does is the fake's correct answer. */
export type Defect =
  /** `errors` (and `unassignedFlowInstanceIds`) become strings instead of arrays. */
  | "wrong-body-type"
  /** Every request is rate limited, without the Retry-After header the spec requires. */
  | "missing-retry-after"
  /** Error answers are an HTML page, as a misconfigured gateway would send. */
  | "html-error-page"
  /** No `requestId` in any body. */
  | "missing-request-id"
  /** Conforms, but echoes the caller's Authorization header (and its decoded secret) in `errors[]`. */
  | "echoes-credentials"
  /** Lenient: drops an `unassignedByUserEmail` that is not an email instead of refusing the request. */
  | "accepts-bad-email"
  /** Lenient: drops properties the spec does not have instead of refusing the request. */
  | "accepts-unknown-properties"
  /** Lenient: drops repeated ids instead of refusing the request. */
  | "accepts-duplicate-ids";

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A loopback server that forwards to `upstream` (the fake) and breaks its answers in one way, or (the lenient
 * defects) smooths one kind of invalid request into a valid one, so exactly one body rule goes unchecked.
 */
export async function startBrokenServer(defect: Defect, upstream: string): Promise<RunningServer> {
  const server = createServer(async (req, res) => {
    try {
      const answer = breakAnswer(defect, await forward(req, upstream, defect), req.headers.authorization);
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch {
      res.destroy();
    }
  });
  return listenOnLoopback(server);
}

async function forward(req: IncomingMessage, upstream: string, defect: Defect): Promise<Upstream> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = leniently(defect, Buffer.concat(chunks).toString("utf8"));
  const headers: Record<string, string> = {
    "content-type": req.headers["content-type"] ?? "application/json",
  };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const response = await fetch(`${upstream}${req.url}`, {
    method: req.method,
    headers,
    body,
  });
  const kept: Record<string, string> = {};
  for (const name of ["content-type", "retry-after", "x-traceid"]) {
    const value = response.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return { status: response.status, headers: kept, body: await response.text() };
}

/** The request body a lenient server acts on: the rule its defect ignores no longer applies. */
function leniently(defect: Defect, text: string): string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return text;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return text;
  switch (defect) {
    case "accepts-bad-email":
      if (
        typeof body.unassignedByUserEmail === "string" &&
        !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.unassignedByUserEmail)
      ) {
        delete body.unassignedByUserEmail;
      }
      break;
    case "accepts-unknown-properties":
      for (const key of Object.keys(body)) {
        if (!["flowInstanceIds", "unassignedByUserEmail", "crmProspectsIds"].includes(key)) delete body[key];
      }
      break;
    case "accepts-duplicate-ids":
      if (Array.isArray(body.flowInstanceIds)) body.flowInstanceIds = [...new Set(body.flowInstanceIds)];
      break;
    default:
      return text;
  }
  return JSON.stringify(body);
}

function breakAnswer(defect: Defect, answer: Upstream, authorization: string | undefined): Upstream {
  const json = () => JSON.parse(answer.body) as Record<string, unknown>;
  const withBody = (body: object) => ({ ...answer, body: JSON.stringify(body) });
  switch (defect) {
    case "wrong-body-type": {
      const body = json();
      for (const key of ["errors", "unassignedFlowInstanceIds"]) {
        if (Array.isArray(body[key])) body[key] = (body[key] as string[]).join("; ");
      }
      return withBody(body);
    }
    case "missing-retry-after":
      return {
        status: 429,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ requestId: "broken-429", errors: ["API request limit exceeded"] }),
      };
    case "html-error-page":
      if (answer.status < 400) return answer;
      return {
        status: answer.status,
        headers: { "content-type": "text/html" },
        body: `<html><body><h1>${answer.status}</h1><p>Something went wrong</p></body></html>`,
      };
    case "missing-request-id": {
      const { requestId: _dropped, ...body } = json();
      const { "x-traceid": _alsoDropped, ...headers } = answer.headers;
      return { ...withBody(body), headers };
    }
    case "accepts-bad-email":
    case "accepts-unknown-properties":
    case "accepts-duplicate-ids":
      return answer;
    case "echoes-credentials": {
      const body = json();
      const decoded = Buffer.from(authorization?.split(" ")[1] ?? "", "base64").toString("utf8");
      if (Array.isArray(body.errors)) body.errors = [`rejected ${authorization} (${decoded})`];
      return withBody(body);
    }
  }
}
