// Any text Lark can deliver is stored and answered, or refused with a clear toast: U+0000 (which
// PostgreSQL's jsonb and text refuse), lone surrogates, very long text, NUL in a card form, deep
// nesting in a signed card value. And one row the database refuses never fails the others
// written with it.
import { opened } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope } from "../../src/double/index.ts";
import { encryptEvent, signEvent } from "../../src/lark/crypto.ts";
import { InboxWriter } from "../../src/store/inbox.ts";
import { askForForm, seedBranch, submitForm, type Branch } from "../aid/support.ts";
import { eventually, startHarness, TEST_LARK, type Harness } from "../support/harness.ts";

let h: Harness;
let b: Branch;

beforeAll(async () => {
  // 31 replies land in one chat at once; Lark's 5/s per chat would only make the test slow. And
  // Lark's 3 s answer limit is a matter for the benchmark: here the machine may be busy.
  h = await startHarness({
    env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500" },
    double: { quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 20_000, perMessagePatchPerSec: 50 }, deliveryTimeoutMs: 30_000 },
  });
  b = await seedBranch(h, "P01", { prefix: "毒" });
});
afterAll(async () => h?.close());

const repliesTo = (messageId: string) => h.double.messages().filter((m) => m.parent_id === messageId);
const inboxRow = (messageId: string) => h.db.prisma.inboundEvent.findUnique({ where: { key: `msg:${messageId}` } });
const toastText = (t: unknown) => (t as { content?: string } | undefined)?.content ?? "";

describe("messages PostgreSQL could not store as sent", () => {
  it("answers 31 concurrent deliveries, one with U+0000, each 200 and each processed once", async () => {
    const texts = Array.from({ length: 31 }, (_, i) => (i === 17 ? "帮\u0000助" : "帮助"));
    const said = await Promise.all(texts.map((text) => h.double.say({ from: b.member.openId, text })));
    expect(said.map((s) => ("status" in s ? (s.error ?? s.status) : s.skipped))).toEqual(texts.map(() => 200));

    await eventually(async () => (await h.db.prisma.inboundEvent.count({ where: { key: { in: said.map((s) => `msg:${s.messageId}`) }, status: "DONE" } })) === 31, 20_000);
    await eventually(() => said.every((s) => repliesTo(s.messageId).length >= 1), 20_000);
    // Let any second answer, were there one, arrive before counting.
    await new Promise((r) => setTimeout(r, 500));
    expect(said.map((s) => repliesTo(s.messageId).length)).toEqual(texts.map(() => 1));

    const poison = await inboxRow(said[17]!.messageId);
    expect((poison?.payload as { text: string }).text).toBe("帮\ufffd助");
    // Stored as U+FFFD it is no command: the member is told so, in the words they sent.
    expect(JSON.stringify(repliesTo(said[17]!.messageId)[0]!.content)).toContain("没有听懂「帮\ufffd助」");
  });

  it("stores and answers a text with lone surrogates", async () => {
    const said = await h.double.say({ from: b.member.openId, text: "求\ud800助\udfff😀" });
    expect("status" in said && said.status).toBe(200);
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(JSON.stringify(reply.content)).toContain("没有听懂");
    expect(((await inboxRow(said.messageId))?.payload as { text: string }).text).toBe("求\ufffd助\ufffd😀");
  });

  it("stores and answers a 10,000-character text", async () => {
    const long = "谈".repeat(10_000);
    const said = await h.double.say({ from: b.member.openId, text: long });
    expect("status" in said && said.status).toBe(200);
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(JSON.stringify(reply.content)).toContain("没有听懂");
    expect(((await inboxRow(said.messageId))?.payload as { text: string }).text).toBe(long);
  });
});

