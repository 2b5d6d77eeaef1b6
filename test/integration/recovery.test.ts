// Recovery at the limits: a Lark call that never answers is abandoned and retried under the same
// uuid while the other messages go out; a message whose fate is unknown past Lark's one-hour uuid
// window is failed and reported, never re-sent; a Redis that lost its data is noticed and the
// pending rows queued again without waiting for the periodic refresh.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { sentinelKey } from "../../src/jobs/redis-loss.ts";
import { FATE_UNKNOWN } from "../../src/jobs/fate.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
const users: SeededPerson[] = [];

beforeAll(async () => {
  // Calls to Lark are abandoned after half a second here (10 s in production). The periodic
  // scheduler refresh is an hour, so only the Redis-loss check can bring anything back; that
  // check is driven by the test (checkRedisLoss), its timer set far apart.
  h = await startHarness({ env: { LARK_HTTP_TIMEOUT_MS: "500", SCHEDULER_REFRESH_MS: "3600000", REDIS_LOSS_CHECK_MS: "3600000" } });
  const org = await seedOrg(h.db.prisma);
  for (let i = 0; i < 4; i++) users.push(await seedPerson(h.db.prisma, h.double, { name: `恢复${i}`, orgId: org.id, roles: [] }));
}, 60_000);
afterAll(async () => h?.close());
beforeEach(() => h.double.reset());

let n = 0;
const key = (what: string) => `rec-${what}-${n++}-${Date.now()}`;
async function stage(messages: Parameters<typeof stageOutgoing>[1], queue = true): Promise<number[]> {
  const ids = await stageOutgoing(h.db.prisma, messages);
  if (queue) await h.app.enqueue.delivery(ids);
  return ids;
}
const rowOf = (id: number) => h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
const statusIs = (id: number, status: "SENT" | "FAILED") => eventually(async () => {
  const row = await rowOf(id);
  return row.status === status ? row : undefined;
}, 20_000);
const withText = (text: string) => h.double.messages().filter((m) => JSON.stringify(m.content).includes(text));

describe("a hung Lark", () => {
  it("abandons a call that never answers, delivers the others meanwhile, and the hung one once after", async () => {
    const [firstId] = await stage([{ kind: "SEND", to: { openId: users[0]!.openId }, text: "先发一条", key: key("first") }]);
    const target = (await statusIs(firstId!, "SENT")).larkMessageId!;
    // Every request to reply to that one message hangs until the fault is cleared.
    h.double.injectFault({ kind: "hang", count: 1000, match: { method: "POST", pathPrefix: `/open-apis/im/v1/messages/${target}/reply` } });
    const [replyId] = await stage([{ kind: "REPLY", messageId: target, chatId: `oc_${users[0]!.openId}`, text: "挂起的回复", key: key("reply") }]);
    // It was tried, abandoned and tried again: at least two requests reached the hung endpoint.
    await eventually(() => 1000 - (h.double.faults()[0]?.remaining ?? 1000) >= 2, 20_000);

    const others = await stage(users.flatMap((u, i) => [1, 2, 3].map((j) => ({ kind: "SEND" as const, to: { openId: u.openId }, text: `其他消息${i}-${j}`, key: key(`other-${i}-${j}`) }))));
    for (const id of others) await statusIs(id, "SENT");
    expect((await rowOf(replyId!)).status).toBe("PENDING");
    expect(withText("挂起的回复")).toHaveLength(0);
    for (const [i] of users.entries()) for (const j of [1, 2, 3]) expect(withText(`其他消息${i}-${j}`)).toHaveLength(1);

    // Lark comes back: the held request is handled now and the next retry carries the same uuid.
    h.double.clearFaults();
    const sent = await statusIs(replyId!, "SENT");
    await eventually(() => withText("挂起的回复").length >= 1);
    // Give a late duplicate (held request and retry both landing) every chance to show.
    await new Promise((r) => setTimeout(r, 1500));
    const replies = withText("挂起的回复");
    expect(replies).toHaveLength(1);
    expect(sent.larkMessageId).toBe(replies[0]!.message_id);
  }, 60_000);
});

