// importRoster against a real PostgreSQL: what lands in the store, what the report says, and
// that a second import of the same file changes nothing.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importRoster } from "../../src/roster/import.ts";
import { formatReport } from "../../src/roster/report.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/roster/", import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const NOW = new Date("2026-11-27T04:00:00Z");

let db: TestDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(async () => {
  await db.close();
});

const run = (file: string | { name: string; data: Uint8Array }, extra: Partial<Parameters<typeof importRoster>[0]> = {}) =>
  importRoster({ prisma: db.prisma, file, now: NOW, ...extra });

async function storeState() {
  const p = db.prisma;
  const [people, orgs, memberships, audits] = await Promise.all([
    p.person.findMany({ orderBy: { id: "asc" }, include: { memberships: { include: { org: true } }, responsibleLeader: true } }),
    p.organization.findMany({ orderBy: { id: "asc" }, include: { parent: true } }),
    p.membership.count(),
    p.auditLog.count(),
  ]);
  return { people, orgs, memberships, audits };
}

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const rolesIn = (p: { memberships: { role: string; org: { code: string } }[] }) =>
  p.memberships.map((m) => `${m.org.code}:${m.role}`).sort();

describe("a good roster", () => {
  it("imports the org tree, people, roles, tags, dates and 联系领导", async () => {
    const report = await run(fixture("good.csv"));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rowsRead: 5, rowsImported: 5, rowsRejected: 0, orgRowsRead: 2 });
    expect(report.organizations).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(report.people).toEqual({ created: 5, updated: 0, unchanged: 0 });

    const { people, orgs } = await storeState();
    expect(orgs.map((o) => [o.code, o.name, o.kind, o.parent?.code ?? null])).toEqual([
      ["dw-1", "幸福社区党委", "COMMITTEE", null],
      ["dzz-1", "第一党总支", "GENERAL_BRANCH", "dw-1"],
      ["zb-1", "第一党支部", "BRANCH", "dzz-1"],
      ["zb-2", "第二党支部", "BRANCH", "dzz-1"],
    ]);
    const byName = new Map(people.map((p) => [p.name, p]));
    expect(people.map((p) => [p.name, p.mobile, p.email, day(p.birthDate), day(p.joinedPartyOn), p.tags, p.whereabouts, p.responsibleLeader?.name ?? null])).toEqual([
      ["王书记", "13800138001", "wang@example.com", "1970-03-15", "1995-07-01", [], null, null],
      ["李委员", "13800138002", null, "1975-08-20", "2000-06-30", ["VETERAN"], null, null],
      ["张老", "13800138003", null, "1940-01-10", "1965-07-01", ["OLD_MEMBER", "OLD_CADRE"], null, "李委员"],
      ["赵流动", null, "zhao@example.com", "1990-05-01", "2015-07-01", ["MOBILE"], "广东省深圳市南山区", "李委员"],
      ["陈党务", "13800138005", "chen@example.com", "1985-12-12", "2010-07-01", [], null, "王书记"],
    ]);
    expect(rolesIn(byName.get("王书记")!)).toEqual(["zb-1:MEMBER", "zb-1:SECRETARY"]);
    expect(rolesIn(byName.get("赵流动")!)).toEqual(["zb-1:MEMBER"]);
    expect(rolesIn(byName.get("陈党务")!)).toEqual(["zb-2:AFFAIRS_WORKER", "zb-2:LEADER", "zb-2:MEMBER"]);
  });

  it("audits every creation as the system, with {field: [before, after]}", async () => {
    await run(fixture("good.csv"));
    const audits = await db.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audits).toHaveLength(9);
    expect(new Set(audits.map((a) => [a.action, a.actorId, a.actorOpenId].join("|")))).toEqual(new Set(["roster.import||"]));
    const zhang = await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138003" } });
    const li = await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138002" } });
    const a = audits.find((x) => x.subjectType === "Person" && x.subjectId === String(zhang.id));
    expect(a?.changes).toMatchObject({
      name: [null, "张老"],
      tags: [null, ["OLD_MEMBER", "OLD_CADRE"]],
      roles: [[], ["MEMBER"]],
      birthDate: [null, "1940-01-10"],
      responsibleLeaderId: [null, li.id],
    });
    const zb1 = await db.prisma.organization.findUniqueOrThrow({ where: { code: "zb-1" } });
    expect(a?.orgId).toBe(zb1.id);
    expect(audits.filter((x) => x.subjectType === "Organization").map((x) => (x.changes as Record<string, unknown>).code)).toEqual([
      [null, "dw-1"],
      [null, "dzz-1"],
      [null, "zb-1"],
      [null, "zb-2"],
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    await run(fixture("good.csv"));
    const before = await storeState();
    const again = await run(fixture("good.csv"));
    expect(again.ok).toBe(true);
    expect(again.organizations).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 5 });
    const after = await storeState();
    expect(after).toEqual(before); // same rows, same updatedAt, no new memberships or audit lines
    expect(formatReport(again)).toContain("党员：新建 0，更新 0，未变 5");
  });

  it("reads the same roster from .xlsx: Excel dates, numeric mobiles, hyperlinked e-mails, the 组织 sheet", async () => {
    const x = await run(fixture("good.xlsx"));
    expect(x.errors).toEqual([]);
    expect(x).toMatchObject({ format: "xlsx", rowsImported: 5, organizations: { created: 4 }, people: { created: 5 } });
    // The CSV holds the same roster: importing it over the xlsx import must change nothing.
    const before = await storeState();
    const c = await run(fixture("good.csv"));
    expect(c.people).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(c.organizations).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await storeState()).toEqual(before);
  });

  it("reads a GBK-encoded CSV (Excel's 'CSV' on Chinese Windows)", async () => {
    const utf8 = await import("node:fs/promises").then((fs) => fs.readFile(fixture("good.csv"), "utf8"));
    const gbk = encodeGbk(utf8);
    const report = await run({ name: "名单.csv", data: gbk });
    expect(report).toMatchObject({ ok: true, encoding: "gb18030", rowsImported: 5 });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138003" } })).name).toBe("张老");
  });
});

