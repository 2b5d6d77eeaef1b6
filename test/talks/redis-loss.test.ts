// Nothing lost, nothing twice: Redis is emptied while a sweep's digests are queued and some
// are on their way to Lark. The schedulers come back on their own, the scheduler firing again
// stages nothing new (keys are leader + day), the recovery sweep re-queues what was still
// pending in PostgreSQL, and every leader ends up with exactly one digest.
//
// Other test files share this Redis server, so the default test deletes only this harness's
// keys (its queue prefix): the same loss, as far as this bot can tell, without wiping anyone
// else's queues. The real FLUSHALL runs only when TEST_ALLOW_FLUSHALL=1, against a Redis of
// its own, e.g.:
//   redis-server --port 6391 --save "" --daemonize yes
//   TEST_REDIS_URL=redis://127.0.0.1:6391 TEST_ALLOW_FLUSHALL=1 npx vitest run test/talks/redis-loss.test.ts
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Harness } from "../support/harness.ts";
import { REDIS_URL } from "../support/env.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { addTalk, at, listedMembers, seedTalkBranch, setLeader, staged, startTalkHarness, type TalkBranch } from "./support.ts";
import { dateWords } from "../../src/domain/date-words.ts";

const LEADERS = 12;
let h: Harness;
let b: TalkBranch;
let redis: Redis;
const leaders: SeededPerson[] = [];
const members: SeededPerson[] = [];

beforeAll(async () => {
  // The schedulers are re-upserted every 300 ms here (a minute in production).
  h = await startTalkHarness({ clockStart: at("2027-03-01", "09:00"), env: { SCHEDULER_REFRESH_MS: "300" } });
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  b = await seedTalkBranch(h, { code: "rl", memberNames: [], since: "2020-01-01", staffTalkOn: "2027-01-04" });
  for (let i = 0; i < LEADERS; i++) {
    const leader = await seedPerson(h.db.prisma, h.double, { name: `rl领导${i + 1}`, orgId: b.orgId, roles: ["LEADER"] });
    const member = await seedPerson(h.db.prisma, h.double, { name: `rl党员${i + 1}`, orgId: b.orgId, roles: [] });
    await setLeader(h, leader.id, b.secretary.id);
    await addTalk(h, { orgId: b.orgId, memberId: leader.id, leaderId: b.secretary.id, heldOn: "2027-01-04" });
    await setLeader(h, member.id, leader.id);
    // Due on 2027-03-05, so listed in the digests of the first days of March.
    await addTalk(h, { orgId: b.orgId, memberId: member.id, leaderId: leader.id, heldOn: "2026-03-05" });
    leaders.push(leader);
    members.push(member);
  }
}, 60_000);
afterAll(async () => {
  redis?.disconnect();
  await h?.close();
});

const digestsTo = (openId: string, day: string) => h.double.messages({ to: openId }).filter((m) => JSON.stringify(m.content).includes(`谈心谈话提醒 · ${dateWords(day, day).zh}`));

/**
 * A delivery job that was running when its keys vanished cannot be moved to "completed": BullMQ
 * raises "Lock mismatch" / "Missing key" / "not in the active state" on the worker, and with no "error" listener on the
 * delivery worker (src/jobs/delivery-worker.ts) it writes them to console.error. They are the
 * expected trace of the loss here (the outbox row is the record), so only they are let through.
 */
async function toleratingLostJobErrors<T>(fn: () => Promise<T>): Promise<T> {
  const report = console.error;
  const expected = /Lock mismatch for job|Missing key for job|Missing lock for job|is not in the active state/;
  console.error = (...args: unknown[]) => {
    if (!args.some((a) => expected.test(String(a)))) report(...args);
  };
  try {
    return await fn();
  } finally {
    console.error = report;
  }
}

async function loseRedisMidRun(day: string, wipe: () => Promise<void>): Promise<void> {
  await toleratingLostJobErrors(() => scenario(day, wipe));
}

async function scenario(day: string, wipe: () => Promise<void>): Promise<void> {
  h.clock.set(at(day, "09:00"));
  // Lark answers the first sends slowly, so some deliveries are in flight when Redis goes.
  h.double.injectFault({ kind: "slow", delayMs: 1500, count: 3, match: { pathPrefix: "/open-apis/im/v1/messages" } });
  // The scheduler fires: the sweep runs in the maintenance worker, as in production.
  await h.app.queues.maintenance.add("talk-sweep", { task: "talk-sweep" });
  await eventually(async () => (await staged(h, "talk-digest-")).filter((r) => r.key.endsWith(day)).length === LEADERS);
  await eventually(() => h.double.messages().length > 0 || h.double.faults().length < 3);

  await wipe();

  // The refresher puts the schedulers back without a restart.
  await eventually(async () => !!(await h.app.queues.maintenance.getJobScheduler("talk-sweep")) && !!(await h.app.queues.maintenance.getJobScheduler("recover")));
  // The sweep fires again (the 11:00 catch-up): every digest exists already, nothing is staged twice.
  h.clock.set(at(day, "11:00"));
  const again = await h.app.queues.maintenance.add("talk-sweep", { task: "talk-sweep" });
  await eventually(async () => (await again.getState()) === "completed" || (await h.app.queues.maintenance.getJob(again.id!)) === undefined, 15_000);
  expect((await staged(h, "talk-digest-")).filter((r) => r.key.endsWith(day))).toHaveLength(LEADERS);

  // The restored "recover" scheduler re-queues what Redis lost; every leader gets exactly one digest.
  await eventually(async () => (await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { endsWith: day }, status: "SENT" } })) === LEADERS, 40_000);
  await eventually(() => leaders.every((l) => digestsTo(l.openId, day).length === 1), 10_000);
  for (const [i, l] of leaders.entries()) {
    const got = digestsTo(l.openId, day);
    expect(got, l.name).toHaveLength(1);
    expect(listedMembers(got[0]!.content)).toEqual([members[i]!.id]);
  }
}

describe("Redis emptied in the middle of a run", () => {
  it("loses no reminder and sends none twice (this bot's keys deleted)", async () => {
    await loseRedisMidRun("2027-03-01", async () => {
      const keys = await redis.keys(`${h.config.queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    });
  }, 90_000);

  it.runIf(process.env.TEST_ALLOW_FLUSHALL === "1")("loses no reminder and sends none twice (FLUSHALL)", async () => {
    await loseRedisMidRun("2027-03-02", async () => {
      await redis.flushall();
    });
  }, 90_000);
});
