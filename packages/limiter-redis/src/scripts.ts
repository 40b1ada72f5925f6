// The Lua scripts run atomically in Redis, on Redis's own clock (TIME), so every process sees one timeline.
// Times are microseconds since the epoch. Lua would print a number of 16 digits as "1.7645e+15" (%.14g), so
// stored times go through string.format("%.0f").

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local function num(key) return tonumber(redis.call('GET', key) or '0') end
local function store(key, value, now) redis.call('SET', key, string.format('%.0f', value), 'PX', math.floor((value - now) / 1000) + 1000) end
`;

/**
 * GCRA with no burst allowance, as a reservation: the caller gets the next free start slot, no earlier than now,
 * the end of a pause, or one interval after the slot before it. Slots are handed out in call order across all
 * processes, so starts are spaced `interval` apart and a waiting crowd never bursts.
 *
 * KEYS: tat (theoretical arrival time: the next free slot), pause (until when starts are held), daily (hash: day,
 * count). ARGV: interval µs, max wait µs, daily limit (-1 for none).
 * Returns { 1, slot, now } (reserved), { 2, pauseUntil, now } (held longer than max wait),
 * { 3, resetsAt, now } (daily limit reached), or { 4, slot, now } (queue longer than max wait).
 */
export const RESERVE = `${NOW}
local interval, maxWait, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local day = math.floor(now / 86400000000)
if limit >= 0 and tonumber(redis.call('HGET', KEYS[3], 'day') or '-1') == day
  and tonumber(redis.call('HGET', KEYS[3], 'count') or '0') >= limit then
  return { 3, (day + 1) * 86400000000, now }
end
local pause = num(KEYS[2])
local slot = math.max(now, num(KEYS[1]), pause)
if slot - now > maxWait then
  if pause > now then return { 2, pause, now } end
  return { 4, slot, now }
end
store(KEYS[1], slot + interval, now)
return { 1, slot, now }
`;

/**
 * At the reserved slot: counts the start against the day unless a pause began meanwhile or the day is used up.
 * KEYS: pause, daily. ARGV: daily limit (-1 for none).
 * Returns { 1, now } (go, counted), { 2, pauseUntil, now } (a pause started after the reservation: reserve
 * again), or { 3, resetsAt, now } (daily limit reached).
 */
export const START = `${NOW}
local limit = tonumber(ARGV[1])
local pause = num(KEYS[1])
if pause > now then return { 2, pause, now } end
local day = math.floor(now / 86400000000)
if limit >= 0 then
  local count = 0
  if tonumber(redis.call('HGET', KEYS[2], 'day') or '-1') == day then
    count = tonumber(redis.call('HGET', KEYS[2], 'count') or '0')
  end
  if count >= limit then return { 3, (day + 1) * 86400000000, now } end
  redis.call('HSET', KEYS[2], 'day', string.format('%.0f', day), 'count', count + 1)
  redis.call('EXPIRE', KEYS[2], 172800)
end
return { 1, now }
`;

/**
 * A 429: holds every start until now + ms (a later pause already set stands), and moves the next free slot to the
 * pause's end so the waiting crowd restarts spaced, not in a burst.
 * KEYS: pause, tat. ARGV: ms. Returns the pause's end.
 */
export const PAUSE = `${NOW}
local ends = now + tonumber(ARGV[1]) * 1000
if num(KEYS[1]) < ends then store(KEYS[1], ends, now) end
if num(KEYS[2]) < ends then store(KEYS[2], ends, now) end
return math.max(ends, num(KEYS[1]))
`;
