// The national calendar in the database: seeded from the library at start, the official 2027
// schedule entered by the community committee's secretary (chat import and the form card, each
// audited; bad lines refused with every line named and nothing changed), every scheduled push
// keeping to it (nothing on the Spring Festival days off that the statutory fallback would have
// counted as working, the make-up weekend days worked, nothing at night), the reminder from
// November while next year's schedule is missing, and the CLI import.
//
// The 2027 schedule here is made up (the library the bot ships with does not know 2027 and the
// State Council's notice is not to hand): 春节 2027-02-05..13 off with make-up days Sunday
// 02-14 and Saturday 02-20, and 国庆节 10-01..07 off with Sunday 09-26 and Saturday 10-09 worked.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dateToDay } from "../../src/domain/calendar-day.ts";
import type { SentMessage } from "../../src/double/index.ts";
import type { Harness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import type { TestDatabase } from "../support/db.ts";
import { addTalk, at, buttonValues, seedTalkBranch, setLeader, startTalkHarness, type TalkBranch } from "./support.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const OFFICIAL_2027 = [
  "2027-01-01至2027-01-03 休 元旦",
  "2027-02-05至2027-02-13 休 春节",
  "2027-02-14 班 春节",
  "2027-02-20 班 春节",
  "2027-05-01至2027-05-05 休 劳动节",
  "2027-09-26 班 国庆节",
  "2027-10-01至2027-10-07 休 国庆节",
  "2027-10-09 班 国庆节",
];
/** Every task that pushes on its own, as SCHEDULES names them. */
const PUSH_TASKS = ["talk-sweep", "talk-urgent", "hardship-review", "branch-report", "visit-plan", "visit-overdue", "visit-contacts", "job-push-weekly", "employment-checkin", "calendar"];

let h: Harness;
let b: TalkBranch;
let committeeId: number;
let keeper: SeededPerson; // the committee's secretary
let affairs: SeededPerson; // the committee's affairs worker
let branchView: string; // the branch secretary's read-only card
const text = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2026-12-03", "09:00") });
  const committee = await h.db.prisma.organization.create({ data: { code: "cal-c", name: "磐东社区党委", kind: "COMMITTEE" } });
  committeeId = committee.id;
  keeper = await seedPerson(h.db.prisma, h.double, { name: "社区书记", orgId: committee.id, roles: ["SECRETARY"] });
  affairs = await seedPerson(h.db.prisma, h.double, { name: "社区党务", orgId: committee.id, roles: ["AFFAIRS_WORKER"] });
  b = await seedTalkBranch(h, { code: "cal", memberNames: ["节一"], since: "2020-01-01", staffTalkOn: "2026-06-01" });
  // The branch's general branch sits under the committee: the committee is the one top organisation.
  await h.db.prisma.organization.update({ where: { id: (await h.db.prisma.organization.findUniqueOrThrow({ where: { code: "cal-up" } })).id }, data: { parentId: committee.id } });
  // 节一's yearly talk falls due on 2027-02-08, a Monday inside the (made-up) Spring Festival break.
  await setLeader(h, b.members[0]!.id, b.leaderA.id);
  await addTalk(h, { orgId: b.orgId, memberId: b.members[0]!.id, leaderId: b.leaderA.id, heldOn: "2026-02-08" });
}, 60_000);
afterAll(async () => h?.close());

async function say(who: SeededPerson, words: string): Promise<SentMessage> {
  const said = await h.double.say({ from: who.openId, text: words });
  return h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
}

async function run(task: string, day: string, time = "10:20"): Promise<Record<string, unknown>> {
  h.clock.set(at(day, time));
  return (await h.app.maintenance!.run(task)) as Record<string, unknown>;
}

const days2027 = () => h.db.prisma.calendarDay.findMany({ where: { day: { gte: new Date("2027-01-01"), lte: new Date("2027-12-31") } }, orderBy: { day: "asc" } });
const audits = (action: string) => h.db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
const outboxCount = () => h.db.prisma.outboxMessage.count();

