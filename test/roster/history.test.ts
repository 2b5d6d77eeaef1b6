// History on day one: the roster's optional columns (入党日期, 上次谈心日期 and 谈心人, 结对人 /
// 结对部门, 困难类别 / 困难等级 / 家庭情况) land as an imported talk, pairings and an archive
// entry, so talk due dates and reviews are right from the first day; bad values are refused
// line by line in Chinese, and nothing of a refused row is written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importRoster } from "../../src/roster/import.ts";
import { formatReport } from "../../src/roster/report.ts";
import { storesOn } from "../../src/store/stores.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const NOW = new Date("2026-11-27T04:00:00Z"); // 2026-11-27 in Shanghai
const HEADER = "姓名,手机号,党组织编码,所在党组织,角色,入党日期,联系领导,上次谈心日期,谈心人,结对人,结对部门,困难类别,困难等级,家庭情况";
const GOOD = [
  "王书记,13700000001,hs-1,第一党支部,党员、支部书记,1990-07-01,,2026-05-10,李委员,,,,,",
  "李委员,13700000002,hs-1,,党员、支委,1995-07-01,王书记,,,,,,,",
  "张老,13700000003,hs-1,,党员,1960-07-01,李委员,2026-03-12,,李委员,社区服务中心,年老体弱、疾病残疾,较重困难,独居，患慢性病",
  "新党员,13700000004,hs-1,,党员,2026-09-01,李委员,,,,,,,",
  "老党员,13700000005,hs-1,,党员,1980-07-01,李委员,,,,,,,",
];

let db: TestDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(async () => db.close());

