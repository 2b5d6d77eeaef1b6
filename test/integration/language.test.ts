// One language per person, end to end over the Lark double: a member who switches to English gets
// every reply, card, toast and pushed message in English only (and no Chinese where English
// exists), while the secretary keeps reading Chinese; a patch keeps the language its card was
// drawn in; switching back gives Chinese; no text message ever carries both languages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { approvalCardFor, askForForm, buttonValue, clickCard, command, fund, seedBranch, startAidHarness, submitForm, text, type Branch } from "../aid/support.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "lg", { prefix: "语" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
});
afterAll(async () => h?.close());

const CJK = /[\u3400-\u9fff]/;
type Json = unknown;

/** Every string a person sees in a card (text contents, plain strings), with the keys that hold them. */
function visible(card: Json, out: string[] = []): string[] {
  if (Array.isArray(card)) for (const x of card) visible(x, out);
  else if (typeof card === "object" && card !== null) {
    for (const [k, v] of Object.entries(card)) {
      if (k === "behaviors" || k === "value" || k === "name") continue;
      if (typeof v === "string" && (k === "content" || k === "text")) out.push(v);
      else visible(v, out);
    }
  }
  return out;
}

/** Command words an English text may quote, as a person types them (the receipt's 撤回 confirm: "send 求助 again"). */
const COMMAND_WORDS = ["我的", "求助"];

/** The card's visible strings with the given data (names, the branch) taken out: what is left must be English. */
function chineseLeft(card: Json, data: string[]): string[] {
  return visible(card)
    .map((s) => [...data, ...COMMAND_WORDS].reduce((x, d) => x.split(d).join(""), s))
    .filter((s) => CJK.test(s));
}

const keysOf = (v: Json): string[] => (typeof v === "object" && v !== null ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : []);

/** The one message the bot answered `say` with. */
async function answerTo(who: { openId: string }, say: string): Promise<SentMessage> {
  const [m, ...more] = await command(h, who, say);
  expect(more).toEqual([]);
  return m!;
}