describe("seeded from the library", () => {
  it("has the library's years at start, and seeding again changes nothing", async () => {
    const years = await h.db.prisma.calendarYear.findMany({ orderBy: { year: "asc" } });
    expect(years.map((y) => [y.year, y.source])).toEqual([
      [2025, "LIBRARY"],
      [2026, "LIBRARY"],
    ]);
    const count = await h.db.prisma.calendarDay.count();
    expect(await h.db.prisma.calendarDay.findUnique({ where: { day: new Date("2026-10-10") } })).toMatchObject({ kind: "WORKDAY", name: "国庆节" });
    expect(await run("calendar", "2026-12-03")).toMatchObject({ seeded: [] });
    expect(await h.db.prisma.calendarDay.count()).toBe(count);
  });
});

describe("entering the 2027 schedule", () => {
  it("lets a branch secretary read it but not change it", async () => {
    const view = await say(b.secretary, "节假日安排 2027");
    expect(text(view.content)).toContain("2027 年节假日安排");
    expect(text(view.content)).toContain("尚未录入");
    expect(buttonValues(view.content, "calendar-add")).toEqual([]);
    branchView = view.message_id;

    const refused = await say(b.secretary, `节假日导入 2027 ${OFFICIAL_2027.join("\n")}`);
    expect(text(refused.content)).toContain("节假日安排由最上级组织（社区党委）的书记或党务工作者录入");
    expect(await days2027()).toEqual([]);

    const member = await say(b.members[0]!, "节假日安排");
    expect(text(member.content)).toContain("没有进行此操作的权限");
  });

  it("refuses a list with impossible dates or unknown words, names every bad line, and changes nothing", async () => {
    const before = await outboxCount();
    const reply = await say(keeper, "节假日导入 2027\n2027-02-30 休 春节\n2027-02-05 放 春节\n2026-12-31 休 元旦\n2027-02-10 班 春节\n2027-10-01 休 国庆节");
    const body = text(reply.content);
    expect(body).toContain("2027 年节假日安排未导入，以下 4 行需要修改");
    expect(body).toContain("第 1 行「2027-02-30 休 春节」：「2027-02-30」不是有效日期");
    expect(body).toContain("第 2 行「2027-02-05 放 春节」：「放」不是「休」或「班」");
    expect(body).toContain("第 3 行「2026-12-31 休 元旦」：2026-12-31 不在 2027 年内");
    expect(body).toContain("第 4 行「2027-02-10 班 春节」：2027-02-10 本来就是工作日");
    expect(await days2027()).toEqual([]);
    expect(await h.db.prisma.calendarYear.findUnique({ where: { year: 2027 } })).toBeNull();
    expect(await audits("calendar.import")).toEqual([]);
    expect(await outboxCount()).toBe(before + 1); // only the answer
  });

  it("imports the official schedule pasted in chat, audited", async () => {
    const reply = await say(keeper, `节假日导入 2027\n${OFFICIAL_2027.join("\n")}`);
    expect(text(reply.content)).toContain("已导入 2027 年节假日安排：24 个放假日、4 个调休上班日");
    expect(await h.db.prisma.calendarYear.findUnique({ where: { year: 2027 } })).toMatchObject({ source: "OFFICIAL", enteredById: keeper.id });
    const rows = await days2027();
    expect(rows).toHaveLength(28);
    expect(rows.find((r) => dateToDay(r.day) === "2027-02-09")).toMatchObject({ kind: "HOLIDAY", name: "春节", updatedById: keeper.id });
    expect(rows.find((r) => dateToDay(r.day) === "2027-02-14")).toMatchObject({ kind: "WORKDAY", name: "春节" });
    const [line] = await audits("calendar.import");
    expect(line).toMatchObject({ actorId: keeper.id, subjectType: "CalendarYear", subjectId: "2027", orgId: committeeId });
    expect((line!.changes as { after: string[] }).after).toContain("2027-02-14 班 春节");
    // The card shows the year the reader is not in.
    expect(text(reply.content)).toContain("2027年2月5日至13日放假");
  });

  it("adds, corrects and removes a holiday on the form card, each audited", async () => {
    const view = await say(affairs, "节假日安排 2027");
    expect(buttonValues(view.content, "calendar-add")).toEqual([{ a: "calendar-add", y: 2027 }]);
    const save = (formValue: Record<string, unknown>) => h.double.click({ from: affairs.openId, messageId: view.message_id, value: { a: "calendar-add", y: 2027 }, formValue, name: "save" });

    const added = await save({ name: "端午节", from: "2027-06-09 +0800", to: "2027-06-11 +0800" });
    expect(text(added.toast)).toContain("已保存 2027 年「端午节」");
    expect((await days2027()).filter((r) => r.name === "端午节").map((r) => dateToDay(r.day))).toEqual(["2027-06-09", "2027-06-10", "2027-06-11"]);

    const corrected = await save({ name: "端午节", from: "2027-06-09 +0800", to: "2027-06-09 +0800" });
    expect(corrected.cardUpdated).toBe(true);
    expect((await days2027()).filter((r) => r.name === "端午节").map((r) => dateToDay(r.day))).toEqual(["2027-06-09"]);

    const overlap = await save({ name: "黄金周", from: "2027-10-05 +0800", to: "2027-10-08 +0800" });
    expect(text(overlap.toast)).toContain("2027-10-05 已属于「国庆节」，请先删除那一项再录入");
    const weekday = await save({ name: "中秋节", from: "2027-09-15 +0800", to: "2027-09-15 +0800", makeUp1: "2027-09-16 +0800" });
    expect(text(weekday.toast)).toContain("2027-09-16 本来就是工作日");
    expect((await days2027()).some((r) => r.name === "黄金周" || r.name === "中秋节")).toBe(false);

    const removeValue = buttonValues(corrected.card, "calendar-remove").find((v) => v.n === "端午节")!;
    const removed = await h.double.click({ from: affairs.openId, messageId: view.message_id, value: removeValue });
    expect(text(removed.toast)).toContain("已删除 2027 年「端午节」");
    expect((await days2027()).some((r) => r.name === "端午节")).toBe(false);
    expect((await audits("calendar.holiday.save")).map((a) => a.actorId)).toEqual([affairs.id, affairs.id]);
    expect(await audits("calendar.holiday.remove")).toHaveLength(1);

    // A branch secretary sending the same click from their read-only card changes nothing.
    const rowsBefore = await days2027();
    const forged = await h.double.click({ from: b.secretary.openId, messageId: branchView, value: { a: "calendar-add", y: 2027 }, formValue: { name: "植树节", from: "2027-03-12 +0800", to: "2027-03-12 +0800" }, name: "save" });
    expect(text(forged.toast)).toContain("节假日安排由最上级组织（社区党委）的书记或党务工作者录入");
    expect(await days2027()).toEqual(rowsBefore);
  });
});

