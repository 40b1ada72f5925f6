import type { LimiterDecision as ClientDecision, Limiter as ClientLimiter } from "@gong-flows/client";
import { describe, expectTypeOf, it } from "vitest";
import type { LimiterDecision, RedisLimiter } from "../src/index.js";

describe("the limiter's types", () => {
  it("a RedisLimiter is the client's Limiter, and decisions are the client's", () => {
    expectTypeOf<RedisLimiter>().toMatchTypeOf<ClientLimiter>();
    expectTypeOf<LimiterDecision>().toEqualTypeOf<ClientDecision>();
  });
});