describe("the inbox writer", () => {
  it("fails only the row PostgreSQL refuses, not the others written with it", async () => {
    // Straight to the writer, past the webhook's sanitising: what a new path that forgot it would write.
    const inbox = new InboxWriter(h.db.sql);
    const keys = Array.from({ length: 8 }, (_, i) => `test:poison-batch-${i}`);
    const results = await Promise.allSettled(keys.map((key, i) => inbox.accept(key, "im.message.receive_v1", { text: i === 3 ? "a\u0000b" : `row ${i}` })));
    expect(results.map((r) => r.status)).toEqual(keys.map((_, i) => (i === 3 ? "rejected" : "fulfilled")));
    expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value)).toEqual(keys.slice(1).map(() => true));
    const stored = await h.db.prisma.inboundEvent.findMany({ where: { key: { in: keys } }, select: { key: true } });
    expect(stored.map((r) => r.key).sort()).toEqual(keys.filter((_, i) => i !== 3).sort());
    // A key already stored is still a redelivery (false), and the refused one stays refused.
    const again = await Promise.allSettled([inbox.accept(keys[0]!, "x", {}), inbox.accept(keys[3]!, "x", { text: "\u0000" })]);
    expect(again.map((r) => (r.status === "fulfilled" ? r.value : "rejected"))).toEqual([false, "rejected"]);
  });
});

describe("card callbacks", () => {
  it("takes a NUL in a form value: the request is filed, no 系统繁忙", async () => {
    const form = await askForForm(h, b.member2);
    const click = await submitForm(h, b.member2, form, { category: "ILLNESS", description: "住院\u0000手术，自付医疗费用困难", amount: "800", urgency: "URGENT" });
    expect(click.status).toBe(200);
    expect(toastText(click.toast)).not.toContain("系统繁忙");
    expect(JSON.stringify(click.card)).toContain("帮扶申请已提交");
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: b.member2.id }, orderBy: { id: "desc" } });
    expect(opened("AidRequest", req).description).toBe("住院\ufffd手术，自付医疗费用困难");
  });

  it("refuses a signed value nested 100,000 deep with a toast that says why, and stores nothing", async () => {
    const eventId = `ev_deep_${Date.now()}`;
    const before = await h.db.prisma.inboundEvent.count();
    const r = await deliverRawCard(eventId, `{"a":"aid-submit","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(r.status).toBe(200);
    expect(toastText(r.body.toast)).toContain("嵌套层级过深");
    expect(await h.db.prisma.inboundEvent.count()).toBe(before);
    // And the bot goes on answering.
    const said = await h.double.say({ from: b.member.openId, text: "帮助" });
    await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
  });

  it("refuses deep nesting in a form value the same way", async () => {
    const r = await deliverRawCard(`ev_deepform_${Date.now()}`, `{"a":"aid-submit"}`, `{"description":${"{\"k\":".repeat(50)}"x"${"}".repeat(50)}}`);
    expect(toastText(r.body.toast)).toContain("嵌套层级过深");
  });
});

/**
 * A card callback signed as Lark signs it, with a value written as raw JSON text: JSON.stringify
 * cannot build a value this deep (it runs out of stack), but Lark's JSON can carry it.
 */
async function deliverRawCard(eventId: string, valueJson: string, formJson?: string) {
  const env = buildEnvelope({ appId: TEST_LARK.appId, tenantKey: "tenant_double", verificationToken: TEST_LARK.verificationToken, now: () => h.clock.now().getTime() }, "card.action.trigger", {
    operator: { open_id: b.member.openId },
    token: "c-deep",
    action: { tag: "button", value: "__VALUE__", ...(formJson ? { form_value: "__FORM__" } : {}) },
    context: { open_message_id: "om_deep", open_chat_id: "oc_deep" },
  }, eventId);
  const plaintext = JSON.stringify(env).replace('"__VALUE__"', valueJson).replace('"__FORM__"', formJson ?? "null");
  const body = JSON.stringify({ encrypt: encryptEvent(TEST_LARK.encryptKey, plaintext) });
  const ts = String(Math.floor(h.clock.now().getTime() / 1000));
  const res = await fetch(`${h.app.url}/lark/cards`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-lark-request-timestamp": ts, "x-lark-request-nonce": "n", "x-lark-signature": signEvent(ts, "n", TEST_LARK.encryptKey, body) },
    body,
  });
  return { status: res.status, body: (await res.json()) as { toast?: unknown } };
}