describe("every scheduled push keeps to the entered calendar", () => {
  it("pushes nothing on the Spring Festival days off, weekdays the fallback counted as working included", async () => {
    const before = await outboxCount();
    for (let day = "2027-02-05"; day <= "2027-02-13"; day = addDays(day, 1)) {
      for (const task of PUSH_TASKS) await run(task, day, "10:20");
      expect(await outboxCount(), day).toBe(before);
    }
    expect(await run("talk-sweep", "2027-02-09", "09:00")).toMatchObject({ skipped: "rest-day", staged: 0 });
    expect(await run("visit-overdue", "2027-02-09", "09:30")).toMatchObject({ skipped: "rest-day" });
    expect(await run("visit-plan", "2027-02-09", "08:30")).toMatchObject({ skipped: "rest-day" });
    expect(await run("visit-contacts", "2027-02-09", "10:00")).toMatchObject({ skipped: "rest-day" });
  });

  it("counts the make-up Sunday as a working day, but not at night", async () => {
    expect(await run("talk-sweep", "2027-02-14", "22:30")).toMatchObject({ skipped: "night", staged: 0 });
    const worked = await run("talk-sweep", "2027-02-14", "09:00");
    expect(worked.skipped).toBeUndefined();
    expect(worked.staged).toBeGreaterThan(0);
    const digest = await h.double.waitForMessage({ to: b.leaderA.openId, where: (m) => text(m.content).includes("2月14日") });
    expect(text(digest.content)).toContain("节一");
    expect(await run("visit-overdue", "2027-02-14", "09:30")).not.toHaveProperty("skipped");
  });

  it("counts the make-up Saturday too, and rests on the ordinary weekend after it", async () => {
    expect(await run("talk-sweep", "2027-02-20", "09:00")).not.toHaveProperty("skipped");
    expect(await run("talk-sweep", "2027-02-21", "09:00")).toMatchObject({ skipped: "rest-day" });
    expect(await run("talk-sweep", "2027-02-27", "09:00")).toMatchObject({ skipped: "rest-day" });
  });
});

