// Lark's URL check as Lark really sends it (unsigned; encrypted when the app has an Encrypt Key)
// on both webhook URLs, every other unsigned delivery refused, and the webhook's observer told
// of each outcome. Real PostgreSQL, Redis and router behind a second mount of the webhook whose
// log and observer the test reads; the double plays Lark.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope, buildSignedRequest, buildUnsignedRequest, startLarkDouble, type LarkDouble } from "../../src/double/index.ts";
import { createLogger } from "../../src/log.ts";
import { mountLarkWebhook, type WebhookOutcome } from "../../src/lark/webhook.ts";
import { openPostgres } from "../../src/store/db.ts";
import { InboxWriter } from "../../src/store/inbox.ts";
import { CREDS, startReceiver, type Receiver } from "../double/helpers.ts";
import { eventually, startHarness, TEST_LARK, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
let member: SeededPerson;
let own: { url: string; server: Server; logs: Record<string, unknown>[]; observed: [WebhookOutcome, string | undefined][] };

beforeAll(async () => {
  h = await startHarness();
  const org = await seedOrg(h.db.prisma);
  member = await seedPerson(h.db.prisma, h.double, { name: "张三", orgId: org.id, roles: [] });
  own = await mountOwnWebhook(h);
});
afterAll(async () => {
  await new Promise((r) => own?.server.close(r));
  await h?.close();
});

/** The bot's webhook on its own server, with the app's real inbox, queue and router. */
async function mountOwnWebhook(harness: Harness) {
  const logs: Record<string, unknown>[] = [];
  const observed: [WebhookOutcome, string | undefined][] = [];
  const log = createLogger("info", { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const inbox = new InboxWriter(harness.db.sql);
  const web = express();
  mountLarkWebhook(web, {
    encryptKey: TEST_LARK.encryptKey,
    verificationToken: TEST_LARK.verificationToken,
    botOpenId: () => harness.app.botOpenId,
    nowMs: () => harness.clock.now().getTime(),
    log,
    acceptEvent: (key, type, event) => inbox.accept(key, type, event),
    queueEvent: (key) => void harness.app.enqueue.inbound([key]),
    handleCardAction: (a) => harness.app.router.handleCardAction(a),
    observe: (outcome, detail) => void observed.push([outcome, detail]),
  });
  const server: Server = await new Promise((resolve) => {
    const s = web.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, logs, observed };
}

const envCtx = { appId: TEST_LARK.appId, tenantKey: "tenant_double", verificationToken: TEST_LARK.verificationToken, now: Date.now };
const challenge = (token = TEST_LARK.verificationToken) => ({ challenge: "ch-123", token, type: "url_verification" });

async function post(url: string, req: { body: string; headers: Record<string, string> }) {
  const res = await fetch(url, { method: "POST", headers: req.headers, body: req.body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function messageEnvelope(text: string) {
  return buildEnvelope(envCtx, "im.message.receive_v1", {
    sender: { sender_id: { open_id: member.openId }, sender_type: "user" },
    message: { message_id: `om_v_${Math.random().toString(36).slice(2)}`, chat_id: "oc_x", chat_type: "p2p", message_type: "text", content: JSON.stringify({ text: "帮助" }) },
  });
}

describe("the double's URL check is Lark's", () => {
  let double: LarkDouble;
  let bot: Receiver;
  beforeAll(async () => {
    bot = await startReceiver();
    double = await startLarkDouble({ ...CREDS, botEventsUrl: `${bot.url}/lark/events`, botCardsUrl: `${bot.url}/lark/cards` });
  });
  afterAll(async () => {
    await double.close();
    await bot.close();
  });

  it("sends no signature, timestamp or nonce header, and an {encrypt} body only", async () => {
    bot.answer = (r) => ({ body: { challenge: r.payload.challenge } });
    expect((await double.verifyUrl("cards")).ok).toBe(true);
    const got = bot.received.at(-1)!;
    expect(got.path).toBe("/lark/cards");
    expect(Object.keys(got.headers).filter((k) => k.startsWith("x-lark-"))).toEqual([]);
    expect(Object.keys(JSON.parse(got.raw) as object)).toEqual(["encrypt"]);
    expect(got.payload).toMatchObject({ type: "url_verification", token: CREDS.verificationToken, challenge: expect.any(String) });
  });

  it("sends it plain when the app has no Encrypt Key", async () => {
    const plain = await startLarkDouble({ ...CREDS, encryptKey: "", botEventsUrl: `${bot.url}/lark/events` });
    try {
      bot.answer = () => ({ body: {} });
      await plain.verifyUrl();
      const got = bot.received.at(-1)!;
      expect(JSON.parse(got.raw)).toEqual({ challenge: expect.any(String), token: CREDS.verificationToken, type: "url_verification" });
      expect(got.headers["x-lark-signature"]).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe("URL verification on the bot", () => {
  it.each(["events", "cards"] as const)("answers the console's unsigned, encrypted check on /lark/%s", async (target) => {
    const r = await h.double.verifyUrl(target);
    expect(r).toMatchObject({ status: 200, ok: true });
    expect(r.body).toEqual({ challenge: r.challenge });
  });

  it("still answers a signed challenge (as a test or an old double may send)", async () => {
    const r = await h.double.deliverEnvelope(challenge());
    expect(r).toMatchObject({ status: 200, body: { challenge: "ch-123" } });
  });

  it("refuses an unsigned check with a wrong token: 401, a log line and the observer told", async () => {
    const r = await post(`${own.url}/lark/events`, buildUnsignedRequest(challenge("not-the-token"), TEST_LARK.encryptKey));
    expect(r).toEqual({ status: 401, body: { error: "wrong verification token" } });
    expect(own.logs.at(-1)).toMatchObject({ level: 40, reason: "wrong_token", path: "/lark/events", msg: "refused a Lark delivery" });
    expect(own.observed.at(-1)).toEqual(["refused", "wrong_token"]);
  });

  it("refuses a plain (unencrypted) check while an Encrypt Key is configured", async () => {
    const r = await post(`${own.url}/lark/cards`, buildUnsignedRequest(challenge(), ""));
    expect(r.status).toBe(401);
    expect(r.body.error).toContain("Encrypt Key");
    expect(own.observed.at(-1)).toEqual(["refused", "not_encrypted"]);
  });

  it("refuses a check encrypted with another key", async () => {
    const r = await post(`${own.url}/lark/events`, buildUnsignedRequest(challenge(), "another-key"));
    expect(r).toEqual({ status: 401, body: { error: "signature headers missing" } });
  });

  it("refuses an unsigned body that decrypts to a real event, and writes nothing", async () => {
    const before = await h.db.prisma.inboundEvent.count();
    for (const url of [`${own.url}/lark/events`, `${h.app.url}/lark/events`, `${h.app.url}/lark/cards`]) {
      const r = await post(url, buildUnsignedRequest(messageEnvelope("帮助"), TEST_LARK.encryptKey));
      expect(r).toEqual({ status: 401, body: { error: "signature headers missing" } });
    }
    expect(own.observed.at(-1)).toEqual(["refused", "unsigned"]);
    expect(await h.db.prisma.inboundEvent.count()).toBe(before);
  });

  it("refuses unsigned bodies of any other shape", async () => {
    for (const body of ["<xml/>", "[]", "null", JSON.stringify({ hello: "world" })]) {
      const res = await fetch(`${h.app.url}/lark/events`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(401);
    }
  });
});

describe("the webhook's observer", () => {
  it("is told of each outcome with a short, fixed reason", async () => {
    own.observed.length = 0;
    const env = messageEnvelope("帮助");
    const sign = { encryptKey: TEST_LARK.encryptKey };
    expect((await post(`${own.url}/lark/events`, buildUnsignedRequest(challenge(), TEST_LARK.encryptKey))).status).toBe(200);
    expect((await post(`${own.url}/lark/events`, buildSignedRequest(env, sign))).status).toBe(200);
    expect((await post(`${own.url}/lark/events`, buildSignedRequest(env, sign))).status).toBe(200);
    expect((await post(`${own.url}/lark/events`, buildSignedRequest(env, { ...sign, signature: "0".repeat(64) }))).status).toBe(401);
    expect((await post(`${own.url}/lark/events`, buildSignedRequest(env, { ...sign, timestamp: "1000" }))).status).toBe(401);
    const wrong = messageEnvelope("帮助");
    wrong.header.token = "nope";
    expect((await post(`${own.url}/lark/events`, buildSignedRequest(wrong, sign))).status).toBe(401);
    expect((await post(`${own.url}/lark/events`, buildSignedRequest({ schema: "1.0", header: { token: TEST_LARK.verificationToken } }, sign))).status).toBe(400);
    const other = buildEnvelope(envCtx, "im.chat.updated_v1", {});
    expect((await post(`${own.url}/lark/events`, buildSignedRequest(other, sign))).status).toBe(200);
    const card = buildEnvelope(envCtx, "card.action.trigger", { operator: { open_id: member.openId }, action: { tag: "button", value: { a: "no-such-action" } }, context: {} });
    const clicked = await post(`${own.url}/lark/cards`, buildSignedRequest(card, sign));
    expect(clicked.body).toMatchObject({ toast: { type: "error" } });

    expect(own.observed).toEqual([
      ["challenge", undefined],
      ["accepted", undefined],
      ["duplicate", undefined],
      ["refused", "bad_signature"],
      ["refused", "stale"],
      ["refused", "wrong_token"],
      ["refused", "bad_schema"],
      ["accepted", "ignored"],
      ["accepted", "card"],
    ]);
    // The accepted event went through the real inbox, queue and router: answered once.
    await eventually(async () => (await h.db.prisma.inboundEvent.findUnique({ where: { key: `msg:${(env.event.message as { message_id: string }).message_id}` } }))?.status === "DONE");
  });

  it("reports an inbox that cannot store as refused: store_unavailable, and Lark gets 503 to retry", async () => {
    const observed: [WebhookOutcome, string | undefined][] = [];
    const gone = openPostgres("postgres://postgres@127.0.0.1:1/nowhere");
    const web = express();
    mountLarkWebhook(web, {
      encryptKey: TEST_LARK.encryptKey,
      verificationToken: TEST_LARK.verificationToken,
      botOpenId: () => undefined,
      nowMs: Date.now,
      log: createLogger("silent"),
      // The real inbox over a database nobody listens for: the one failure answered 503.
      acceptEvent: (key, type, event) => new InboxWriter(gone.sql).accept(key, type, event),
      queueEvent: () => undefined,
      handleCardAction: (a) => h.app.router.handleCardAction(a),
      observe: (o, d) => void observed.push([o, d]),
    });
    const server: Server = await new Promise((resolve) => {
      const s = web.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lark/events`;
      const r = await post(url, buildSignedRequest(messageEnvelope("帮助"), { encryptKey: TEST_LARK.encryptKey }));
      expect(r).toEqual({ status: 503, body: { error: "store unavailable" } });
      expect(observed).toEqual([["refused", "store_unavailable"]]);
    } finally {
      await new Promise((r) => server.close(r));
      await gone.close();
    }
  });
});
