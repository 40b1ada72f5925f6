/** Redis could not be reached, refused us, or failed mid-run. The message names Redis, never its password. */
export class RedisLimiterError extends Error {
  override readonly name = "RedisLimiterError";
}
