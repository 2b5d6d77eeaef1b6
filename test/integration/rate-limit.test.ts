// The bot's own quota windows over the real Redis: a place is taken when a send leaves, moved to
// Lark's answer when accepted, given back when Lark refused, and a hold closes a scope to all.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlidingWindowLimiter, type Window } from "../../src/jobs/rate-limit.ts";
import { REDIS_URL } from "../support/env.ts";

let redis: Redis;
const prefix = `rl${randomBytes(4).toString("hex")}`;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

let n = 0;
/** A fresh set of windows (own keys): 2 per second for the app, 1 per second for the receiver. */
function windows(): Window[] {
  const id = n++;
  return [
    { key: `app-${id}`, name: "app", limit: 2, windowMs: 1000 },
    { key: `t-${id}`, name: "target", limit: 1, windowMs: 1000 },
  ];
}

describe("sliding-window limiter", () => {
  it("a refused send gives back its place: the next take goes without waiting", async () => {
    const limiter = new SlidingWindowLimiter(redis, prefix);
    const w = windows();
    const now = Date.now();
    const first = await limiter.check(w, now);
    expect(first.waitMs).toBe(0);
    expect(first.member).toBeDefined();
    // The receiver's window (1/s) is full now: a second send would wait.
    const blocked = await limiter.check(w, now + 1);
    expect(blocked.waitMs).toBeGreaterThan(0);
    expect(blocked.window).toBe("target");
    expect(blocked.member).toBeUndefined();
    // Lark refused the first: it gives its place back in both windows.
    await limiter.release(w, first.member!);
    const again = await limiter.check(w, now + 2);
    expect(again.waitMs).toBe(0);
    expect(await redis.zcard(`${prefix}:rl:${w[0]!.key}`)).toBe(1);
    expect(await redis.zcard(`${prefix}:rl:${w[1]!.key}`)).toBe(1);
  });

  it("without the give-back the place stays taken", async () => {
    const limiter = new SlidingWindowLimiter(redis, prefix);
    const w = windows();
    const now = Date.now();
    expect((await limiter.check(w, now)).waitMs).toBe(0);
    expect((await limiter.check(w, now + 2)).waitMs).toBe(998);
  });

  it("an accepted send counts from Lark's answer, so the window is exactly Lark's", async () => {
    const limiter = new SlidingWindowLimiter(redis, prefix);
    const w = windows();
    const now = Date.now();
    const sent = await limiter.check(w, now);
    // Answered 40 ms later: Lark counted it at most then, so the next may leave 1000 ms after that.
    await limiter.settle(w, sent.member!, now + 40);
    expect((await limiter.check(w, now + 1000)).waitMs).toBe(40);
    expect((await limiter.check(w, now + 1040)).waitMs).toBe(0);
  });

  it("a send still in flight after a whole window keeps its place until it is answered", async () => {
    const limiter = new SlidingWindowLimiter(redis, prefix);
    const w = windows();
    const now = Date.now();
    const sent = await limiter.check(w, now);
    // 1.5 s later, no answer yet: Lark may still count it, so the receiver's window stays full.
    expect((await limiter.check(w, now + 1500)).waitMs).toBe(50);
    await limiter.settle(w, sent.member!, now + 1600);
    expect((await limiter.check(w, now + 2500)).waitMs).toBe(100);
    expect((await limiter.check(w, now + 2600)).waitMs).toBe(0);
  });

  it("counts the oldest place that must free: the limit-th from the newest", async () => {
    const limiter = new SlidingWindowLimiter(redis, prefix);
    const w: Window[] = [{ key: `app-${n++}`, limit: 2, windowMs: 1000 }];
    const now = Date.now();
    for (const at of [now, now + 100, now + 200]) {
      const r = await limiter.check(w, at);
      if (r.waitMs > 0) await limiter.check(w, at + r.waitMs);
    }
    // Places at now, now+100, then the third waited for the first to leave (now+1000).
    expect(await redis.zcard(`${prefix}:rl:${w[0]!.key}`)).toBe(2);
    expect((await limiter.check(w, now + 1050)).waitMs).toBe(50);
  });

  it("a hold closes the scope to every limiter until it ends, and is only lengthened", async () => {
    const a = new SlidingWindowLimiter(redis, prefix);
    const b = new SlidingWindowLimiter(redis, prefix);
    const w = windows();
    const scope = `app-hold-${n++}`;
    const now = Date.now();
    await a.hold(scope, now + 3000, now);
    await a.hold(scope, now + 1000, now);
    const held = await b.check(w, now + 500, [scope]);
    expect(held).toMatchObject({ waitMs: 2500, window: `hold:${scope}` });
    expect((await b.check(w, now + 3000, [scope])).waitMs).toBe(0);
  });

  it("turns in a queue are handed out one spacing apart", async () => {
    const limiter = new SlidingWindowLimiter(redis, prefix);
    const q = `q-${n++}`;
    const now = Date.now();
    const turns = [];
    for (let i = 0; i < 4; i++) turns.push(await limiter.turn(q, now + 500, 203, now));
    expect(turns).toEqual([now + 500, now + 703, now + 906, now + 1109]);
  });
});
