// Sliding-window quotas in Redis, shared by every worker process: Lark counts per app and per
// receiving user or chat, and a fixed window would let twice the quota through across a
// window's edge. A send is recorded only when every window has room, atomically.
import type { Redis } from "ioredis";

const SCRIPT = `
local now = tonumber(ARGV[1])
local id = ARGV[2]
local wait = 0
for i = 1, #KEYS do
  local limit = tonumber(ARGV[1 + i * 2])
  local window = tonumber(ARGV[2 + i * 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    local w = tonumber(oldest[2]) + window - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, id)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 + i * 2]))
end
return 0
`;

export interface Window {
  key: string;
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
    const keys = windows.map((w) => `${this.prefix}:rl:${w.key}`);
    const args = [String(nowMs), `${nowMs}-${process.pid}-${this.seq++}`, ...windows.flatMap((w) => [String(w.limit), String(w.windowMs)])];
    this.sha ??= (await this.redis.script("LOAD", SCRIPT)) as string;
    try {
      return Number(await this.redis.evalsha(this.sha, keys.length, ...keys, ...args));
    } catch (err) {
      // After a Redis restart the script cache is empty: load it again once.
      if (!(err instanceof Error) || !err.message.includes("NOSCRIPT")) throw err;
      this.sha = (await this.redis.script("LOAD", SCRIPT)) as string;
      return Number(await this.redis.evalsha(this.sha, keys.length, ...keys, ...args));
    }
  }
}
