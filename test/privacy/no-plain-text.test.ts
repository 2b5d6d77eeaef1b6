// Nothing sensitive in plain text at rest. People use the bot through the Lark double and write a
// unique marker into every field that is sealed: a talk record's notes and concerns, an aid
// request's description, the secretary's question and the member's answer, a file (its name and
// bytes), a decision note, a hardship entry's household, an event visit's reason and the visit's
// notes, a question and its answer, an anonymous suggestion and its answer. After delivery and the retention window, the payload pruning
// runs; then every text, json, array and bytea column of every table is read directly and no
// marker may be found (the sealed columns, the inbox and outbox, the audit).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PruneResult } from "../../src/jobs/prune-payloads.ts";
import type { TalkSweepResult } from "../../src/jobs/talk-sweep.ts";
import { approvalCardFor, buttonValue, clickCard, command, file, fund, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { at, buttonValues, seedTalkBranch, setLeader, type TalkBranch } from "../talks/support.ts";

const tag = randomBytes(3).toString("hex");
/** One marker per sealed field: ASCII and Chinese, found nowhere else. */
const M = {
  talkLife: `标记谈心${tag}A`,
  talkConcern: `标记顾虑${tag}B`,
  aidDescription: `看病标记求助${tag}C`,
  ask: `标记追问${tag}D`,
  answer: `标记补充${tag}E`,
  fileName: `标记文件名${tag}F`,
  fileBytes: `MARK-PDF-${tag}-G`,
  decision: `标记审批意见${tag}H`,
  household: `标记家庭情况${tag}I`,
  visitReason: `住院标记${tag}J`,
  visitNotes: `标记走访${tag}K`,
  question: `标记提问${tag}L`,
  questionAnswer: `标记回复${tag}M`,
  suggestion: `标记意见${tag}N`,
  suggestionAnswer: `标记答复${tag}O`,
};

let h: Harness;
let a: Branch;
let t: TalkBranch;
const run = <T>(task: string) => h.app.maintenance!.run(task) as Promise<T>;
const json = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at("2027-03-01", "09:00") });
  // Tasks run when the test says: the recovery sweep on its timer would re-queue rows mid-test.
  await h.app.maintenance!.close();
  a = await seedBranch(h, "np", { prefix: "密" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
  t = await seedTalkBranch(h, { code: "npt", memberNames: ["赵六"], since: "2026-03-05", staffTalkOn: "2027-01-10" });
  await setLeader(h, t.members[0]!.id, t.leaderA.id);
}, 60_000);
afterAll(async () => h?.close());