describe("the reminder for next year's schedule", () => {
  it("waits for November, goes once a week on working days in daytime, and stops once 2028 is entered", async () => {
    expect(await run("calendar", "2027-10-29")).toMatchObject({ skipped: "not-yet", staged: 0 });
    expect(await run("calendar", "2027-11-01", "22:00")).toMatchObject({ skipped: "night", staged: 0 });
    expect(await run("calendar", "2027-11-01")).toMatchObject({ staged: 1 });
    const card = await h.double.waitForMessage({ to: keeper.openId, where: (m) => text(m.content).includes("请录入 2028 年节假日安排") });
    expect(buttonValues(card.content, "calendar-open")).toEqual([{ a: "calendar-open", y: 2028 }]);
    // Only the committee's secretary is asked; the affairs worker and the branch secretaries are not.
    expect(h.double.messages({ to: b.secretary.openId }).some((m) => text(m.content).includes("2028 年节假日安排"))).toBe(false);

    expect(await run("calendar", "2027-11-03")).toMatchObject({ staged: 0 }); // same week
    expect(await run("calendar", "2027-11-06")).toMatchObject({ skipped: "rest-day" }); // a Saturday
    expect(await run("calendar", "2027-11-08")).toMatchObject({ staged: 1 }); // the next week

    const opened = await h.double.click({ from: keeper.openId, messageId: card.message_id, value: { a: "calendar-open", y: 2028 } });
    expect(text(opened.card)).toContain("2028 年节假日安排");
    await say(keeper, "节假日导入 2028-01-01 休 元旦");
    expect(await run("calendar", "2027-11-15")).toMatchObject({ skipped: "official", staged: 0 });
  });

  it("never seeds over an entered year", async () => {
    // 2026 was seeded; the committee corrects it, and the next seeding leaves it as entered.
    h.clock.set(at("2026-12-04", "10:00"));
    await say(keeper, "节假日导入 2026-12-25 休 测试");
    expect(await run("calendar", "2026-12-07")).toMatchObject({ seeded: [] });
    const rows = await h.db.prisma.calendarDay.findMany({ where: { day: { gte: new Date("2026-01-01"), lte: new Date("2026-12-31") } } });
    expect(rows.map((r) => [dateToDay(r.day), r.name])).toEqual([["2026-12-25", "测试"]]);
    expect(await h.db.prisma.calendarYear.findUnique({ where: { year: 2026 } })).toMatchObject({ source: "OFFICIAL" });
  });
});

describe("npm run calendar:import", () => {
  function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: (h.db as TestDatabase).url, LOG_LEVEL: "warn" };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/calendar-import.ts", ...args], { cwd: ROOT, env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }
  const dir = mkdtempSync(join(tmpdir(), "calendar-"));

  it("exits 1 on a file with bad lines, naming each, and changes nothing", { timeout: 60_000 }, async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "日期,类型,名称\n2028-01-01,休,元旦\n2028-02-30,休,春节\n2028-02-01,放假吗,春节\n");
    const before = await h.db.prisma.calendarDay.count();
    const r = await runCli(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("第 2 行「2028-02-30 休 春节」：「2028-02-30」不是有效日期");
    expect(r.stderr).toContain("第 3 行「2028-02-01 放假吗 春节」：「放假吗」不是「休」或「班」");
    expect(await h.db.prisma.calendarDay.count()).toBe(before);
  });

  it("imports a good file for the year of its dates, replacing the year, audited", { timeout: 60_000 }, async () => {
    const file = join(dir, "2028.csv");
    writeFileSync(file, "\uFEFF日期,类型,名称\n2028-01-01,休,元旦\n2028-01-25至2028-02-01,休,春节\n2028-01-23,班,春节\n");
    const r = await runCli(file, "--actor", keeper.openId);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已导入 2028 年节假日安排");
    const rows = await h.db.prisma.calendarDay.findMany({ where: { day: { gte: new Date("2028-01-01"), lte: new Date("2028-12-31") } } });
    expect(rows).toHaveLength(10);
    expect(rows.some((r) => dateToDay(r.day) === "2028-01-23" && r.kind === "WORKDAY")).toBe(true);
    const line = (await audits("calendar.import")).at(-1)!;
    expect(line).toMatchObject({ actorId: keeper.id, subjectId: "2028" });
    expect((line.changes as { before: string[] }).before).toEqual(["2028-01-01 休 元旦"]);
  });
});
