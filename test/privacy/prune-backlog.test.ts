// The payload prune over a year of rows already stripped (docs/privacy.md): an ordinary run
// (not at night) strips an event and a message that waited days before they were done, though
// the year's newest stripped rows came days after them; it keeps every row and key; and the keys
// of a year ago still work: Lark redelivering a year-old message is acknowledged and not handled
// again, and a digest staged again under a year-old key stages nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope, buildSignedRequest } from "../../src/double/index.ts";
import type { PruneResult } from "../../src/jobs/prune-payloads.ts";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { startHarness, TEST_LARK, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
let member: SeededPerson;
/** 10:00 in Shanghai: the 30-minute run, not one in the night. */
const NOW = new Date("2027-03-01T02:00:00Z");
const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const MARK = "隐私标记：等了几天才处理";

beforeAll(async () => {
  h = await startHarness({ clockStart: NOW });
  // The test runs the prune itself; the recovery sweep on its timer has nothing to do here.
  await h.app.maintenance!.close();
  const org = await seedOrg(h.db.prisma, "pb");
  member = await seedPerson(h.db.prisma, h.double, { name: "张三", orgId: org.id, roles: [] });
  // A year of stripped rows, one every 2 hours up to 14 hours ago, as earlier runs left them.
  await h.db.sql.exec(`
    INSERT INTO "InboundEvent" ("key", "eventType", "payload", "status", "attempts", "receivedAt", "processedAt", "prunedAt")
      SELECT 'msg:om_year_' || i, 'im.message.receive_v1', '{}', 'DONE', 1, t, t, t + interval '8 hours'
      FROM generate_series(0, 4373) i, LATERAL (SELECT TIMESTAMP '${iso(ago(365))}' + i * interval '2 hours' AS t) x;
    INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "rateKey", "msgType", "content", "status", "larkMessageId", "prunedAt", "createdAt", "updatedAt", "sentAt")
      SELECT 'talk-digest-9' || i || '-' || to_char(t, 'YYYY-MM-DD'), 'SEND', 'open_id', 'ou_year', 'ou_year', 'interactive', '{}', 'SENT', 'om_sent_' || i, t + interval '8 hours', t, t, t
      FROM generate_series(0, 4373) i, LATERAL (SELECT TIMESTAMP '${iso(ago(365))}' + i * interval '2 hours' AS t) x;
  `);
  // Received six days ago, handled (and sent) only yesterday: a worker stalled for days.
  await h.db.prisma.inboundEvent.create({ data: { key: "msg:om_waited", eventType: "im.message.receive_v1", payload: { text: MARK }, status: "DONE", receivedAt: ago(6), processedAt: ago(1) } });
  await h.db.prisma.outboxMessage.create({
    data: { idempotencyKey: "waited-card", kind: "SEND", receiveIdType: "open_id", receiveId: member.openId, rateKey: member.openId, msgType: "text", content: { text: MARK }, status: "SENT", createdAt: ago(6), sentAt: ago(1) },
  });
}, 60_000);
afterAll(async () => h?.close());

const iso = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const counts = async () => ({ inbound: await h.db.prisma.inboundEvent.count(), outbox: await h.db.prisma.outboxMessage.count() });

describe("the payload prune over a year of stripped rows", () => {
  it("strips rows done days after they came, in an ordinary run, and keeps every row", async () => {
    const before = await counts();
    const r = (await h.app.maintenance!.run("prune-payloads")) as PruneResult;
    expect(r).toEqual({ inbound: 1, outbox: 1 });
    const event = await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: "msg:om_waited" } });
    expect(event).toMatchObject({ payload: {}, status: "DONE" });
    expect(event.prunedAt).not.toBeNull();
    const card = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "waited-card" } });
    expect(card).toMatchObject({ content: {}, status: "SENT" });
    expect(await counts()).toEqual(before);
    expect(await h.app.maintenance!.run("prune-payloads")).toEqual({ inbound: 0, outbox: 0 });
  });

  it("acknowledges a year-old message Lark redelivers and does not handle it again", async () => {
    const before = await counts();
    const deliver = (messageId: string) => {
      const ctx = { appId: TEST_LARK.appId, tenantKey: "tenant_double", verificationToken: TEST_LARK.verificationToken, now: () => h.clock.now().getTime() };
      const req = buildSignedRequest(
        buildEnvelope(ctx, "im.message.receive_v1", {
          sender: { sender_id: { open_id: member.openId }, sender_type: "user" },
          message: { message_id: messageId, chat_id: "oc_pb", chat_type: "p2p", message_type: "text", content: JSON.stringify({ text: "帮助" }) },
        }),
        { encryptKey: TEST_LARK.encryptKey, now: () => h.clock.now().getTime() },
      );
      return fetch(`${h.app.url}/lark/events`, { method: "POST", headers: req.headers, body: req.body });
    };
    expect((await deliver("om_year_0")).status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: "msg:om_year_0" } })).toMatchObject({ status: "DONE", payload: {}, attempts: 1 });
    // The member writes after it and is answered; the year-old message, before it, was not (its reply would be keyed after it).
    const said = await h.double.say({ from: member.openId, text: "帮助" });
    expect("status" in said && said.status).toBe(200);
    await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId }, 10_000);
    expect(await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "msg:om_year_0#" } } })).toBe(0);
    expect(await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: "msg:om_year_0" } })).toMatchObject({ status: "DONE", attempts: 1 });
  });

  it("stages nothing under a year-old digest key", async () => {
    const key = `talk-digest-90-${iso(ago(365)).slice(0, 10)}`;
    const old = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(old.prunedAt).not.toBeNull();
    const before = await counts();
    const staged = await h.db.prisma.$transaction((tx) => stageOutgoing(tx, [{ kind: "SEND", to: { openId: member.openId }, text: { zh: "谈心谈话提醒", en: "Talks due" }, key }]));
    expect(staged).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
