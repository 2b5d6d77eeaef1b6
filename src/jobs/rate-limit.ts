// Sliding-window quotas in Redis, shared by every worker process: Lark counts per app and per
// receiving user or chat, and a fixed window would let twice the quota through across a
// window's edge. A send is recorded only when every window has room, atomically.
import type { Redis } from "ioredis";

const SCRIPT = `
local now = tonumber(ARGV[1])
local id = ARGV[2]
local wait = 0
local full = 0
for i = 1, #KEYS do
  local limit = tonumber(ARGV[1 + i * 2])
  local window = tonumber(ARGV[2 + i * 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    local w = tonumber(oldest[2]) + window - now
    if w > wait then
      wait = w
      full = i
    end
  end
end
if wait > 0 then return {wait, full} end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, id)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + i * 2]))
end
return {0, 0}
`;

export interface Window {
  key: string;
  /** What the window is called in metrics (its key may name a user or chat). */
  name?: string;
  limit: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  private sha: string | undefined;
  private seq = 0;
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** 0 when the send may go now (and it is counted), else the milliseconds to wait. */
  async take(windows: Window[], nowMs: number): Promise<number> {
    return (await this.check(windows, nowMs)).waitMs;
  }

  /** As take, and which window was full (the one that made the wait longest), for the metrics. */
  async check(windows: Window[], nowMs: number): Promise<{ waitMs: number; window: string | undefined }> {
    const keys = windows.map((w) => `${this.prefix}:rl:${w.key}`);
    const args = [String(nowMs), `${nowMs}-${process.pid}-${this.seq++}`, ...windows.flatMap((w) => [String(w.limit), String(w.windowMs)])];
    const [wait, full] = (await this.run(keys, args)) as [number, number];
    return { waitMs: Number(wait), window: full > 0 ? (windows[full - 1]?.name ?? windows[full - 1]?.key) : undefined };
  }

  private async run(keys: string[], args: string[]): Promise<unknown> {
    this.sha ??= (await this.redis.script("LOAD", SCRIPT)) as string;
    try {
      return await this.redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      // After a Redis restart the script cache is empty: load it again once.
      if (!(err instanceof Error) || !err.message.includes("NOSCRIPT")) throw err;
      this.sha = (await this.redis.script("LOAD", SCRIPT)) as string;
      return this.redis.evalsha(this.sha, keys.length, ...keys, ...args);
    }
  }
}
