import { describe, expect, it } from "vitest";
import type { Limiter, LimiterDecision } from "../../src/index.js";
import { createTransport } from "../../src/transport/transport.js";
import { json, recordingLimiter } from "../helpers.js";
import { transportConfig } from "./transport-config.js";

/** A transport over a scripted limiter, counting what reaches `fetch`. */
function transportWith(limiter: Limiter, answers: Response[] = []) {
  let sent = 0;
  const fetch = (async () =>
    answers[sent++] ?? json(200, { unassignedFlowInstanceIds: ["1"] })) as unknown as typeof globalThis.fetch;
  return { transport: createTransport(transportConfig(limiter, fetch)), sent: () => sent };
}

const request = { method: "POST", url: "http://127.0.0.1:9/x", headers: {}, body: undefined };
const limiterAnswering = (decision: LimiterDecision): Limiter => ({
  acquire: async () => decision,
  pause: async () => undefined,
});

describe("a limiter that stops a request", () => {
  it("ends it as daily_limit, nothing sent, naming when the count starts again", async () => {
    const resetsAt = new Date("2026-12-01T00:00:00.000Z");
    const { transport, sent } = transportWith(limiterAnswering({ kind: "daily_limit", resetsAt }));
    const result = await transport.send(request);
    expect(result.kind).toBe("failed");
    const error = result.kind === "failed" ? result.error : null;
    expect(error).toMatchObject({
      kind: "daily_limit",
      status: null,
      resetsAt,
      message: "The daily request limit is spent until 2026-12-01T00:00:00.000Z; nothing was sent",
    });
    expect(sent()).toBe(0);
  });

  it("ends it as rate_limit when starts are held longer than the client waits", async () => {
    const until = new Date(Date.now() + 3_600_000);
    const { transport, sent } = transportWith(limiterAnswering({ kind: "paused", until }));
    const result = await transport.send(request);
    const error = result.kind === "failed" ? result.error : null;
    expect(error?.kind).toBe("rate_limit");
    expect(error?.message).toMatch(
      /^Gong's rate limit holds every request for 3[56]\d\d s more, longer than maxRetryAfterSeconds \(60\); nothing was sent$/,
    );
    expect(sent()).toBe(0);
  });

  it("ends it as a limiter failure when the limiter itself fails, redacting what it said", async () => {
    const broken: Limiter = {
      acquire: async () => {
        throw new Error("store lost: redis://:secret@127.0.0.1");
      },
      pause: async () => undefined,
    };
    const { transport, sent } = transportWith(broken);
    const result = await transport.send(request);
    const error = result.kind === "failed" ? result.error : null;
    expect(error).toMatchObject({
      kind: "limiter",
      status: null,
      message: "The rate limiter failed (store lost: redis://:[REDACTED]@127.0.0.1); nothing more is sent",
    });
    expect(sent()).toBe(0);
  });

  it("asks the limiter before every attempt with the client's wait cap, and reports a 429 pause to it", async () => {
    const { limiter, asked, paused } = recordingLimiter();
    const { transport } = transportWith(limiter, [
      json(429, { errors: [] }, { "retry-after": "7" }),
      json(200, { unassignedFlowInstanceIds: [] }),
    ]);
    const result = await transport.send(request);
    expect(result.kind).toBe("answered");
    expect(asked).toEqual([60_000, 60_000]);
    expect(paused).toEqual([7_000]);
  });
});
