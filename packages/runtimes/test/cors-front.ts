import { createServer, type IncomingHttpHeaders, request } from "node:http";
import { listenOnLoopback, type RunningServer } from "@gong-flows/testkit";

/** A CORS preflight as the front saw it. */
export interface Preflight {
  readonly origin: string | undefined;
  readonly method: string | undefined;
  /** `Access-Control-Request-Headers`, lower-cased and split. */
  readonly headers: readonly string[];
}

export interface CorsFront extends RunningServer {
  readonly preflights: readonly Preflight[];
  /** The `Origin` of every forwarded request (`undefined` outside a browser). */
  readonly origins: readonly (string | undefined)[];
}

/**
 * Puts the CORS headers a browser needs in front of a server that has none (the stateful fake): answers
 * preflights itself, forwards everything else unchanged over loopback, and records what it saw.
 */
export async function startCorsFront(target: string): Promise<CorsFront> {
  const preflights: Preflight[] = [];
  const origins: (string | undefined)[] = [];
  const upstream = new URL(target);
  const allow = (headers: IncomingHttpHeaders) => ({
    "access-control-allow-origin": headers.origin ?? "*",
    vary: "Origin",
    // Retry-After is not a CORS-safelisted response header: without this a page could not honour a 429.
    "access-control-expose-headers": "retry-after, x-traceid",
  });

  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      const asked = req.headers["access-control-request-headers"] ?? "";
      preflights.push({
        origin: req.headers.origin,
        method: req.headers["access-control-request-method"],
        headers: asked
          .split(",")
          .map((name) => name.trim().toLowerCase())
          .filter(Boolean),
      });
      res
        .writeHead(204, {
          ...allow(req.headers),
          "access-control-allow-methods": "POST",
          "access-control-allow-headers": asked,
          "access-control-max-age": "0",
        })
        .end();
      return;
    }
    origins.push(req.headers.origin);
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...allow(req.headers) });
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  return { ...(await listenOnLoopback(server)), preflights, origins };
}
