// Deliveries to the bot: a receiver that checks the signature with crypto.ts and decrypts,
// as the bot's webhook must, looks at every envelope field the bot relies on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildEnvelope, buildSignedRequest, deliver, type LarkDouble } from "../../src/double/index.ts";
import { card2, CREDS, sdkClient, startDouble, startReceiver, type Receiver } from "./helpers.ts";

let double: LarkDouble;
let bot: Receiver;
let alice: ReturnType<LarkDouble["addUser"]>;

beforeAll(async () => {
  bot = await startReceiver();
  double = await startDouble({ botEventsUrl: `${bot.url}/lark/events`, botCardsUrl: `${bot.url}/lark/cards`, deliveryTimeoutMs: 500 });
  alice = double.addUser({ name: "Alice", mobile: "+8613800000001" });
  double.addUser({ open_id: "ou_bob", name: "Bob" });
});
afterAll(async () => {
  await double.close();
  await bot.close();
});
beforeEach(() => {
  double.reset();
  bot.received.length = 0;
  bot.answer = () => ({});
});

const payload = () => bot.received.at(-1)!.payload as { schema: string; header: Record<string, string>; event: Record<string, any> };

describe("events", () => {
  it("delivers a p2p text as a signed, encrypted im.message.receive_v1", async () => {
    const before = Date.now();
    const out = await double.say({ from: alice.open_id, text: "求助" });
    expect(out).toMatchObject({ status: 200, body: {} });
    const got = bot.received.at(-1)!;
    expect(got.path).toBe("/lark/events");
    expect(got.signatureOk).toBe(true);
    expect(got.headers["content-type"]).toMatch(/^application\/json/);
    expect(Number(got.headers["x-lark-request-timestamp"])).toBeCloseTo(Math.floor(before / 1000), -1);
    expect(Object.keys(JSON.parse(got.raw))).toEqual(["encrypt"]);
    const { schema, header, event } = payload();
    expect(schema).toBe("2.0");
    expect(header).toMatchObject({ event_id: out.eventId, event_type: "im.message.receive_v1", token: CREDS.verificationToken, app_id: CREDS.appId });
    expect(Number(header.create_time)).toBeGreaterThanOrEqual(before);
    expect(event.sender).toMatchObject({ sender_type: "user", sender_id: { open_id: alice.open_id, union_id: alice.union_id, user_id: alice.user_id } });
    expect(event.message).toMatchObject({ message_id: out.messageId, chat_id: `oc_p2p_${alice.open_id}`, chat_type: "p2p", message_type: "text", content: JSON.stringify({ text: "求助" }) });
  });

  it("gives every event a new event_id and redelivers one unchanged, freshly signed", async () => {
    const a = await double.say({ from: alice.open_id, text: "1" });
    const b = await double.say({ from: alice.open_id, text: "2" });
    expect(a.eventId).not.toBe(b.eventId);
    const again = await double.redeliver(a.eventId!);
    expect(again.eventId).toBe(a.eventId);
    const [first, , third] = bot.received;
    expect(third!.payload).toEqual(first!.payload);
    expect(third!.signatureOk).toBe(true);
    expect(third!.headers["x-lark-request-nonce"]).not.toBe(first!.headers["x-lark-request-nonce"]);
  });

  it("in a group, delivers only @-mentions of the bot, with the placeholder and mention", async () => {
    const chat = double.addChat({ name: "第一支部", members: [alice.open_id, "ou_bob"] });
    const out = await double.say({ from: "ou_bob", chatId: chat.chat_id, text: "谈心" });
    const { event } = payload();
    expect(event.message).toMatchObject({ chat_id: chat.chat_id, chat_type: "group", content: JSON.stringify({ text: "@_user_1 谈心" }) });
    expect(event.message.mentions).toEqual([{ key: "@_user_1", id: { open_id: double.botOpenId, union_id: "", user_id: "" }, name: double.botName, tenant_key: double.tenantKey }]);
    expect(out.eventId).toBeDefined();
    const quiet = await double.say({ from: "ou_bob", chatId: chat.chat_id, text: "闲聊", mentionBot: false });
    expect(quiet).toMatchObject({ skipped: expect.stringContaining("@bot") });
    expect(bot.received).toHaveLength(1);
    await expect(double.say({ from: "ou_bob", text: "x", chatType: "group" })).rejects.toThrow(/needs chatId/);
  });

  it("delivers the p2p chat entered and bot menu events", async () => {
    await double.openP2p({ from: alice.open_id });
    expect(payload().header.event_type).toBe("im.chat.access_event.bot_p2p_chat_entered_v1");
    expect(payload().event).toMatchObject({ chat_id: `oc_p2p_${alice.open_id}`, operator_id: { open_id: alice.open_id } });
    await double.clickMenu({ from: alice.open_id, eventKey: "my_talks" });
    expect(payload().header.event_type).toBe("application.bot.menu_v6");
    expect(payload().event).toMatchObject({ event_key: "my_talks", operator: { operator_id: { open_id: alice.open_id } } });
  });

  it("refuses unknown users and reports a bot that does not answer in time", async () => {
    await expect(double.say({ from: "ou_ghost", text: "x" })).rejects.toThrow(/unknown user/);
    bot.answer = () => ({ delayMs: 800 });
    const out = await double.say({ from: alice.open_id, text: "slow" });
    expect(out).toMatchObject({ status: 0, error: expect.stringContaining("500 ms") });
  });

  it("sends Lark's url_verification challenge and checks the echo", async () => {
    bot.answer = (r) => ({ body: { challenge: r.payload.challenge } });
    const ok = await double.verifyUrl();
    expect(ok.ok).toBe(true);
    expect(payload()).toMatchObject({ type: "url_verification", token: CREDS.verificationToken });
    bot.answer = () => ({ body: {} });
    expect((await double.verifyUrl("cards")).ok).toBe(false);
  });
});

