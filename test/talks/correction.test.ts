// Correcting a talk record, as a leader does it in Lark: 谈心记录 shows 更正 beside the reader's own
// records of the last week, the form opens filled in, saving keeps the earlier text (a
// TalkRevision) and updates the record; the audit names the fields, never the notes. Someone
// else, after 7 days, an imported talk, a date in the future or a form that changes nothing: a
// Chinese answer that says why, and nothing changes.
import { opened as openedRow, openedJson } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { command } from "../aid/support.ts";
import { type Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";
import { at, buttonValues, seedTalkBranch, setLeader, startTalkHarness, type TalkBranch } from "./support.ts";

let h: Harness;
let b: TalkBranch;
let zhang: SeededPerson;
let talkId: number;
const text = (x: unknown) => JSON.stringify(x);

const original = { heldOn: "2027-03-01 +0800", form: "IN_PERSON", thinking: "思想稳定", work: "在社区超市上班", life: "母亲住院，家里经济紧张", concerns: "希望了解医保报销", areas: ["LIFE"] };

/** Everything a correction may write, to show a refusal wrote none of it. */
async function talkState() {
  const p = h.db.prisma;
  const [talks, revisions, audits] = await Promise.all([
    p.talk.findMany({ orderBy: { id: "asc" } }),
    p.talkRevision.count(),
    p.auditLog.count({ where: { action: "talk.correct" } }),
  ]);
  return { talks, revisions, audits };
}

const notesOf = async (who: SeededPerson): Promise<SentMessage> => (await command(h, who, `谈心记录 ${zhang.name}`))[0]!;
const click = (who: SeededPerson, msg: SentMessage, value: Record<string, unknown>, formValue?: Record<string, unknown>) =>
  h.double.click({ from: who.openId, messageId: msg.message_id, value, tag: "button", ...(formValue ? { formValue } : {}) });

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "16:00") });
  b = await seedTalkBranch(h, { code: "co", memberNames: ["张三"], since: "2026-03-05" });
  zhang = b.members[0]!;
  await setLeader(h, zhang.id, b.leaderA.id);
  // The leader records the talk through the bot, from the 谈心 list.
  const [board] = await command(h, b.leaderA, "谈心");
  const open = buttonValues(board!.content, "talk-form").find((v) => Number(v.m) === zhang.id)!;
  const form = await click(b.leaderA, board!, open);
  const save = buttonValues(form.card, "talk-record")[0]!;
  const saved = await click(b.leaderA, board!, save, original);
  expect(text(saved.toast)).toContain("已记录");
  talkId = (await h.db.prisma.talk.findFirstOrThrow({ where: { memberId: zhang.id } })).id;
}, 60_000);
afterAll(async () => h?.close());