describe("unknown fate past Lark's dedupe window", () => {
  it("fails and reports a message first handed to Lark over 55 minutes ago, without sending it", async () => {
    const [id] = await stage([{ kind: "SEND", to: { openId: users[1]!.openId }, text: "命运不明", key: key("fate") }], false);
    // As a crash during the call leaves it: tried once, at the first attempt's time, still pending.
    await h.db.prisma.outboxMessage.update({ where: { id: id! }, data: { attempts: 1, sentAt: h.clock.now() } });
    h.clock.advance(56 * 60_000);
    await h.app.enqueue.delivery([id!]);
    const row = await statusIs(id!, "FAILED");
    expect(row.lastError).toBe(FATE_UNKNOWN);
    expect(row.attempts).toBe(1);
    expect(withText("命运不明")).toHaveLength(0);
    const metrics = await h.app.metrics.registry.metrics();
    expect(metrics).toMatch(/reason="fate_unknown"[^\n]*\s1\b/);
  });

  it("re-sends, under the same uuid, one whose first attempt is within the window", async () => {
    const [id] = await stage([{ kind: "SEND", to: { openId: users[1]!.openId }, text: "还在窗口内", key: key("fate-ok") }], false);
    await h.db.prisma.outboxMessage.update({ where: { id: id! }, data: { attempts: 1, sentAt: h.clock.now() } });
    h.clock.advance(50 * 60_000);
    await h.app.enqueue.delivery([id!]);
    const row = await statusIs(id!, "SENT");
    expect(row.attempts).toBe(2);
    expect(withText("还在窗口内")).toHaveLength(1);
  });

  it("records the first attempt before calling Lark, so a call cut off mid-way leaves its trace", async () => {
    h.double.injectFault({ kind: "hang", count: 1000, match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" } });
    const before = h.clock.now();
    const [id] = await stage([{ kind: "SEND", to: { openId: users[2]!.openId }, text: "中途断开", key: key("trace") }]);
    const row = await eventually(async () => {
      const r = await rowOf(id!);
      return r.attempts >= 1 ? r : undefined;
    });
    expect(row.status).toBe("PENDING");
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    // Past the window, the next attempt gives up on it instead of calling Lark again.
    h.clock.advance(56 * 60_000);
    const failed = await statusIs(id!, "FAILED");
    expect(failed.lastError).toBe(FATE_UNKNOWN);
    h.double.clearFaults();
  }, 30_000);
});

describe("Redis losing its data", () => {
  it("is noticed by its sentinel: schedulers restored and pending rows queued at once", async () => {
    const redis = h.app.queues.delivery.opts.connection as unknown as import("ioredis").Redis;
    // Staged but with its job lost, as a flush leaves it; nothing else would queue it for an hour.
    const [id] = await stage([{ kind: "SEND", to: { openId: users[3]!.openId }, text: "清空之后", key: key("flush") }], false);
    expect(await h.app.maintenance!.checkRedisLoss()).toBe(false);
    // What a FLUSHALL does to this bot, without touching other tests' keys on the shared server.
    const keys = await redis.keys(`${h.config.queuePrefix}:*`);
    expect(keys).toContain(sentinelKey(h.config.queuePrefix));
    await redis.del(...keys);
    expect(await h.app.queues.maintenance.getJobScheduler("recover")).toBeFalsy();

    expect(await h.app.maintenance!.checkRedisLoss()).toBe(true);
    expect(await h.app.queues.maintenance.getJobScheduler("recover")).toBeTruthy();
    await statusIs(id!, "SENT");
    expect(withText("清空之后")).toHaveLength(1);
    // Noticed once: the sentinel is back.
    expect(await h.app.maintenance!.checkRedisLoss()).toBe(false);
  }, 30_000);
});
