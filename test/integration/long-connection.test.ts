// The bot with LARK_TRANSPORT=ws against the Lark double's long connection, over real
// PostgreSQL and Redis: messages, menu taps, opening the chat and card callbacks arrive as
// pbbp2 frames (every one split into parts here), are answered in response frames, and survive
// dropped sockets and a second bot process without being lost or handled twice.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../../src/app.ts";
import type { LarkDouble, LongConnectionResult, SayInput } from "../../src/double/index.ts";
import { createLogger } from "../../src/log.ts";
import { approvalCardFor, askForForm, clickCard, fund, seedBranch, submitForm, text, type Branch } from "../aid/support.ts";
import { REDIS_URL } from "../support/env.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";

// The SDK's WSClient accepts only app ids shaped like Lark's (cli_ + 16 hex digits).
const WS_APP_ID = "cli_7e57a11c0de00001";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startHarness({
    env: { LARK_TRANSPORT: "ws", LARK_APP_ID: WS_APP_ID, SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500" },
    double: {
      appId: WS_APP_ID,
      quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 20_000, perMessagePatchPerSec: 50 },
      // Reconnect at once (Lark says up to 30 s) and split every delivery into parts.
      longConnection: { reconnectNonceSec: 0, reconnectIntervalSec: 1, fragmentBytes: 300 },
    },
  });
  await h.double.waitForLongConnections(1);
  a = await seedBranch(h, "lc", { prefix: "长" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
});
afterAll(async () => h?.close());

/** say() over the long connection, typed as delivered (say() also allows "not delivered"). */
async function sayOver(d: LarkDouble, input: SayInput): Promise<LongConnectionResult & { eventId: string; messageId: string; chatId: string }> {
  const s = await d.say(input);
  if (!("status" in s)) throw new Error(`not delivered: ${s.skipped}`);
  return s as LongConnectionResult & { eventId: string; messageId: string; chatId: string };
}

const repliesTo = (messageIds: Set<string>) => h.double.messages().filter((m) => m.parent_id !== undefined && messageIds.has(m.parent_id));
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("LARK_TRANSPORT=ws", () => {
  it("takes deliveries over the long connection only: no webhook routes", async () => {
    expect(h.double.longConnections()).toHaveLength(1);
    expect((await fetch(`${h.app.url}/lark/events`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(`${h.app.url}/lark/cards`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("answers a message, and a group message only when it @s the bot", async () => {
    const said = await sayOver(h.double, { from: a.member.openId, text: "帮助" });
    expect(said).toMatchObject({ status: 200 });
    expect(said.url).toMatch(/^ws:\/\//);
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(text(reply)).toContain("能帮您做什么");

    const quiet = await h.double.say({ from: a.member.openId, text: "大家好", chatId: a.chatId, chatType: "group", mentionBot: false });
    const loud = await h.double.say({ from: a.member.openId, text: "帮助", chatId: a.chatId, chatType: "group" });
    await h.double.waitForMessage({ where: (m) => m.parent_id === loud.messageId });
    expect(await h.db.prisma.inboundEvent.count({ where: { key: `msg:${quiet.messageId}` } })).toBe(0);
  });

  it("takes a 10,000-character message in parts", async () => {
    const long = "帮".repeat(10_000);
    const said = await sayOver(h.double, { from: a.member.openId, text: long });
    expect(said.status).toBe(200);
    await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    const row = await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: `msg:${said.messageId}` } });
    expect((row.payload as { text: string }).text).toBe(long);
  });

  it("welcomes a user opening the bot chat once, and routes a menu tap to its command", async () => {
    await h.double.openP2p({ from: a.member2.openId });
    await h.double.openP2p({ from: a.member2.openId });
    await h.double.waitForMessage({ to: a.member2.openId, where: (m) => text(m).includes("欢迎使用同心") });
    await eventually(async () => (await h.db.prisma.inboundEvent.count({ where: { eventType: "im.chat.access_event.bot_p2p_chat_entered_v1", status: "DONE" } })) === 2);
    expect(h.double.messages({ to: a.member2.openId }).filter((m) => text(m).includes("欢迎使用同心"))).toHaveLength(1);

    const since = Date.now();
    const tapped = await h.double.clickMenu({ from: a.member2.openId, eventKey: "help" });
    expect(tapped.status).toBe(200);
    await h.double.waitForMessage({ to: a.member2.openId, since, where: (m) => text(m).includes("能帮您做什么") });
  });

  it("answers card callbacks in the response frame: a form submitted, an approval paid", async () => {
    const form = await askForForm(h, a.member);
    const submitted = await submitForm(h, a.member, form, { category: "ILLNESS", description: "住院手术，自付医疗费用困难", amount: "800", urgency: "URGENT" });
    expect(submitted).toMatchObject({ status: 200, cardUpdated: true });
    expect(text({ content: submitted.card })).toContain("帮扶申请已提交");
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.member.id } });

    const card = await approvalCardFor(h, a.secretary, req.number);
    const approved = await clickCard(h, a.secretary, card, "aid-approve", { amount: "800", source: "PARTY_FEE", note: "按标准补助" });
    expect(approved.status).toBe(200);
    expect(JSON.stringify(approved.toast)).toContain("已批准");
    expect(text({ content: approved.card })).toContain("✅ 已批准 800.00 元");
    expect(await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "APPROVED", approvedFen: 80000 });
    // The member is told once.
    await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(req.number) && text(m).includes("已批准") });
  });

  it("answers a frame that is not an event and writes nothing", async () => {
    const before = await h.db.prisma.inboundEvent.count();
    const r = await h.double.longConnection.deliver({ hello: "不是事件" });
    expect(r).toMatchObject({ status: 200, body: undefined });
    const card = await h.double.longConnection.deliver({ schema: "2.0", header: { event_id: "e_bad_card", event_type: "card.action.trigger" }, event: { action: {} } });
    expect(card.status).toBe(200);
    expect(await h.db.prisma.inboundEvent.count()).toBe(before);
  });
});

