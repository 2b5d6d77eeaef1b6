// An anonymous 意见建议: nobody can find the name. After the member submits and the secretary
// answers, every row the submission and the answer wrote (the inbox, the outbox, the audit, the
// suggestion itself, raw) and every log line are searched for the member's open_id, name and
// person id: none is there. Yet the member got the answer in their private chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { buttonValue, seedBranch, text, toast, type Branch } from "../aid/support.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { testKeyring } from "../support/sealed.ts";
import { askForForm, at, cardTo, numberOf, startSuggestionHarness, submit } from "./support.ts";

let h: Harness;
let b: Branch;
const logged: string[] = [];

beforeAll(async () => {
  h = await startSuggestionHarness({ clockStart: at("2026-12-03"), log: createLogger("debug", { write: (s: string) => void logged.push(s) }) });
  b = await seedBranch(h, "an1", { prefix: "匿" });
}, 120_000);
afterAll(async () => h?.close());

/** The rows' text, every column, as the database holds it. */
async function dump(table: "InboundEvent" | "OutboxMessage" | "AuditLog" | "Suggestion", where: string): Promise<{ rows: Record<string, unknown>[]; text: string }> {
  const rows = await h.db.sql.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE ${where}`, []);
  return { rows, text: JSON.stringify(rows) };
}

describe("an anonymous suggestion", () => {
  it("leads nobody to the member, and still reaches them with the answer", async () => {
    const member = b.member;
    const form = await askForForm(h, member);
    expect(text(form)).toContain("匿名（书记看不到您的名字）");
    // What existed before the submission: the member's own request for the form is theirs to keep.
    const [marks] = await h.db.sql.query<{ maxOutbox: number; maxAudit: string }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM "OutboxMessage")::int AS "maxOutbox", (SELECT coalesce(max(id), 0) FROM "AuditLog")::text AS "maxAudit"`,
      [],
    );
    const { maxOutbox, maxAudit } = marks!;
    const inboxBefore = new Set((await h.db.sql.query<{ key: string }>(`SELECT "key" FROM "InboundEvent"`, [])).map((r) => r.key));
    const logBefore = logged.length;

    // A refused try first (too short): the router logs the refusal.
    const short = await submit(h, member, form, { kind: "CRITICISM", body: "不好", who: "anonymous" });
    expect(toast(short)).toMatchObject({ type: "error", content: "意见建议请至少写 5 个字，说清楚是什么事。" });
    const r = await submit(h, member, form, { kind: "CRITICISM", body: "支部开会总是临时通知，希望至少提前三天。", who: "anonymous" });
    expect(toast(r).type).toBe("success");
    expect(text({ content: r.card })).toContain("已匿名提交，答复会私信告诉您");
    expect(text({ content: r.card })).toContain("不会出现在「我的意见」里");
    const number = numberOf(r.card);

    const row = await h.db.prisma.suggestion.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ anonymous: true, authorId: null, kind: "CRITICISM", status: "OPEN" });
    // The address to answer to is sealed, and opens to the member's.
    expect(row.replyTo!.startsWith("enc1:")).toBe(true);
    expect(JSON.parse(testKeyring.open("Suggestion.replyTo", row.replyTo!))).toMatchObject({ openId: member.openId });
    // The form key is not the form's message id, nor does it contain it.
    expect(row.formKey).not.toContain(form.message_id);
    expect(row.formKey!.startsWith("hk1:")).toBe(true);

    // The secretary's card: the item, 匿名, no name.
    const card = await cardTo(h, b.secretary, number);
    expect(text(card)).toContain("匿名");
    expect(text(card)).not.toContain(member.name);
    // The member got no message from the submission: the form itself became the receipt.
    expect(h.double.messages({ to: member.openId }).filter((m) => m.message_id !== form.message_id && text(m).includes(number))).toEqual([]);

    // The answer; Lark fails its first delivery once, so the retry path logs too.
    h.double.injectFault({ kind: "5xx", count: 1, match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" } });
    const a = await h.double.click({ from: b.secretary.openId, messageId: card.message_id, value: buttonValue(card.content, "suggestion-answer"), formValue: { answer: "收到，今后会议至少提前三天通知。" }, tag: "button" });
    expect(toast(a).type).toBe("success");
    const told = await cardTo(h, member, `有答复了 · ${number}`);
    expect(told.receive_id).toBe(member.openId);
    expect(text(told)).toContain("今后会议至少提前三天通知");
    // Once sent, the outbox row of the answer says nothing of whom it went to.
    const sent = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { idempotencyKey: `suggestion-a-${row.id}`, status: "SENT" } }), 30_000);
    expect(sent).toMatchObject({ receiveIdType: "sealed_open_id", receiveId: null, rateKey: "anon", larkMessageId: null, lang: null, content: {} });
    // Answered: the sealed address and the keyed form key are erased.
    expect(await h.db.prisma.suggestion.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "ANSWERED", replyTo: null, formKey: null });

    // Search everything written since the form arrived.
    const newKeys = (await h.db.sql.query<{ key: string }>(`SELECT "key" FROM "InboundEvent"`, [])).map((x) => x.key).filter((k) => !inboxBefore.has(k));
    expect(newKeys.length).toBe(2);
    const inbox = await dump("InboundEvent", `"key" = ANY('{${newKeys.map((k) => `"${k}"`).join(",")}}'::text[])`);
    const outbox = await dump("OutboxMessage", `"id" > ${maxOutbox}`);
    const audit = await dump("AuditLog", `"id" > ${maxAudit}`);
    const suggestion = await dump("Suggestion", `"id" = ${row.id}`);
    const log = logged.slice(logBefore).join("");
    expect(outbox.rows.length).toBeGreaterThanOrEqual(2);
    expect(audit.rows.map((x) => x.action).sort()).toEqual(["suggestion.answer", "suggestion.submit"]);
    expect(log).toContain("card action refused");
    expect(log).toContain("send failed; will retry");

    const submitted = inbox.rows.find((x) => JSON.stringify(x.payload).includes("redacted"))!;
    expect(submitted.payload).toEqual({ kind: "card_action", key: submitted.key, redacted: true });
    const line = audit.rows.find((x) => x.action === "suggestion.submit")!;
    expect(line).toMatchObject({ actorId: null, actorOpenId: null, eventKey: null, subjectPersonId: null, orgId: b.orgId });

    const idField = new RegExp(`"\\w*(?:Id|_id|id)"\\s*:\\s*"?${member.id}"?[,}]`);
    for (const [where, said] of [
      ["inbox", inbox.text],
      ["outbox", outbox.text],
      ["audit", audit.text],
      ["suggestion", suggestion.text],
      ["log", log],
    ] as const) {
      expect(said, where).not.toContain(member.openId);
      expect(said, where).not.toContain(member.name);
      expect(idField.test(said), `${where}: person id`).toBe(false);
    }
    // The text the member wrote is sealed in the row, not in any inbox payload or log line.
    for (const said of [inbox.text, log, suggestion.text]) expect(said).not.toContain("提前三天。");
  }, 90_000);

  it("is listed for the branch as 匿名, and 我的意见 does not know it", async () => {
    const said = await h.double.say({ from: b.secretary.openId, text: "意见建议" });
    const list = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId && text(m).includes("意见建议 · ") }, 30_000);
    expect(text(list)).toContain("匿名");
    expect(text(list)).not.toContain(b.member.name);
    const mine = await h.double.say({ from: b.member.openId, text: "我的意见" });
    const card = await h.double.waitForMessage({ where: (m) => m.parent_id === mine.messageId }, 30_000);
    expect(text(card)).toContain("您还没有署名提过意见建议");
  }, 60_000);
});
