// Sliding-window quotas in Redis, shared by every worker process: Lark counts per app and per
// receiving user or chat, and a fixed window would let twice the quota through across a
// window's edge. A send is recorded only when every window has room, atomically.
//
// Lark counts a request when it arrives and only if it accepts it. We cannot see the arrival,
// but it lies between the moment the request left and the moment its answer came back. So a
// send takes its place when it leaves (`take`), moves it to the moment Lark answered once
// accepted (`settle`), and gives it back when Lark refused it (`release`). Counting every
// accepted send at its answer time (never earlier than Lark's count) keeps the windows exactly
// Lark's length with no margin: the next send in a full window leaves only after the answer
// to the one it replaces plus the window, so Lark never sees one more than its limit.
//
// When Lark refuses anyway (its windows may differ from ours), `hold` keeps a scope (the app,
// or one receiver) closed for as long as Lark's `x-ogw-ratelimit-reset` says, for every worker.
import type { Redis } from "ioredis";

// KEYS: the windows' sorted sets, then the hold keys. ARGV: now, member, then limit and span per window.
const TAKE = `
local now = tonumber(ARGV[1])
local id = ARGV[2]
local n = (#ARGV - 2) / 2
for i = n + 1, #KEYS do
  local until_ms = tonumber(redis.call('GET', KEYS[i]) or '0')
  if until_ms > now then return {until_ms - now, i} end
end
local wait = 0
local full = 0
for i = 1, n do
  local limit = tonumber(ARGV[1 + i * 2])
  local span = tonumber(ARGV[2 + i * 2])
  -- A send still in flight keeps its place however long it takes (Lark may count it when it
  -- arrives): only settled places leave, and an in-flight one after a minute (its worker died).
  local old = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now - span)
  for _, m in ipairs(old) do
    local taken = tonumber(string.match(m, '^f|(%d+)|'))
    if taken and now - taken < 60000 then
      redis.call('ZADD', KEYS[i], now - span + 50, m)
    else
      redis.call('ZREM', KEYS[i], m)
    end
  end
  local count = redis.call('ZCARD', KEYS[i])
  if count >= limit then
    local nth = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
    local w = tonumber(nth[2]) + span - now
    if w < 1 then w = 1 end
    if w > wait then
      wait = w
      full = i
    end
  end
end
if wait > 0 then return {wait, full} end
for i = 1, n do
  redis.call('ZADD', KEYS[i], now, id)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + i * 2]) * 2)
end
return {0, 0}
`;

// KEYS: the windows' sorted sets. ARGV: at, member (in flight: f|…), then the span per window.
const SETTLE = `
local settled = 's' .. string.sub(ARGV[2], 2)
for i = 1, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[2])
  redis.call('ZADD', KEYS[i], tonumber(ARGV[1]), settled)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + i]) * 2)
end
return 0
`;

// KEYS[1]: the hold. ARGV: until (ms since the epoch), now. A hold is only ever lengthened.
const HOLD = `
local until_ms = tonumber(ARGV[1])
local held = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ms > held then redis.call('SET', KEYS[1], ARGV[1], 'PX', until_ms - tonumber(ARGV[2]) + 1000) end
return 0
`;

// KEYS[1]: a queue of turns. ARGV: earliest, spacing, now. The next turn, at least `spacing` after the last.
const TURN = `
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local t = math.max(tonumber(ARGV[1]), last + tonumber(ARGV[2]))
redis.call('SET', KEYS[1], tostring(t), 'PX', t - tonumber(ARGV[3]) + 60000)
return t
`;

export interface Window {
  key: string;
  /** What the window is called in metrics (its key may name a user or chat). */
  name?: string;
  limit: number;
  windowMs: number;
}

export interface Taken {
  /** 0 when the send may go now (and it is counted), else the milliseconds to wait. */
  waitMs: number;
  /** Which window was full (the one that made the wait longest), or the hold that was closed. */
  window: string | undefined;
  /** The place taken in every window when waitMs is 0: settle it or release it. */
  member: string | undefined;
}

export class SlidingWindowLimiter {
  private readonly shas = new Map<string, string>();
  private seq = 0;
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** 0 when the send may go now (and it is counted), else the milliseconds to wait. */
  async take(windows: Window[], nowMs: number): Promise<number> {
    return (await this.check(windows, nowMs)).waitMs;
  }

  /**
   * Takes a place in every window if all have room and no hold is closed. `holds` name scopes
   * (see `hold`) whose closing also stops this send.
   */
  async check(windows: Window[], nowMs: number, holds: string[] = []): Promise<Taken> {
    // "f|<taken at>|…" while in flight; settling renames it "s|…".
    const member = `f|${nowMs}|${process.pid}-${this.seq++}`;
    const keys = [...windows.map((w) => this.key(w.key)), ...holds.map((h) => this.holdKey(h))];
    const args = [String(nowMs), member, ...windows.flatMap((w) => [String(w.limit), String(w.windowMs)])];
    const [wait, full] = (await this.run(TAKE, keys, args)) as [number, number];
    if (Number(wait) > 0) {
      // A receiver's hold is named for its kind, not its key (which names a person or chat).
      const hold = holds[full - windows.length - 1];
      const window = full > windows.length ? `hold:${hold?.startsWith("t:") ? "target" : hold}` : (windows[full - 1]?.name ?? windows[full - 1]?.key);
      return { waitMs: Number(wait), window, member: undefined };
    }
    return { waitMs: 0, window: undefined, member };
  }

  /** Lark accepted the send: its place counts from the answer, the latest moment Lark can have counted it. */
  async settle(windows: Window[], member: string, atMs: number): Promise<void> {
    await this.run(SETTLE, windows.map((w) => this.key(w.key)), [String(atMs), member, ...windows.map((w) => String(w.windowMs))]);
  }

  /** Lark refused the send (it did not count it): its place is given back in every window. */
  async release(windows: Window[], member: string): Promise<void> {
    const tx = this.redis.multi();
    for (const w of windows) tx.zrem(this.key(w.key), member);
    await tx.exec();
  }

  /** Closes a scope (`app`, or `t:<target>`) to every worker until `untilMs`, as Lark's reset header says. */
  async hold(scope: string, untilMs: number, nowMs: number): Promise<void> {
    await this.run(HOLD, [this.holdKey(scope)], [String(Math.round(untilMs)), String(nowMs)]);
  }

  /**
   * The next turn in a queue of waiters (a receiver's messages beyond its window): at least
   * `earliestMs`, and `spacingMs` after the turn handed out before, so waiters wake one by one
   * instead of all at the moment a place frees.
   */
  async turn(queue: string, earliestMs: number, spacingMs: number, nowMs: number): Promise<number> {
    return Number(await this.run(TURN, [`${this.prefix}:rl:turn:${queue}`], [String(Math.round(earliestMs)), String(spacingMs), String(nowMs)]));
  }

  private key(k: string): string {
    return `${this.prefix}:rl:${k}`;
  }

  private holdKey(scope: string): string {
    return `${this.prefix}:rl:hold:${scope}`;
  }

  private async run(script: string, keys: string[], args: string[]): Promise<unknown> {
    let sha = this.shas.get(script);
    if (!sha) this.shas.set(script, (sha = (await this.redis.script("LOAD", script)) as string));
    try {
      return await this.redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      // After a Redis restart the script cache is empty: load it again once.
      if (!(err instanceof Error) || !err.message.includes("NOSCRIPT")) throw err;
      this.shas.set(script, (sha = (await this.redis.script("LOAD", script)) as string));
      return this.redis.evalsha(sha, keys.length, ...keys, ...args);
    }
  }
}