describe("dropped sockets", () => {
  it("loses nothing and handles nothing twice when the socket drops mid-burst", async () => {
    // The 6th answer is lost with the socket: that event was stored but Lark does not know it,
    // and sends it again with every other frame still unanswered.
    h.double.dropLongConnections({ afterAnswers: 6 });
    const said = await Promise.all(Array.from({ length: 20 }, () => sayOver(h.double, { from: a.leader.openId, text: "帮助" })));
    expect(said.map((s) => s.status)).toEqual(Array(20).fill(200));
    expect(said.filter((s) => s.attempts === 2).length).toBeGreaterThan(0);

    const ids = new Set(said.map((s) => s.messageId));
    await eventually(() => repliesTo(ids).length >= 20);
    await settle();
    expect(repliesTo(ids)).toHaveLength(20);
    expect(new Set(repliesTo(ids).map((m) => m.parent_id)).size).toBe(20);
    const rows = await h.db.prisma.inboundEvent.findMany({ where: { key: { in: [...ids].map((id) => `msg:${id}`) } }, select: { status: true } });
    expect(rows.map((r) => r.status)).toEqual(Array(20).fill("DONE"));
  });

  it("reconnects after every drop and takes what was said meanwhile", async () => {
    for (let i = 0; i < 3; i++) {
      await h.double.waitForLongConnections(1);
      expect(h.double.dropLongConnections().dropped).toBe(1);
      const said = await sayOver(h.double, { from: a.worker.openId, text: "帮助" });
      expect(said.status).toBe(200);
      await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    }
    expect(await h.double.waitForLongConnections(1)).toHaveLength(1);
  });

  it("starts a new client when the SDK gives up (the endpoint refuses it)", async () => {
    await h.double.waitForLongConnections(1);
    // 1000040350 is final for the SDK: without a new client the bot would hear nothing more.
    h.double.longConnection.refuseEndpoint({ times: 1 });
    h.double.dropLongConnections();
    const said = await sayOver(h.double, { from: a.worker.openId, text: "帮助" });
    expect(said.status).toBe(200);
    await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
  });
});

describe("two bot processes on one database and queue", () => {
  let second: App;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    second = await startApp({ config: { ...h.config, role: "web" }, db: h.db, redis, clock: h.clock, log: createLogger(h.config.logLevel) });
    await h.double.waitForLongConnections(2);
  });
  afterAll(async () => {
    await second?.close();
    redis?.disconnect();
  });

  it("gives each event to one of them and answers it once", async () => {
    const before = new Map(h.double.longConnections().map((c) => [c.id, c.answers]));
    const said = await Promise.all(Array.from({ length: 16 }, (_, i) => sayOver(h.double, { from: i % 2 ? a.member.openId : a.member2.openId, text: "帮助" })));
    expect(said.map((s) => s.status)).toEqual(Array(16).fill(200));
    const answered = h.double.longConnections().map((c) => c.answers - (before.get(c.id) ?? 0));
    expect(answered).toHaveLength(2);
    expect(answered.every((n) => n > 0)).toBe(true);

    const ids = new Set(said.map((s) => s.messageId));
    await eventually(() => repliesTo(ids).length >= 16);
    await settle();
    expect(repliesTo(ids)).toHaveLength(16);
    expect(await h.db.prisma.inboundEvent.count({ where: { key: { in: [...ids].map((id) => `msg:${id}`) }, status: "DONE" } })).toBe(16);
  });

  it("answers a card click on whichever process gets it", async () => {
    const forms = await Promise.all([askForForm(h, a.member2), askForForm(h, a.member2)]);
    const clicks = await Promise.all(forms.map((f, i) => submitForm(h, a.member2, f, { category: "LIVING", description: `生活困难，房租上涨交不起 ${i}`, amount: "100", urgency: "NORMAL" })));
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    expect(clicks.every((c) => c.cardUpdated)).toBe(true);
    expect(await h.db.prisma.aidRequest.count({ where: { personId: a.member2.id } })).toBe(2);
  });
});
