// Inbound events travel to the worker a burst per job (everything the webhook accepted in one
// tick). A burst must cost nothing in correctness: each event answered once, and one event
// whose handler fails must not hold back or repeat the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobIdFor } from "../../src/jobs/queues.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
let member: SeededPerson;

beforeAll(async () => {
  h = await startHarness();
  const org = await seedOrg(h.db.prisma);
  member = await seedPerson(h.db.prisma, h.double, { name: "李四", orgId: org.id, roles: [] });
});
afterAll(async () => h?.close());

describe("inbound bursts", () => {
  it("answers each of many messages delivered at once exactly once", async () => {
    const said = await Promise.all(Array.from({ length: 12 }, () => h.double.say({ from: member.openId, text: "帮助" })));
    const ids = new Set(said.map((s) => s.messageId));
    await eventually(() => h.double.messages().filter((m) => m.parent_id && ids.has(m.parent_id)).length >= 12);
    await new Promise((r) => setTimeout(r, 300));
    const replies = h.double.messages().filter((m) => m.parent_id && ids.has(m.parent_id));
    expect(replies).toHaveLength(12);
    expect(new Set(replies.map((m) => m.parent_id)).size).toBe(12);
    const rows = await h.db.prisma.inboundEvent.findMany({ where: { key: { in: said.map((s) => `msg:${s.messageId}`) } }, select: { status: true } });
    expect(rows.map((r) => r.status)).toEqual(Array(12).fill("DONE"));
  });

  it("processes the rest of a burst when one event's handler fails, and retries only that one", async () => {
    const good = await h.double.say({ from: member.openId, text: "帮助" });
    await h.double.waitForMessage({ where: (m) => m.parent_id === good.messageId });
    // A row no handler can read (as a corrupted payload would be), queued ahead of a good one.
    const goodKey = "msg:om_burst_good";
    const badKey = "msg:om_burst_bad";
    const payload = (await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: `msg:${good.messageId}` } })).payload as Record<string, unknown>;
    await h.db.prisma.inboundEvent.createMany({
      data: [
        { key: badKey, eventType: "im.message.receive_v1", payload: "not an event" },
        { key: goodKey, eventType: "im.message.receive_v1", payload: { ...payload, key: goodKey, messageId: "om_burst_good" } },
      ],
    });
    await h.app.enqueue.inbound([badKey, goodKey]);

    const job = await eventually(async () => {
      const j = await h.app.queues.inbound.getJob(jobIdFor.inbound([badKey, goodKey]));
      return j && j.attemptsMade >= 1 ? j : undefined;
    });
    expect(job.failedReason).toMatch(/^1 of 2 events failed/);
    const rows = await h.db.prisma.inboundEvent.findMany({ where: { key: { in: [badKey, goodKey] } }, orderBy: { key: "asc" }, select: { key: true, status: true } });
    expect(rows).toEqual([
      { key: badKey, status: "PENDING" },
      { key: goodKey, status: "DONE" },
    ]);
    // Its answer was staged once (the double knows no message om_burst_good to reply to).
    expect(await h.db.prisma.outboxMessage.count({ where: { targetMessageId: "om_burst_good" } })).toBe(1);
  });

  it("gives the same burst the same job id, so a sweep that finds it still queued adds nothing", () => {
    expect(jobIdFor.inbound(["msg:a", "msg:b"])).toBe(jobIdFor.inbound(["msg:a", "msg:b"]));
    expect(jobIdFor.inbound(["msg:a", "msg:b"])).not.toBe(jobIdFor.inbound(["msg:b", "msg:a"]));
    expect(jobIdFor.inbound(["msg:a"])).not.toContain(":");
  });
});