describe("no sensitive text in plain at rest", () => {
  it("a talk record with notes, from the digest", async () => {
    expect(await run<TalkSweepResult>("talk-sweep")).toMatchObject({ leaders: 1 });
    const digest = await h.double.waitForMessage({ to: t.leaderA.openId, where: (m) => json(m.content).includes("谈心谈话提醒") });
    const open = buttonValues(digest.content, "talk-form").find((v) => Number(v.m) === t.members[0]!.id)!;
    const opened = await h.double.click({ from: t.leaderA.openId, messageId: digest.message_id, value: open, tag: "button" });
    const [save] = buttonValues(opened.card, "talk-record");
    const done = await h.double.click({
      from: t.leaderA.openId,
      messageId: digest.message_id,
      value: save!,
      tag: "button",
      formValue: { heldOn: "2027-03-01 +0800", form: "PHONE", life: M.talkLife, concerns: M.talkConcern, areas: ["LIFE"] },
    });
    expect(json(done.toast)).toContain("已记录与赵六的谈话");
    // Read back: the store opens what it sealed.
    const [notes] = await command(h, t.leaderA, "谈心记录 赵六");
    expect(text(notes!)).toContain(M.talkLife);
  });

  it("an aid request: description, a question and its answer, a file, a decision note, a hardship entry", async () => {
    const { req } = await file(h, a.member, { category: "ILLNESS", description: M.aidDescription, amount: "800", urgency: "NORMAL" });
    const first = await approvalCardFor(h, a.secretary, req.number);
    await clickCard(h, a.secretary, first, "aid-ask-info", { amount: "", note: M.ask });
    const asked = await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(`请补充说明 · ${req.number}`) });
    expect(text(asked)).toContain(M.ask);
    await h.double.click({ from: a.member.openId, messageId: asked.message_id, value: buttonValue(asked.content, "aid-answer-info"), formValue: { answer: M.answer } });

    const pdf = Buffer.from(`%PDF-1.4\n% ${M.fileBytes}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
    const sent = await h.double.sendFile({ from: a.member.openId, type: "file", fileName: `${M.fileName}.pdf`, data: pdf.toString("base64") });
    await eventually(async () => (await h.db.prisma.aidAttachment.findFirst({ where: { messageId: sent.messageId, status: "KEPT" } })) !== null);

    const second = await approvalCardFor(h, a.secretary, req.number, 1);
    expect(text(second)).toContain(M.answer);
    const approved = await clickCard(h, a.secretary, second, "aid-approve", { amount: "800", source: "PARTY_FEE", note: M.decision });
    expect(json(approved.toast)).toContain("已批准");
    const formSent = await clickCard(h, a.secretary, second, "hardship-form");
    expect(json(formSent.toast)).toContain("建档表单已发送");
    const form = await h.double.waitForMessage({ to: a.secretary.openId, where: (m) => text(m).includes(`建立困难档案 · ${a.member.name}`) });
    const opened = await h.double.click({
      from: a.secretary.openId,
      messageId: form.message_id,
      value: buttonValue(form.content, "hardship-open"),
      formValue: { causes: ["ILLNESS"], level: "SERIOUS", household: M.household, next_review: "2027-06-01 +0800" },
    });
    expect(json(opened.toast)).toContain("建立困难档案");
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toContain(req.number);
  });

  it("an event visit's reason and the visit's notes", async () => {
    const [reported] = await command(h, a.leader, `走访上报 ${a.member2.name} ${M.visitReason}`);
    expect(text(reported!)).toContain("走访上报");
    const task = await h.db.prisma.visitTask.findFirstOrThrow({ where: { memberId: a.member2.id, festival: null } });
    const [list] = await command(h, a.leader, "走访");
    const r = await h.double.click({
      from: a.leader.openId,
      messageId: list!.message_id,
      value: { a: "visit-complete", task: task.id },
      formValue: { visitedOn: "2027-03-01 +0800", how: "HOME", amount: "", goods: "水果", notes: M.visitNotes },
      name: "submit",
    });
    expect(json(r.toast)).toContain("已记录走访");
  });

  it("a question and its answer", async () => {
    await command(h, a.member2, `提问 ${M.question}`);
    const card = await eventually(() => h.double.messages({ to: a.secretary.openId }).find((m) => text(m).includes(M.question)));
    await clickCard(h, a.secretary, card, "question-answer", { answer: M.questionAnswer });
    await eventually(() => h.double.messages({ to: a.member2.openId }).find((m) => text(m).includes(M.questionAnswer)));
  });

  it("an anonymous suggestion and its answer", async () => {
    const said = await h.double.say({ from: a.member2.openId, text: "意见建议" });
    const form = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId && text(m).includes("suggestion-submit") });
    await h.double.click({ from: a.member2.openId, messageId: form.message_id, value: buttonValue(form.content, "suggestion-submit"), formValue: { kind: "OPINION", body: M.suggestion, who: "anonymous" }, tag: "button" });
    const card = await eventually(() => h.double.messages({ to: a.secretary.openId }).find((m) => text(m).includes(M.suggestion)));
    await clickCard(h, a.secretary, card, "suggestion-answer", { answer: M.suggestionAnswer });
    await eventually(() => h.double.messages({ to: a.member2.openId }).find((m) => text(m).includes(M.suggestionAnswer)));
  });

  it("after delivery and the retention window, no table holds any marker in plain text", async () => {
    await eventually(async () => (await h.db.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0, 20_000);
    await eventually(async () => (await h.db.prisma.inboundEvent.count({ where: { status: "PENDING" } })) === 0, 20_000);
    // Fresh, the click payloads and the cards sent still hold the words: the scan sees them there.
    const fresh = await plainHits();
    expect(fresh).toEqual(expect.arrayContaining(["InboundEvent.payload holds talkLife", "OutboxMessage.content holds aidDescription"]));
    expect(fresh.filter((x) => !x.startsWith("InboundEvent.payload") && !x.startsWith("OutboxMessage.content"))).toEqual([]);

    h.clock.set(new Date(h.clock.now().getTime() + 9 * 3_600_000));
    const pruned = await run<PruneResult>("prune-payloads");
    expect(pruned.inbound).toBeGreaterThan(0);
    expect(pruned.outbox).toBeGreaterThan(0);
    expect(await plainHits()).toEqual([]);
  }, 120_000);
});

/** "<table>.<column> holds <field>" for every marker found in plain text in any column of any table. */
async function plainHits(): Promise<string[]> {
  const columns = await h.db.sql.query<{ table: string; column: string; type: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
     ORDER BY 1, 2`,
  );
  expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(["Talk.life", "AidAttachment.bytes", "InboundEvent.payload", "OutboxMessage.content", "AuditLog.changes"]));
  const found: string[] = [];
  for (const c of columns) {
    for (const [field, marker] of Object.entries(M)) {
      const where = c.type === "bytea" ? `position($1::bytea IN "${c.column}") > 0` : `"${c.column}"::text LIKE '%' || $1 || '%'`;
      const [row] = await h.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${c.table}" WHERE ${where}`, [c.type === "bytea" ? Buffer.from(marker) : marker]);
      if (row!.n > 0) found.push(`${c.table}.${c.column} holds ${field}`);
    }
  }
  return found;
}
