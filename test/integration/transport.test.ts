// The messenger loop over real PostgreSQL, Redis and the Lark double: what Lark delivers is
// verified, stored once, answered once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope, buildSignedRequest } from "../../src/double/index.ts";
import { eventually, startHarness, TEST_LARK, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
let member: SeededPerson;

beforeAll(async () => {
  h = await startHarness();
  const org = await seedOrg(h.db.prisma);
  member = await seedPerson(h.db.prisma, h.double, { name: "张三", orgId: org.id, roles: [] });
});
afterAll(async () => h?.close());

const count = async (table: "inboundEvent" | "outboxMessage" | "auditLog") => (h.db.prisma[table] as { count(): Promise<number> }).count();

const envCtx = { appId: TEST_LARK.appId, tenantKey: "tenant_double", verificationToken: TEST_LARK.verificationToken, now: Date.now };

async function post(path: string, req: { body: string; headers: Record<string, string> }) {
  return fetch(`${h.app.url}${path}`, { method: "POST", headers: req.headers, body: req.body });
}

function messageEnvelope(text: string) {
  return buildEnvelope(envCtx, "im.message.receive_v1", {
    sender: { sender_id: { open_id: member.openId }, sender_type: "user" },
    message: { message_id: `om_forged_${Math.random()}`, chat_id: "oc_x", chat_type: "p2p", message_type: "text", content: JSON.stringify({ text }) },
  });
}

describe("webhook verification", () => {
  it("answers the URL challenge", async () => {
    const r = await h.double.verifyUrl("events");
    expect(r.status).toBe(200);
    expect(r.ok).toBe(true);
  });

  it.each([
    ["a forged signature", { signature: "0".repeat(64) }],
    ["a wrong encrypt key", { encryptKey: "not-the-key" }],
    ["a stale timestamp", { timestamp: String(Math.floor(Date.now() / 1000) - 6 * 60) }],
  ])("rejects %s with 401 and writes nothing", async (_name, opts) => {
    const before = await Promise.all([count("inboundEvent"), count("outboxMessage")]);
    const req = buildSignedRequest(messageEnvelope("帮助"), { encryptKey: TEST_LARK.encryptKey, ...opts });
    const res = await post("/lark/events", req);
    expect(res.status).toBe(401);
    expect(await Promise.all([count("inboundEvent"), count("outboxMessage")])).toEqual(before);
  });

  it("rejects a wrong verification token with 401 and writes nothing", async () => {
    const before = await count("inboundEvent");
    const env = messageEnvelope("帮助");
    (env.header as { token: string }).token = "wrong-token";
    const res = await post("/lark/events", buildSignedRequest(env, { encryptKey: TEST_LARK.encryptKey }));
    expect(res.status).toBe(401);
    expect(await count("inboundEvent")).toBe(before);
  });

  it("answers a body over 1 MB with 413 and writes nothing", async () => {
    const before = await count("inboundEvent");
    const res = await fetch(`${h.app.url}/lark/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ encrypt: "x".repeat(1024 * 1024 + 1) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "body over 1048576 bytes" });
    expect(await count("inboundEvent")).toBe(before);
  });

  it("rejects a forged card callback with 401", async () => {
    const env = buildEnvelope(envCtx, "card.action.trigger", { operator: { open_id: member.openId }, action: { value: { a: "x" } }, context: {} });
    const res = await post("/lark/cards", buildSignedRequest(env, { encryptKey: TEST_LARK.encryptKey, signature: "f".repeat(64) }));
    expect(res.status).toBe(401);
  });
});

describe("commands", () => {
  it("answers 帮助 with a help card to that user", async () => {
    const said = await h.double.say({ from: member.openId, text: "帮助" });
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(reply.msg_type).toBe("interactive");
    expect(reply.chat_id).toBe(said.chatId);
    expect(JSON.stringify(reply.content)).toContain("能帮您做什么");
  });

  it("handles the same event delivered three times once", async () => {
    const said = await h.double.say({ from: member.openId, text: "help" });
    if (!said.eventId) throw new Error("not delivered");
    await h.double.redeliver(said.eventId);
    await h.double.redeliver(said.eventId);
    await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    await new Promise((r) => setTimeout(r, 500));
    expect(h.double.messages().filter((m) => m.parent_id === said.messageId)).toHaveLength(1);
    expect(await h.db.prisma.inboundEvent.count({ where: { key: `msg:${said.messageId}` } })).toBe(1);
  });

  it("ignores group chatter without @bot, answers @bot", async () => {
    const chat = h.double.addChat({ name: "第一党支部群", members: [member.openId] });
    const quiet = await h.double.say({ from: member.openId, text: "大家好", chatId: chat.chat_id, chatType: "group", mentionBot: false });
    const loud = await h.double.say({ from: member.openId, text: "帮助", chatId: chat.chat_id, chatType: "group", mentionBot: true });
    await h.double.waitForMessage({ where: (m) => m.parent_id === loud.messageId });
    expect(await h.db.prisma.inboundEvent.count({ where: { key: `msg:${quiet.messageId}` } })).toBe(0);
    expect(h.double.messages().filter((m) => m.parent_id === quiet.messageId)).toHaveLength(0);
  });

  it("gives a stranger a polite answer and writes nothing about them", async () => {
    const stranger = h.double.addUser({ name: "路人甲", mobile: "13900000000" });
    const people = await h.db.prisma.person.count();
    const audits = await count("auditLog");
    const said = await h.double.say({ from: stranger.open_id, text: "帮助" });
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(JSON.stringify(reply.content)).toContain("名册");
    expect(await h.db.prisma.person.count()).toBe(people);
    expect(await count("auditLog")).toBe(audits);
  });

  it("welcomes a user opening the bot chat once", async () => {
    await h.double.openP2p({ from: member.openId });
    await h.double.openP2p({ from: member.openId });
    const welcome = await h.double.waitForMessage({ to: member.openId, where: (m) => JSON.stringify(m.content).includes("欢迎使用同心") });
    expect(welcome.msg_type).toBe("interactive");
    await eventually(async () => (await h.db.prisma.inboundEvent.count({ where: { eventType: "im.chat.access_event.bot_p2p_chat_entered_v1", status: "DONE" } })) === 2);
    expect(h.double.messages().filter((m) => JSON.stringify(m.content).includes("欢迎使用同心"))).toHaveLength(1);
  });

  it("routes a bot menu click to the same command", async () => {
    const since = Date.now();
    await h.double.clickMenu({ from: member.openId, eventKey: "help" });
    const m = await h.double.waitForMessage({ to: member.openId, since, where: (x) => JSON.stringify(x.content).includes("能帮您做什么") });
    expect(m.msg_type).toBe("interactive");
  });
});
