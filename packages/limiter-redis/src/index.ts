/**
 * One Gong rate limit, 429 pause and daily request count, shared through Redis by every process and service of a
 * company. Pass the limiter to `createGongFlowsClient({ limiter })`.
 * @packageDocumentation
 */
export type { RedisCommands } from "./connection.js";
export { createRedisLimiter, type RedisLimiter, type RedisLimiterOptions } from "./create.js";
export { RedisLimiterError } from "./errors.js";
export type { Limiter, LimiterDecision } from "./limiter.js";
export { redactRedisUrl } from "./redact.js";