describe("a roster with bad rows", () => {
  it("reports each bad row by line with what to fix, and imports only the good rows", async () => {
    const report = await run(fixture("bad.csv"));
    expect(report.ok).toBe(false);
    expect(report).toMatchObject({ rowsRead: 16, rowsImported: 2, rowsRejected: 14 });
    const text = formatReport(report);
    for (const line of [
      "第4行：手机号“1380013”不是11位手机号",
      "第5行：姓名不能为空",
      "第6行：手机号“13800138006”与第7行重复：每人只占一行",
      "第7行：手机号“13800138006”与第6行重复：每人只占一行",
      "第8行：出生日期“2099-01-01”晚于今天，请核对",
      "第9行：角色“组长”无法识别，可填：党员、党员领导干部（或支委）、支部书记、党务工作者",
      "第9行：标签“老革命”无法识别，可填：老党员、老干部、老模范、流动党员、退役军人",
      "第10行：联系领导“不存在的人”在本文件和系统中都找不到：请填写本文件中或已导入的领导干部的姓名或手机号",
      "第11行：联系领导“李好人”（第3行）不是党员领导干部或支部书记：请在其角色中写明",
      "第12行：手机号和邮箱至少填一个（用于绑定飞书账号）",
      "第13行：邮箱“not-an-email”格式不对",
      "第14行：党组织编码“zb-9”是新的党组织：请填写所在党组织（名称），或在“组织”表中列出它",
      "第15行：上级党组织编码“nope”在本文件和系统中都找不到：请在“组织”表中列出它",
      "第16行：联系领导“13800138004”所在的第5行有错误未导入：请先改正该行",
      "第17行：入党日期“1980-01-01”早于出生日期“1990-01-01”，请核对",
    ]) {
      expect(text).toContain(`  ${line}\n`);
    }
    expect(report.errors).toHaveLength(15);
    expect(text).toMatch(/^结果：有错误；读取 16 行，导入 2 行，14 行未导入；/m);

    const people = await db.prisma.person.findMany({ orderBy: { id: "asc" }, include: { responsibleLeader: true } });
    expect(people.map((p) => [p.name, p.responsibleLeader?.name ?? null])).toEqual([
      ["王书记", null],
      ["李好人", "王书记"],
    ]);
    expect((await db.prisma.organization.findMany()).map((o) => o.code)).toEqual(["zb-1"]);
  });

  it("numbers .xlsx rows as Excel shows them, title row included, and names the 组织 sheet", async () => {
    const report = await run(fixture("bad.xlsx"));
    expect(report.errors.map((e) => [e.sheet ?? "", e.line, e.message])).toEqual([
      ["", 4, "手机号“1380013”不是11位手机号"],
      ["", 5, "出生日期“2099-01-01”晚于今天，请核对"],
      ["组织", 3, "类型“小组”无法识别，可填：党委、党总支、党支部"],
    ]);
    expect(formatReport(report)).toContain("  组织表第3行：类型“小组”无法识别");
    expect((await db.prisma.person.findMany({ orderBy: { id: "asc" } })).map((p) => [p.name, p.email])).toEqual([
      ["王书记", null],
      ["李好人", "li@example.com"],
    ]);
  });

  it("imports nothing when the header lacks a required column", async () => {
    const data = new TextEncoder().encode("名字,手机号,所在党组织\n张三,13800138000,一支部\n");
    const report = await run({ name: "x.csv", data });
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.message)).toEqual(["缺少必填列“姓名”", "缺少必填列“党组织编码”"]);
    expect(await db.prisma.person.count()).toBe(0);
  });
});

