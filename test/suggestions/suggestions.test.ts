// 意见建议 (参与权, 监督权) with a name: a member submits the form, the branch's secretaries get
// the item with an answer form, one answers, the member is told and finds it under 我的意见.
// Refusals change nothing; a form submits once; the reminder after five working days goes
// once; a committee sees its branches' items without names; 分析 counts them.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonValue, command, forgeClick, text, toast } from "../aid/support.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import type { Harness } from "../support/harness.ts";
import { opened } from "../support/sealed.ts";
import { askForForm, at, cardTo, numberOf, startSuggestionHarness, submit } from "./support.ts";

let h: Harness;
let c: Committee;

beforeAll(async () => {
  // Thursday 3 December 2026.
  h = await startSuggestionHarness({ clockStart: at("2026-12-03") });
  c = await seedCommittee(h, "sg", "议");
}, 120_000);
afterAll(async () => h?.close());

const b = () => c.branches[0];
const rows = () => h.db.prisma.suggestion.findMany({ orderBy: { id: "asc" } });

describe("a named suggestion", () => {
  let number = "";

  it("is filed from the form, sealed, and goes to the branch's secretary with the name and an answer form", async () => {
    const form = await askForForm(h, b().member);
    const r = await submit(h, b().member, form, { kind: "SUGGESTION", body: "建议把支部活动改到周六上午，上班的党员也能参加。", who: "named" });
    expect(toast(r).type).toBe("success");
    expect(text({ content: r.card })).toContain("已署名提交");
    number = numberOf(r.card);
    const row = await h.db.prisma.suggestion.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ orgId: b().orgId, kind: "SUGGESTION", anonymous: false, authorId: b().member.id, replyTo: null, status: "OPEN" });
    expect(row.body.startsWith("enc1:")).toBe(true);
    expect(opened("Suggestion", row).body).toBe("建议把支部活动改到周六上午，上班的党员也能参加。");
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "suggestion.submit", subjectId: String(row.id) } });
    expect(audit).toMatchObject({ actorId: b().member.id, subjectPersonId: b().member.id, orgId: b().orgId });
    expect(JSON.stringify(audit.changes)).not.toContain("周六");

    const card = await cardTo(h, b().secretary, number);
    expect(text(card)).toContain(b().member.name);
    expect(text(card)).toContain("周六上午");
    expect(buttonValue(card.content, "suggestion-answer")).toMatchObject({ s: row.id });
    // Nobody else in the branch gets it.
    expect(h.double.messages({ to: b().worker.openId }).some((m) => text(m).includes(number))).toBe(false);
  }, 60_000);

  it("a form submits once: a second click files nothing", async () => {
    const before = (await rows()).length;
    const form = await askForForm(h, b().member2);
    const first = await submit(h, b().member2, form, { kind: "OPINION", body: "楼道里的宣传栏很久没更新了。", who: "named" });
    expect(toast(first).type).toBe("success");
    const again = await submit(h, b().member2, form, { kind: "OPINION", body: "楼道里的宣传栏很久没更新了。", who: "named" });
    expect(toast(again).content).toContain("已经提交过");
    expect((await rows()).length).toBe(before + 1);
  }, 60_000);

  it("refuses an empty, a too long or a wrong-kind form with a toast, and files nothing", async () => {
    const before = await rows();
    const form = await askForForm(h, b().member);
    const empty = await submit(h, b().member, form, { kind: "SUGGESTION", body: "   ", who: "named" });
    expect(toast(empty)).toMatchObject({ type: "error", content: "请填写意见建议的内容。" });
    const long = await submit(h, b().member, form, { kind: "SUGGESTION", body: "长".repeat(1001), who: "named" });
    expect(toast(long).content).toContain("不能超过 1000 字");
    const kind = await submit(h, b().member, form, { kind: "PRAISE", body: "这是一条正常的建议内容。", who: "named" });
    expect(toast(kind).content).toContain("请选择类别");
    expect(await rows()).toEqual(before);
  }, 60_000);

  it("a form pre-filled from typed words is named only", async () => {
    const form = await askForForm(h, b().member2, "意见建议 希望多组织一些志愿服务活动");
    expect(text(form)).toContain("希望多组织一些志愿服务活动");
    expect(text(form)).not.toContain("匿名（");
    const r = await submit(h, b().member2, form, { kind: "SUGGESTION", body: "希望多组织一些志愿服务活动", who: "anonymous" });
    expect(toast(r).content).toContain("只能署名提交");
  }, 60_000);

  it("someone who is not the branch's secretary cannot answer, nor answer what does not exist", async () => {
    const row = await h.db.prisma.suggestion.findUniqueOrThrow({ where: { number } });
    const worker = await forgeClick(h, b().worker.openId, { a: "suggestion-answer", s: row.id }, { answer: "我来答复。" });
    expect(worker.toast?.type).toBe("error");
    const other = await forgeClick(h, c.branches[1].secretary.openId, { a: "suggestion-answer", s: row.id }, { answer: "我来答复。" });
    expect(other.toast?.type).toBe("error");
    const author = await forgeClick(h, b().member.openId, { a: "suggestion-answer", s: row.id }, { answer: "我自己答复。" });
    expect(author.toast?.type).toBe("error");
    const forged = await forgeClick(h, b().secretary.openId, { a: "suggestion-answer", s: 999_999 }, { answer: "答复。" });
    expect(forged.toast?.content).toContain("找不到这条意见建议");
    const blank = await forgeClick(h, b().secretary.openId, { a: "suggestion-answer", s: row.id }, { answer: " " });
    expect(blank.toast?.content).toContain("请填写答复内容");
    expect(await h.db.prisma.suggestion.findUniqueOrThrow({ where: { number } })).toMatchObject({ status: "OPEN", answer: null });
  }, 60_000);

  it("the secretary answers on the card: ANSWERED, sealed, audited, the member told and 我的意见 shows it", async () => {
    const card = await cardTo(h, b().secretary, number);
    const r = await h.double.click({ from: b().secretary.openId, messageId: card.message_id, value: buttonValue(card.content, "suggestion-answer"), formValue: { answer: "好的，下月起每月一次活动改在周六上午。" }, tag: "button" });
    expect(toast(r).type).toBe("success");
    expect(text({ content: r.card })).toContain("下月起");
    const row = await h.db.prisma.suggestion.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ status: "ANSWERED", answeredById: b().secretary.id });
    expect(row.answer!.startsWith("enc1:")).toBe(true);
    expect(await h.db.prisma.auditLog.count({ where: { action: "suggestion.answer", subjectId: String(row.id), actorId: b().secretary.id, subjectPersonId: b().member.id } })).toBe(1);
    const told = await cardTo(h, b().member, `有答复了 · ${number}`);
    expect(text(told)).toContain("下月起每月一次活动改在周六上午");
    // A second answer from the same card is told it is done.
    const again = await h.double.click({ from: b().secretary.openId, messageId: card.message_id, value: buttonValue(card.content, "suggestion-answer"), formValue: { answer: "再答一次" }, tag: "button" });
    expect(toast(again).content).toContain("已经答复过了");

    const [mine] = await command(h, b().member, "我的意见");
    expect(text(mine!)).toContain(number);
    expect(text(mine!)).toContain("下月起每月一次活动改在周六上午");
  }, 60_000);
});

