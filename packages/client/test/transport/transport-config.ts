import type { Limiter } from "../../src/index.js";
import type { TransportConfig } from "../../src/transport/transport.js";
import { virtualClock } from "../helpers.js";

/** A transport's settings for tests: Bearer auth, no pacing of its own, three retries, virtual time. */
export function transportConfig(limiter: Limiter, fetch: typeof globalThis.fetch): TransportConfig {
  return {
    fetch,
    authorization: "Bearer t",
    authScheme: "bearer",
    userAgent: null,
    timeoutMs: 1_000,
    maxBodyBytes: 1_000,
    maxRetries: 3,
    maxRetryAfterSeconds: 60,
    limiter,
    clock: virtualClock(),
    random: () => 0,
    redact: (text) => text.replaceAll("secret", "[REDACTED]"),
  };
}