describe("one language per person", () => {
  const names = () => [a.member.name, a.secretary.name, a.delegate.name, "语党支部"];

  it("switches a member to English: the answer is English only, and says so in English", async () => {
    // The delegate reads English too (before anything is filed, so the approval card they get is drawn in English).
    expect(((await answerTo(a.delegate, "switch to english")).content as { text: string }).text).toMatch(/^Switched to English/);
    const reply = await answerTo(a.member, "English");
    expect(reply.msg_type).toBe("text");
    expect(reply.content).toEqual({ text: expect.stringContaining("Switched to English") });
    expect((reply.content as { text: string }).text).not.toMatch(CJK);
    expect(await h.db.prisma.person.findUniqueOrThrow({ where: { id: a.member.id } })).toMatchObject({ language: "EN" });
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "person.language", actorId: a.member.id } });
    expect(audit.changes).toEqual({ language: ["ZH", "EN"] });
    // The reply row records the language it was drawn in.
    const row = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { larkMessageId: reply.message_id } }));
    expect(row.lang).toBe("EN");
  });

  it("draws a later command's card, its form's toast and the returned card in English, with no i18n left for Lark", async () => {
    const form = await askForForm(h, a.member);
    expect(keysOf(form.content).filter((k) => k.startsWith("i18n"))).toEqual([]);
    expect(chineseLeft(form.content, names())).toEqual([]);
    expect(visible(form.content).join(" ")).toMatch(/help|Help/);

    const submitted = await submitForm(h, a.member, form, { category: "ILLNESS", description: "Mother in hospital, the bills are heavy", amount: "800", urgency: "URGENT" });
    const toast = submitted.toast as { content: string; i18n?: unknown };
    expect(toast.i18n).toBeUndefined();
    expect(toast.content).not.toMatch(CJK);
    expect(keysOf(submitted.card).filter((k) => k.startsWith("i18n"))).toEqual([]);
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.member.id } });
    expect(chineseLeft(submitted.card, [...names(), req.number])).toEqual([]);
  });

  it("a refused card action's toast is English too", async () => {
    const form = await askForForm(h, a.member);
    const refused = await submitForm(h, a.member, form, { category: "ILLNESS", description: "", amount: "800", urgency: "URGENT" });
    const toast = refused.toast as { type: string; content: string };
    expect(toast.type).toBe("error");
    expect(toast.content).not.toMatch(CJK);
  });

  it("pushes to the member in English and to the secretary in Chinese; a patch keeps its card's language", async () => {
    // The delegate's copy of the approval card went out in English, and the secretary's decision
    // redraws it (a PATCH) in English while the secretary's own card is Chinese.
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.member.id } });
    const card = await approvalCardFor(h, a.secretary, req.number);
    expect(visible(card.content).join(" ")).toMatch(CJK);
    expect(visible(card.content).join(" ")).not.toMatch(/Approve/);
    const copy = await eventually(() => h.double.messages({ to: a.delegate.openId }).find((m) => text(m).includes(req.number)));
    expect(chineseLeft(copy.content, [...names(), req.number, "Mother in hospital, the bills are heavy"])).toEqual([]);

    const approved = await clickCard(h, a.secretary, card, "aid-approve", { amount: "800", source: "PARTY_FEE", note: "按标准补助" });
    expect((approved.toast as { content: string }).content).toContain("已批准");
    expect(visible(approved.card).join(" ")).toMatch(CJK);

    // The member's decision message: English only, no Chinese but the data.
    const told = await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(req.number) && /approved/i.test(text(m)) });
    expect(keysOf(told.content).filter((k) => k.startsWith("i18n"))).toEqual([]);
    expect(chineseLeft(told.content, [...names(), req.number, "按标准补助", "Mother in hospital, the bills are heavy"])).toEqual([]);
    // Recorded on the row once sent (the worker writes it right after Lark answers).
    expect(await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { larkMessageId: told.message_id, kind: "SEND" } }))).toMatchObject({ lang: "EN" });

    // The delegate's copy, patched after the decision, still in English.
    await eventually(() => /approved/i.test(text(h.double.message(copy.message_id)!)));
    const patched = h.double.message(copy.message_id)!.content;
    expect(chineseLeft(patched, [...names(), req.number, "按标准补助", "Mother in hospital, the bills are heavy"])).toEqual([]);
    const patch = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { kind: "PATCH", targetMessageId: copy.message_id, status: "SENT" }, orderBy: { id: "desc" } }));
    expect(patch.lang).toBe("EN");
  });

  it("shows the 语言 card with a button for each; the 中文 button switches back, answering in Chinese", async () => {
    const shown = await answerTo(a.member, "语言");
    expect(visible(shown.content).join(" ")).toContain("Tongxin answers you in **English**");
    const clicked = await h.double.click({ from: a.member.openId, messageId: shown.message_id, value: buttonValue(shown.content, "language-set") && { a: "language-set", lang: "ZH" }, tag: "button" });
    const toast = clicked.toast as { content: string; i18n?: unknown };
    expect(toast.content).toMatch(/^已切换为中文/);
    expect(toast.i18n).toBeUndefined();
    expect(visible(clicked.card).join(" ")).toContain("同心现在用**中文**回复您");
    expect(await h.db.prisma.person.findUniqueOrThrow({ where: { id: a.member.id } })).toMatchObject({ language: "ZH" });

    // Chinese again: the next card carries no English and no i18n.
    const mine = await answerTo(a.member, "我的");
    expect(keysOf(mine.content).filter((k) => k.startsWith("i18n"))).toEqual([]);
    expect(visible(mine.content).join(" ")).toMatch(CJK);
  });

  it("switches by text both ways, answering in the new language, and says so when nothing changes", async () => {
    const en = await answerTo(a.member, "英文");
    expect((en.content as { text: string }).text).toMatch(/^Switched to English/);
    const again = await answerTo(a.member, "english");
    expect((again.content as { text: string }).text).toMatch(/already answers you in English/);
    const zh = await answerTo(a.member, "切换中文");
    expect((zh.content as { text: string }).text).toMatch(/^已切换为中文/);
    expect((zh.content as { text: string }).text).not.toContain("Switched");
  });

  it("decides the language at delivery: a message waiting when the person switched goes out in the new one", async () => {
    const note = { zh: "这是一条等待发送的消息。", en: "This message was waiting to be sent." };
    const [toMember] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { openId: a.member2.openId }, text: note, key: "lang-waiting-member2" }]);
    const [toGroup] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { chatId: a.chatId }, text: note, key: "lang-waiting-group" }]);
    // Staged with both sides; nothing decided yet.
    expect(await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: toMember! } })).toMatchObject({ lang: null, content: { text: note.zh, i18n: { en_us: note.en } } });
    await answerTo(a.member2, "English");
    await h.app.enqueue.delivery([toMember!, toGroup!]);
    const got = await h.double.waitForMessage({ to: a.member2.openId, where: (m) => m.msg_type === "text" && text(m).includes("waiting") });
    expect(got.content).toEqual({ text: note.en });
    // A group chat reads Chinese, whoever is in it.
    const inGroup = await h.double.waitForMessage({ where: (m) => m.chat_id === a.chatId && m.msg_type === "text" && text(m).includes("等待发送") });
    expect(inGroup.content).toEqual({ text: note.zh });
    const rows = await eventually(async () => {
      const r = await h.db.prisma.outboxMessage.findMany({ where: { id: { in: [toMember!, toGroup!] }, status: "SENT" }, orderBy: { id: "asc" } });
      return r.length === 2 && r;
    });
    expect(rows.map((r) => r.lang)).toEqual(["EN", "ZH"]);
    await answerTo(a.member2, "中文");
  });

  it("never sends a text message that carries both languages", async () => {
    // A refusal (a card that guides) a member reads in Chinese, the delegate (English) in English:
    // only the command words it offers as buttons and the secretary's name stay Chinese.
    const zh = await answerTo(a.member2, "受托人");
    const en = await answerTo(a.delegate, "受托人");
    for (const m of [zh, en]) {
      expect(m.msg_type).toBe("interactive");
      expect(keysOf(m.content).filter((k) => k.startsWith("i18n"))).toEqual([]);
    }
    expect(visible(zh.content).join(" ")).toContain("没有进行此操作的权限");
    expect(visible(en.content).join(" ")).toMatch(/is for the secretary/);
    expect(chineseLeft(en.content, [...names(), "受托人", "审批"])).toEqual([]);

    // No card Lark was sent leaves a language for it to choose (i18n_* of text, header, table cells, locales).
    for (const m of h.double.messages().filter((x) => x.msg_type === "interactive")) {
      expect(keysOf(m.content).filter((k) => k.startsWith("i18n") || k === "locales"), text(m)).toEqual([]);
    }

    const texts = h.double.messages().filter((m) => m.msg_type === "text");
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const m of texts) {
      expect(Object.keys(m.content as object)).toEqual(["text"]);
      const s = (m.content as { text: string }).text;
      // Chinese lines and English sentences in one message: what the old "zh\nen" replies did.
      const both = CJK.test(s) && /[A-Za-z]{3,} [A-Za-z]{2,} [A-Za-z]{2,}/.test(s);
      expect(both, s).toBe(false);
    }
  });
});