describe("更正 a talk record", () => {
  let notes: SentMessage;

  it("shows 更正 to the author only; the secretary is refused with why, and nothing changes", async () => {
    notes = await notesOf(b.leaderA);
    expect(buttonValues(notes.content, "talk-correct-open").map((v) => v.t)).toEqual([talkId]);
    const secretaryNotes = await notesOf(b.secretary);
    expect(text(secretaryNotes.content)).toContain("母亲住院");
    expect(buttonValues(secretaryNotes.content, "talk-correct-open")).toEqual([]);

    const before = await talkState();
    const bySecretary = await click(b.secretary, secretaryNotes, { a: "talk-correct-open", t: talkId });
    expect(text(bySecretary.toast)).toContain(`谈话记录只能由谈话人本人更正，这条记录由${b.leaderA.name}记录`);
    const saveBySecretary = await click(b.secretary, secretaryNotes, { a: "talk-correct", t: talkId }, { ...original, life: "改写" });
    expect(text(saveBySecretary.toast)).toContain("只能由谈话人本人更正");
    const otherNotes = await notesOf(b.leaderB);
    const byOtherLeader = await click(b.leaderB, otherNotes, { a: "talk-correct-open", t: talkId });
    expect(text(byOtherLeader.toast)).toContain("只能由谈话人本人更正");
    expect(await talkState()).toEqual(before);
  });

  it("opens the form filled with the record; refuses a future date and a form that changes nothing", async () => {
    const opened = await click(b.leaderA, notes, buttonValues(notes.content, "talk-correct-open")[0]!);
    expect(opened.cardUpdated).toBe(true);
    const form = text(opened.card);
    for (const piece of [`更正谈话记录 · ${zhang.name}`, "母亲住院，家里经济紧张", "希望了解医保报销", "2027-03-01", "可更正至 2027-03-08 16:00"]) expect(form).toContain(piece);

    const before = await talkState();
    const save = buttonValues(opened.card, "talk-correct")[0]!;
    const same = await click(b.leaderA, notes, save, original);
    expect(text(same.toast)).toContain("没有改动任何内容");
    const future = await click(b.leaderA, notes, save, { ...original, heldOn: "2027-03-02 +0800" });
    expect(text(future.toast)).toContain("谈话日期不能晚于今天");
    const empty = await click(b.leaderA, notes, save, { ...original, thinking: "", work: "", life: "" });
    expect(text(empty.toast)).toContain("请至少填写思想、工作、生活中的一项");
    expect(await talkState()).toEqual(before);

    const back = await click(b.leaderA, notes, buttonValues(opened.card, "talk-correct-back")[0]!);
    expect(text(back.card)).toContain(`谈心谈话记录 · ${zhang.name}`);
    expect(await talkState()).toEqual(before);
  });

  it("saves the correction, keeps the earlier text, and audits the field names only", async () => {
    h.clock.set(at("2027-03-03", "10:00"));
    const opened = await click(b.leaderA, notes, buttonValues(h.double.message(notes.message_id)!.content, "talk-correct-open")[0]!);
    const save = buttonValues(opened.card, "talk-correct")[0]!;
    const done = await click(b.leaderA, notes, save, { ...original, form: "PHONE", life: "父亲住院，家里经济紧张" });
    expect(text(done.toast)).toContain(`已更正与${zhang.name}的谈话记录（谈话方式、生活方面），原内容已保留`);
    expect(text(done.card)).toContain("父亲住院，家里经济紧张");
    expect(text(done.card)).toContain("✎ 已由谈话人于 2027-03-03 10:00 更正");

    const talk = await h.db.prisma.talk.findUniqueOrThrow({ where: { id: talkId } });
    expect(openedRow("Talk", talk)).toMatchObject({ form: "PHONE", life: "父亲住院，家里经济紧张", thinking: "思想稳定", concerns: "希望了解医保报销", concernAreas: ["LIFE"] });
    // The clock runs on from where the test set it.
    expect(talk.revisedAt!.getTime() - at("2027-03-03", "10:00").getTime()).toBeGreaterThanOrEqual(0);
    expect(talk.revisedAt!.getTime() - at("2027-03-03", "10:00").getTime()).toBeLessThan(60_000);
    const [rev] = await h.db.prisma.talkRevision.findMany({ where: { talkId } });
    expect({ ...rev, before: openedJson("TalkRevision.before", rev!.before) }).toMatchObject({ revisedById: b.leaderA.id, before: { heldOn: "2027-03-01", form: "IN_PERSON", thinking: "思想稳定", work: "在社区超市上班", life: "母亲住院，家里经济紧张", concerns: "希望了解医保报销", concernAreas: ["LIFE"] } });

    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.correct", subjectId: String(talkId) } });
    expect(audit).toMatchObject({ actorId: b.leaderA.id, subjectType: "Talk", changes: { memberId: zhang.id, revisionId: rev!.id, fields: ["form", "life"] } });
    expect(JSON.stringify(audit.changes)).not.toContain("住院");

    // A second correction keeps the first corrected text too.
    const again = await click(b.leaderA, notes, buttonValues(done.card, "talk-correct-open")[0]!);
    await click(b.leaderA, notes, buttonValues(again.card, "talk-correct")[0]!, { ...original, form: "PHONE", life: "父亲住院，家里经济紧张", concerns: "希望了解医保异地报销" });
    const revisions = await h.db.prisma.talkRevision.findMany({ where: { talkId }, orderBy: { id: "asc" } });
    expect(revisions.map((r) => openedJson<{ life: string }>("TalkRevision.before", r.before).life)).toEqual(["母亲住院，家里经济紧张", "父亲住院，家里经济紧张"]);
    expect(openedRow("Talk", await h.db.prisma.talk.findUniqueOrThrow({ where: { id: talkId } })).concerns).toBe("希望了解医保异地报销");
  });

  it("after 7 days the record stands: no 更正, and a stale button is refused with why", async () => {
    h.clock.set(at("2027-03-08", "16:01"));
    const later = await notesOf(b.leaderA);
    expect(buttonValues(later.content, "talk-correct-open")).toEqual([]);
    const before = await talkState();
    const stale = await click(b.leaderA, later, { a: "talk-correct-open", t: talkId });
    expect(text(stale.toast)).toContain("谈话记录只能在记录后 7 天内更正：这条记录于 2027-03-01 16:00 记录，已超过 7 天");
    const staleSave = await click(b.leaderA, later, { a: "talk-correct", t: talkId }, { ...original, life: "再改" });
    expect(text(staleSave.toast)).toContain("已超过 7 天");
    expect(await talkState()).toEqual(before);
  });

  it("an imported talk is not corrected here", async () => {
    const imported = await h.db.prisma.talk.create({ data: { orgId: b.orgId, memberId: zhang.id, leaderId: b.leaderA.id, heldOn: new Date("2026-10-01"), form: "IN_PERSON", imported: true, createdAt: h.clock.now() } });
    const notesNow = await notesOf(b.leaderA);
    expect(buttonValues(notesNow.content, "talk-correct-open").map((v) => v.t)).not.toContain(imported.id);
    const refused = await click(b.leaderA, notesNow, { a: "talk-correct-open", t: imported.id });
    expect(text(refused.toast)).toContain("名册导入的历史谈话");
  });
});