const file = (lines: string[], name = "名册.csv") => ({ name, data: new TextEncoder().encode([HEADER, ...lines].join("\n")) });
const run = (lines: string[]) => importRoster({ prisma: db.prisma, file: file(lines), now: NOW });
const idOf = async (mobile: string) => (await db.prisma.person.findUniqueOrThrow({ where: { mobile } })).id;
const dueOn = async (mobile: string) => storesOn(db).talkDue.nextTalkDueOn({ memberId: await idOf(mobile), today: "2026-11-27", timeZone: "Asia/Shanghai" });
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("history columns", () => {
  it("import the last talk, pairings and the hardship entry, so due dates are right on day one", async () => {
    const report = await run(GOOD);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);

    const talks = await db.prisma.talk.findMany({ orderBy: { id: "asc" } });
    expect(talks.map((t) => [t.memberId, t.leaderId, day(t.heldOn), t.imported, t.thinking, t.work, t.life, t.concerns])).toEqual([
      [await idOf("13700000001"), await idOf("13700000002"), "2026-05-10", true, null, null, null, null],
      // No 谈心人: the 联系领导 held it.
      [await idOf("13700000003"), await idOf("13700000002"), "2026-03-12", true, null, null, null, null],
    ]);
    // Due dates: a year after the last talk; 3 months for a member in hardship; from joining for a
    // member who joined this year; at once for an old member with no talk known.
    expect(await dueOn("13700000001")).toBe("2027-05-10");
    expect(await dueOn("13700000003")).toBe("2026-06-12");
    expect(await dueOn("13700000004")).toBe("2027-09-01");
    expect(await dueOn("13700000005")).toBe("1981-07-01");

    const zhang = await idOf("13700000003");
    const pairings = await db.prisma.pairing.findMany({ orderBy: { id: "asc" } });
    expect(pairings.map((p) => [p.memberId, p.helperKind, p.helperPersonId, p.departmentName, day(p.startOn), p.endOn])).toEqual([
      [zhang, "LEADER", await idOf("13700000002"), null, "2026-11-27", null],
      [zhang, "DEPARTMENT", null, "社区服务中心", "2026-11-27", null],
    ]);
    const entry = await db.prisma.hardshipEntry.findFirstOrThrow({ include: { history: true } });
    expect([entry.personId, entry.causes, entry.level, entry.household, entry.status, day(entry.nextReviewOn)]).toEqual([zhang, ["OLD_AGE", "ILLNESS"], "SERIOUS", "独居，患慢性病", "ACTIVE", "2027-05-27"]);
    expect(entry.history.map((x) => [x.action, (x.changes as { source: string }).source])).toEqual([["OPENED", "roster"]]);

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { subjectType: "Person", subjectId: String(zhang) } });
    expect(audit.changes).toMatchObject({
      importedTalk: [null, { heldOn: "2026-03-12" }],
      pairing: [null, { helperKind: "LEADER" }],
      pairingDepartment: [null, "社区服务中心"],
      hardship: [null, { level: "SERIOUS", nextReviewOn: "2027-05-27" }],
    });
  });

  it("add nothing when the same file is imported again", async () => {
    await run(GOOD);
    const again = await run(GOOD);
    expect(again.errors).toEqual([]);
    expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect([await db.prisma.talk.count(), await db.prisma.pairing.count(), await db.prisma.hardshipEntry.count(), await db.prisma.hardshipHistory.count()]).toEqual([2, 2, 1, 1]);
  });

  it("keep an archive entry the bot already holds, and say so", async () => {
    await run(GOOD);
    const changed = GOOD.map((l) => l.replace("较重困难", "特别困难"));
    const again = await run(changed);
    expect(again.warnings.map((w) => [w.line, w.message])).toEqual([[4, "张老在困难党员档案中已有在档记录，本表的困难类别、困难等级、家庭情况未导入：如有变化请在飞书中复核该档案"]]);
    expect((await db.prisma.hardshipEntry.findFirstOrThrow()).level).toBe("SERIOUS");
  });

  it("refuse bad values line by line, in Chinese, and write nothing of those rows", async () => {
    const report = await run([
      ...GOOD.slice(0, 2),
      "甲,13700000011,hs-1,,党员,2000-07-01,李委员,2027-01-01,,,,,,",
      "乙,13700000012,hs-1,,党员,2020-07-01,李委员,2019-05-01,,,,,,",
      "丙,13700000013,hs-1,,党员,2000-07-01,,,李委员,,,,,",
      "丁,13700000014,hs-1,,党员,2000-07-01,,2026-01-05,,,,,,",
      "戊,13700000015,hs-1,,党员,2000-07-01,李委员,,,,,生病,很困难,",
      "己,13700000016,hs-1,,党员,2000-07-01,李委员,,,,,失业,一般困难,",
      "庚,13700000017,hs-1,,党员,2000-07-01,李委员,2026-02-01,查无此人,不存在的人,,,,",
    ]);
    expect(report.errors.map((e) => `第${e.line}行：${e.message}`)).toEqual([
      "第4行：上次谈心日期“2027-01-01”晚于今天，请核对",
      "第5行：上次谈心日期“2019-05-01”早于入党日期“2020-07-01”，请核对",
      "第6行：填写了谈心人，请同时填写上次谈心日期",
      "第7行：填写了上次谈心日期，请同时填写谈心人（或联系领导）",
      "第8行：困难类别“生病”无法识别，可填：年老体弱、疾病残疾、失业、遭受灾害、其他",
      "第8行：困难等级“很困难”无法识别，可填：一般困难、较重困难、特别困难",
      "第8行：困难档案须同时填写困难类别、困难等级和家庭情况（缺：家庭情况）",
      "第9行：困难档案须同时填写困难类别、困难等级和家庭情况（缺：家庭情况）",
      "第10行：谈心人“查无此人”在本文件和系统中都找不到：请填写本文件中或系统中已有的人的姓名或手机号",
    ]);
    expect(formatReport(report)).toContain("  第5行：上次谈心日期“2019-05-01”早于入党日期“2020-07-01”，请核对");
    expect(report.rowsImported).toBe(2);
    expect([await db.prisma.talk.count(), await db.prisma.pairing.count(), await db.prisma.hardshipEntry.count()]).toEqual([1, 0, 0]);
    expect(await db.prisma.person.count()).toBe(2);
  });
});