describe("card callbacks", () => {
  async function sendCard() {
    const res = await sdkClient(double).im.v1.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: alice.open_id, msg_type: "interactive", content: JSON.stringify(card2("待办")) },
    });
    return res.data!.message_id!;
  }

  it("delivers card.action.trigger to the cards URL and applies the card the bot answers with", async () => {
    const messageId = await sendCard();
    bot.answer = () => ({ body: { toast: { type: "success", content: "已完成" }, card: { type: "raw", data: card2("已完成") } } });
    const out = await double.click({ from: alice.open_id, messageId, value: { action: "done", talk: 7 } });
    const got = bot.received.at(-1)!;
    expect(got.path).toBe("/lark/cards");
    expect(got.signatureOk).toBe(true);
    const { header, event } = payload();
    expect(header).toMatchObject({ event_type: "card.action.trigger", token: CREDS.verificationToken });
    expect(event).toMatchObject({
      operator: { open_id: alice.open_id, user_id: alice.user_id, union_id: alice.union_id },
      action: { tag: "button", value: { action: "done", talk: 7 }, timezone: "Asia/Shanghai" },
      host: "im_message",
      context: { open_message_id: messageId, open_chat_id: `oc_p2p_${alice.open_id}` },
    });
    expect(event.token).toMatch(/^c-/);
    expect(out).toMatchObject({ status: 200, toast: { type: "success", content: "已完成" }, cardUpdated: true });
    expect(out.card).toMatchObject({ header: { title: { content: "已完成" } } });
    const stored = double.message(messageId)!;
    expect(stored.content).toMatchObject({ header: { title: { content: "已完成" } } });
    expect(stored.history.map((h) => h.via)).toEqual(["create", "callback"]);
  });

  it("sends form values and keeps the card on {} or on a 1.0 card that may not replace a 2.0 one", async () => {
    const messageId = await sendCard();
    const out = await double.click({ from: alice.open_id, messageId, name: "submit", formValue: { reason: "生病" } });
    expect(payload().event.action).toMatchObject({ name: "submit", form_value: { reason: "生病" } });
    expect(out).toMatchObject({ cardUpdated: false });
    bot.answer = () => ({ body: { card: { type: "raw", data: { elements: [{ tag: "div" }] } } } });
    const refused = await double.click({ from: alice.open_id, messageId, value: {} });
    expect(refused).toMatchObject({ cardUpdated: false, cardError: expect.stringContaining("2.0") });
    expect(double.message(messageId)!.patches).toBe(0);
    await expect(double.click({ from: "ou_bob", messageId, value: {} })).rejects.toThrow(/cannot see/);
  });
});

describe("forged deliveries", () => {
  it("builds requests a bot must reject: bad signature, other key, stale timestamp, wrong token", async () => {
    const envelope = buildEnvelope({ appId: CREDS.appId, tenantKey: "t", verificationToken: "not-the-token", now: Date.now }, "im.message.receive_v1", {});
    await deliver(`${bot.url}/lark/events`, envelope, { encryptKey: CREDS.encryptKey, signature: "0".repeat(64) });
    expect(bot.received.at(-1)!.signatureOk).toBe(false);
    await deliver(`${bot.url}/lark/events`, envelope, { encryptKey: "another key" });
    expect(bot.received.at(-1)).toMatchObject({ signatureOk: false, payload: {} });
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    await double.deliverEnvelope(envelope, { timestamp: stale });
    expect(bot.received.at(-1)).toMatchObject({ signatureOk: true, headers: { "x-lark-request-timestamp": stale } });
    expect((bot.received.at(-1)!.payload as unknown as typeof envelope).header.token).toBe("not-the-token");
    const req = buildSignedRequest(envelope, { encryptKey: CREDS.encryptKey, timestamp: "1", nonce: "n" });
    expect(req.headers).toMatchObject({ "x-lark-request-timestamp": "1", "x-lark-request-nonce": "n" });
  });
});
