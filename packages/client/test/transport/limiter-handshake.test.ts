import { describe, expect, it } from "vitest";
import type { Limiter } from "../../src/index.js";
import { scopeOf } from "../../src/transport/scope.js";
import { createTransport } from "../../src/transport/transport.js";
import { json, recordingLimiter } from "../helpers.js";
import { transportConfig } from "./transport-config.js";

/** A transport over `limiter` whose `fetch` gives the scripted answers, then 200s. */
function transportWith(limiter: Limiter, answers: (() => Response)[]) {
  let sent = 0;
  const fetch = (async () =>
    answers[sent++]?.() ?? json(200, { unassignedFlowInstanceIds: ["1"] })) as typeof globalThis.fetch;
  return { transport: createTransport(transportConfig(limiter, fetch)), sent: () => sent };
}

const request = { method: "POST", url: "http://127.0.0.1:9/x", headers: {}, body: undefined };

describe("what the transport tells the limiter", () => {
  it("pauses every start through the limiter for a 429's Retry-After, once per 429", async () => {
    const { limiter, paused } = recordingLimiter();
    const { transport, sent } = transportWith(limiter, [
      () => json(429, { errors: ["slow down"] }, { "retry-after": "2" }),
    ]);
    const result = await transport.send(request);
    expect(result.kind).toBe("answered");
    expect(sent()).toBe(2);
    expect(paused).toEqual([2_000]);
  });

  it("pauses nobody for a 5xx or a dropped connection: the retry waits on its own", async () => {
    const { limiter, paused } = recordingLimiter();
    const { transport, sent } = transportWith(limiter, [
      () => json(503, { errors: ["busy"] }),
      () => {
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
      },
    ]);
    const result = await transport.send(request);
    expect(result.kind).toBe("answered");
    expect(sent()).toBe(3);
    expect(paused).toEqual([]);
  });

  it("sends nothing when the limiter grants a start after the run was told to stop", async () => {
    const stop = new AbortController();
    // A shared limiter may answer "go" after a long wait, by which time the operator has pressed Ctrl-C.
    const { limiter } = recordingLimiter(() => stop.abort());
    const { transport, sent } = transportWith(limiter, []);
    const result = await transport.send(request, { stop: stop.signal });
    expect(result).toEqual({ kind: "stopped", earlier: null });
    expect(sent()).toBe(0);
  });
});

describe("scopeOf", () => {
  it("finds an operation's scope with or without a trailing slash, under a path prefix", () => {
    const unassign = "/v2/flows/prospects/unassign-flows-by-instance-id";
    expect(scopeOf("POST", `https://api.gong.io${unassign}`)).toBe("api:flows:write");
    expect(scopeOf("POST", `https://gong.example/prefix${unassign}/`)).toBe("api:flows:write");
    expect(scopeOf("POST", "https://api.gong.io/v2/flows/prospects//")).toBe("api:flows:read");
    expect(scopeOf("GET", `https://api.gong.io${unassign}`)).toBeNull();
  });
});