describe("the branch and the committee", () => {
  it("a secretary's 意见建议 lists the branch's items with names, each view audited", async () => {
    const replies = await command(h, b().secretary, "意见建议");
    const list = replies.find((m) => text(m).includes("意见建议 · "))!;
    expect(text(list)).toContain(b().member.name);
    expect(text(list)).toContain("待答复 1 条");
    expect(await h.db.prisma.auditLog.count({ where: { action: "suggestion.view", actorId: b().secretary.id } })).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("the committee's secretary sees every branch's items, without author names", async () => {
    const form = await askForForm(h, c.branches[2].member);
    await submit(h, c.branches[2].member, form, { kind: "CRITICISM", body: "第三支部的会议通知总是太晚发出。", who: "named" });
    const replies = await command(h, c.secretary, "意见建议");
    const list = replies.find((m) => text(m).includes("各支部意见建议"))!;
    expect(text(list)).toContain("第三支部的会议通知总是太晚发出");
    expect(text(list)).toContain("周六上午");
    expect(text(list)).toContain("署名");
    for (const br of c.branches) {
      expect(text(list)).not.toContain(br.member.name);
      expect(text(list)).not.toContain(br.member2.name);
    }
  }, 60_000);
});

describe("the reminder", () => {
  it("reminds the secretaries of an item open five working days, once", async () => {
    const open = await h.db.prisma.suggestion.findMany({ where: { status: "OPEN", orgId: b().orgId } });
    expect(open.length).toBeGreaterThan(0);
    // Wednesday 9 December: four working days.
    h.clock.set(at("2026-12-09", "10:20"));
    expect(await h.app.maintenance!.run("suggestion-reminders")).toMatchObject({ reminded: 0, staged: 0 });
    // Thursday 10 December: five.
    h.clock.set(at("2026-12-10", "10:20"));
    const first = (await h.app.maintenance!.run("suggestion-reminders")) as { reminded: number; staged: number };
    expect(first.reminded).toBeGreaterThanOrEqual(open.length);
    const again = await h.app.maintenance!.run("suggestion-reminders");
    expect(again).toMatchObject({ reminded: 0, staged: 0 });
    const number = open[0]!.number!;
    const reminder = await cardTo(h, b().secretary, `提醒：意见建议待答复（已 5 个工作日）· ${number}`);
    expect(buttonValue(reminder.content, "suggestion-answer")).toMatchObject({ s: open[0]!.id });
    expect(await h.db.prisma.suggestion.count({ where: { orgId: b().orgId, status: "OPEN", remindedAt: null } })).toBe(0);
  }, 60_000);
});

describe("分析", () => {
  it("counts the branch's items of the quarter", async () => {
    const [reply] = await command(h, b().secretary, "分析");
    const all = await h.db.prisma.suggestion.findMany({ where: { orgId: b().orgId } });
    const open = all.filter((s) => s.status === "OPEN").length;
    const answered = all.filter((s) => s.status === "ANSWERED").length;
    const anonymous = all.filter((s) => s.anonymous).length;
    expect(text(reply!)).toContain(`**意见建议**：本期收到 ${all.length} 条（匿名 ${anonymous} 条），答复 ${answered} 条，待答复 ${open} 条`);
  }, 60_000);
});

describe("导出我的数据", () => {
  it("holds the member's named items with their answers", async () => {
    const said = await h.double.say({ from: b().member.openId, text: "导出我的数据" });
    const file = await h.double.waitForMessage({ to: b().member.openId, where: (m) => m.parent_id === said.messageId && m.msg_type === "file" }, 30_000);
    const fileKey = (file.content as { file_key: string }).file_key;
    const bytes = await fetch(`${h.double.url}/_double/resources/${fileKey}`).then(async (r) => Buffer.from(await r.arrayBuffer()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("意见建议")!;
    const cells: string[] = [];
    ws.eachRow((row) => cells.push((row.values as unknown[]).map((v) => String(v ?? "")).join("|")));
    expect(cells[0]).toContain("内容");
    expect(cells.slice(1).join("\n")).toContain("建议把支部活动改到周六上午");
    expect(cells.slice(1).join("\n")).toContain("下月起每月一次活动改在周六上午");
  }, 60_000);
});

describe("a member who left", () => {
  it("has the texts of their named items erased with their other records, three years on", async () => {
    const before = await h.db.prisma.suggestion.findFirstOrThrow({ where: { authorId: b().member2.id } });
    expect(opened("Suggestion", before).body).toContain("宣传栏");
    await h.db.prisma.membership.updateMany({ where: { personId: b().member2.id }, data: { status: "ENDED", endedOn: new Date("2022-01-01T00:00:00Z") } });
    expect(await h.app.maintenance!.run("erase-departed")).toMatchObject({ erased: 1 });
    const after = await h.db.prisma.suggestion.findUniqueOrThrow({ where: { id: before.id } });
    expect(opened("Suggestion", after).body).not.toContain("宣传栏");
    expect(after).toMatchObject({ kind: before.kind, status: before.status, authorId: b().member2.id });
  }, 60_000);
});