describe("a changed roster", () => {
  it("updates what changed, proposes (does not apply) the removal of roles and people no longer listed, keeps AID_DELEGATE, and audits it", async () => {
    await run(fixture("good.csv"));
    const wang = await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138001" }, include: { memberships: true } });
    const zb1 = wang.memberships[0]!.orgId;
    await db.prisma.membership.create({ data: { personId: wang.id, orgId: zb1, role: "AID_DELEGATE" } });
    const stamp = (await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138005" } })).updatedAt;

    const csv = [
      "姓名,手机号,邮箱,党组织编码,角色,标签,出生日期,联系领导",
      "王书记,13800138001,,zb-1,党员、支委,,1970-03-15,", // 支委 now, not 支部书记; e-mail kept (empty means "not given")
      "张老,13800138003,,zb-1,党员,老党员,1940-01-10,王书记", // tag dropped, leader changed, joinedPartyOn column absent: kept
      "陈党务,13800138005,chen@example.com,zb-2,党务工作者、支委,,1985-12-12,王书记", // same as before
    ].join("\n");
    const report = await run({ name: "changed.csv", data: new TextEncoder().encode(csv) });
    expect(report.errors).toEqual([]);
    expect(report.people).toEqual({ created: 0, updated: 2, unchanged: 1 });

    const after = await db.prisma.person.findUniqueOrThrow({ where: { id: wang.id }, include: { memberships: true } });
    expect(after.email).toBe("wang@example.com");
    // 支委 added at once; 支部书记 stays until the secretary confirms its removal.
    expect(after.memberships.map((m) => [m.role, m.status]).sort()).toEqual([
      ["AID_DELEGATE", "ACTIVE"],
      ["LEADER", "ACTIVE"],
      ["MEMBER", "ACTIVE"],
      ["SECRETARY", "ACTIVE"],
    ]);
    // 李委员 and 赵流动 are on zb-1 no more: proposed, with 王书记's 支部书记, in one review for zb-1.
    expect(report.review.status).toBe("proposed");
    expect(report.review.reviews.map((r) => [r.orgName, r.items.map((i) => [i.kind, i.name, i.roles])])).toEqual([
      [
        "第一党支部",
        [
          ["missing", "李委员", ["MEMBER", "LEADER"]],
          ["missing", "赵流动", ["MEMBER"]],
          ["roles", "王书记", ["SECRETARY"]],
        ],
      ],
    ]);
    expect(await db.prisma.rosterReview.findMany({ select: { orgId: true, status: true } })).toEqual([{ orgId: zb1, status: "PENDING" }]);
    expect(await db.prisma.membership.count({ where: { status: { not: "ACTIVE" } } })).toBe(0);
    const text = formatReport(report);
    expect(text).toContain("待确认的名册变动（尚未生效");
    expect(text).toContain("李委员（13800138002）：名册中没有此人，将移出本组织（党员、党员领导干部）");
    expect(text).toContain("王书记（13800138001）：名册不再列出其「支部书记」角色");
    expect(text).toContain("没有可以确认的支部书记");
    const zhang = await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138003" } });
    expect([zhang.tags, zhang.responsibleLeaderId, day(zhang.joinedPartyOn)]).toEqual([["OLD_MEMBER"], wang.id, "1965-07-01"]);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138005" } })).updatedAt).toEqual(stamp);

    const li = await db.prisma.person.findUniqueOrThrow({ where: { mobile: "13800138002" } });
    const audits = await db.prisma.auditLog.findMany({ where: { subjectType: "Person" }, orderBy: { id: "desc" }, take: 2 });
    expect(audits.map((a) => a.changes)).toEqual(
      expect.arrayContaining([
        { roles: [["MEMBER", "SECRETARY"], ["MEMBER", "LEADER", "SECRETARY"]] },
        { tags: [["OLD_MEMBER", "OLD_CADRE"], ["OLD_MEMBER"]], responsibleLeaderId: [li.id, wang.id] },
      ]),
    );
  });

  it("records the given actor in AuditLog", async () => {
    await run(fixture("good.csv"), { actor: { id: null, openId: "ou_secretary" } });
    const actors = await db.prisma.auditLog.findMany({ distinct: ["actorOpenId"], select: { actorOpenId: true } });
    expect(actors).toEqual([{ actorOpenId: "ou_secretary" }]);
  });
});

/** GBK bytes for the characters of a text, via Node's decoder run backwards over the GBK range. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder("gbk");
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
