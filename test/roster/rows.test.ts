// The pure half of the roster import: cells, one row at a time, and the cross-row rules,
// checked against a hand-made snapshot of the store (no database).
import { describe, expect, it } from "vitest";
import { parseDate, parseMobile, splitList } from "../../src/roster/cells.ts";
import { normalizeHeading } from "../../src/roster/columns.ts";
import { decodeCsv } from "../../src/roster/parse.ts";
import { formatProblem } from "../../src/roster/problems.ts";
import type { Snapshot, SnapOrg, SnapPerson } from "../../src/roster/plan.ts";
import { resolveRoster } from "../../src/roster/resolve.ts";
import { parsePersonRows, type PersonRow } from "../../src/roster/rows.ts";

const TODAY = "2026-11-27";
const HEADER = ["姓名", "手机号", "邮箱", "所在党组织", "党组织编码", "上级党组织编码", "角色", "标签", "出生日期", "入党日期", "联系领导", "流动去向"];

/** Rows as lists of 12 cells in HEADER order; the header is line 1, the first row line 2. */
function table(...rows: (string | number | Date | null)[][]) {
  return { sheet: undefined, headerLine: 1, header: HEADER, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}
const row = (over: Partial<Record<(typeof HEADER)[number], string | number | Date | null>>) =>
  HEADER.map((h) => (h in over ? over[h]! : h === "姓名" ? "张三" : h === "党组织编码" ? "zb-1" : h === "所在党组织" ? "第一支部" : ""));
const messages = (t: ReturnType<typeof table>) => parsePersonRows(t, TODAY).problems.map(formatProblem);

describe("cells", () => {
  it("normalises mobiles and explains a short one", () => {
    expect(parseMobile("+86 138-0013-8000")).toEqual({ ok: true, value: "13800138000" });
    expect(parseMobile("1380013")).toEqual({ ok: false, message: "手机号“1380013”不是11位手机号" });
    expect(parseMobile("1.38001E+10")).toMatchObject({ ok: false, message: expect.stringContaining("科学计数法") });
  });

  it("reads the usual date forms, Excel dates and serials, and refuses impossible or future ones", () => {
    for (const c of ["1965-07-01", "1965/7/1", "1965.07.01", "1965年7月1日", "19650701", 19650701, 23924, new Date(Date.UTC(1965, 6, 1))]) {
      expect(parseDate(c, "入党日期", TODAY)).toEqual({ ok: true, value: "1965-07-01" });
    }
    expect(parseDate("1965-02-30", "入党日期", TODAY)).toMatchObject({ ok: false, message: expect.stringContaining("不是有效日期") });
    expect(parseDate("2026-11-28", "出生日期", TODAY)).toEqual({ ok: false, message: "出生日期“2026-11-28”晚于今天，请核对" });
    expect(parseDate("2026-11-27", "出生日期", TODAY)).toEqual({ ok: true, value: "2026-11-27" });
  });

  it("splits lists on 、 , ， ； and spaces", () => {
    expect(splitList("党员、支委,党务工作者，支部书记；老党员 x")).toEqual(["党员", "支委", "党务工作者", "支部书记", "老党员", "x"]);
  });

  it("matches headings with marks and notes", () => {
    expect(normalizeHeading(" 姓名* ")).toBe(normalizeHeading("姓名"));
    expect(normalizeHeading("出生日期（YYYY-MM-DD）")).toBe(normalizeHeading("出生日期"));
  });

  it("decodes GBK bytes as Excel on Chinese Windows saves them", () => {
    const gbk = Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb]); // 姓名
    expect(decodeCsv(gbk)).toEqual({ text: "姓名", encoding: "gb18030" });
    expect(decodeCsv(new TextEncoder().encode("\uFEFF姓名"))).toEqual({ text: "姓名", encoding: "utf-8" });
  });
});

describe("one row", () => {
  it("maps roles and tags to the schema enums; every person is also a 党员", () => {
    const { rows, problems } = parsePersonRows(table(row({ 手机号: "13800138000", 角色: "支委、党务工作者", 标签: "老党员,退伍军人" })), TODAY);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ roles: ["MEMBER", "LEADER", "AFFAIRS_WORKER"], tags: ["OLD_MEMBER", "VETERAN"] });
  });

  it("tells every problem of a row at once, with the row's line", () => {
    expect(messages(table(row({ 手机号: "13800138000" }), row({ 手机号: "1380013", 角色: "组长", 出生日期: "2099-01-01" })))).toEqual([
      "第3行：手机号“1380013”不是11位手机号",
      "第3行：角色“组长”无法识别，可填：党员、党员领导干部（或支委）、支部书记、党务工作者",
      "第3行：出生日期“2099-01-01”晚于今天，请核对",
    ]);
  });

  it("needs a name, a code, and a mobile or an e-mail", () => {
    expect(messages(table(row({ 姓名: "", 党组织编码: "" })))).toEqual([
      "第2行：姓名不能为空",
      "第2行：党组织编码不能为空",
      "第2行：手机号和邮箱至少填一个（用于绑定飞书账号）",
    ]);
  });

  it("distinguishes an absent column (keep) from an empty cell (clear)", () => {
    const t = { ...table(["李四", "13800138000", "zb-1"]), header: ["姓名", "手机号", "党组织编码"] };
    const [r] = parsePersonRows(t, TODAY).rows;
    expect(r).toBeDefined();
    expect([r?.roles, r?.tags, r?.birthDate, r?.leader]).toEqual([undefined, undefined, undefined, undefined]);
    const [e] = parsePersonRows(table(row({ 手机号: "13800138000" })), TODAY).rows;
    expect(e).toMatchObject({ roles: ["MEMBER"], tags: [], birthDate: null, leader: null });
  });

  it("refuses a header without 姓名 or 党组织编码", () => {
    const t = { ...table(["x"]), header: ["名字", "手机号", "备注"] };
    const parsed = parsePersonRows(t, TODAY);
    expect(parsed.headerOk).toBe(false);
    expect(parsed.problems.map(formatProblem)).toEqual(["第1行：缺少必填列“姓名”", "第1行：缺少必填列“党组织编码”"]);
  });
});

describe("across rows and the store", () => {
  const org = (code: string, kind: SnapOrg["kind"], parentCode: string | null = null, id = 1): SnapOrg => ({ id, code, name: code, kind, parentCode });
  const person = (p: Partial<SnapPerson> & { id: number; name: string }): SnapPerson => ({ mobile: null, email: null, leading: false, ...p });
  function snapshot(orgs: SnapOrg[] = [], people: SnapPerson[] = []): Snapshot {
    const byName = new Map<string, SnapPerson[]>();
    for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    return {
      orgs: new Map(orgs.map((o) => [o.code, o])),
      peopleByMobile: new Map(people.filter((p) => p.mobile).map((p) => [p.mobile!, p])),
      peopleByEmail: new Map(people.filter((p) => p.email).map((p) => [p.email!, p])),
      peopleByName: byName,
    };
  }
  function plan(t: ReturnType<typeof table>, snap = snapshot()) {
    const parsed = parsePersonRows(t, TODAY);
    const p = resolveRoster({ people: parsed.rows, badPeople: parsed.badRows, orgs: [], badOrgs: [], orgSheet: undefined }, snap);
    return { ...p, messages: [...parsed.problems, ...p.problems].map(formatProblem).sort(), lines: p.people.map((x) => x.row.line) };
  }

  it("flags every line of a duplicated mobile", () => {
    const p = plan(table(row({ 手机号: "13800138000" }), row({ 姓名: "李四", 手机号: "13800138001" }), row({ 姓名: "王五", 手机号: "13800138000" })));
    expect(p.messages).toEqual(["第2行：手机号“13800138000”与第4行重复：每人只占一行", "第4行：手机号“13800138000”与第2行重复：每人只占一行"]);
    expect(p.lines).toEqual([3]);
  });

  it("finds a 联系领导 in the file by name or mobile, else in the store, and checks they lead", () => {
    const snap = snapshot([org("zb-1", "BRANCH")], [person({ id: 7, name: "老书记", mobile: "13900000000", leading: true }), person({ id: 8, name: "普通人" })]);
    const p = plan(
      table(
        row({ 姓名: "支委甲", 手机号: "13800138001", 角色: "支委" }),
        row({ 姓名: "甲", 手机号: "13800138002", 联系领导: "支委甲" }),
        row({ 姓名: "乙", 手机号: "13800138003", 联系领导: "13800138001" }),
        row({ 姓名: "丙", 手机号: "13800138004", 联系领导: "老书记" }),
        row({ 姓名: "丁", 手机号: "13800138005", 联系领导: "普通人" }),
        row({ 姓名: "戊", 手机号: "13800138006", 联系领导: "甲" }),
        row({ 姓名: "己", 手机号: "13800138007", 联系领导: "无名氏" }),
      ),
      snap,
    );
    expect(p.people.map((x) => [x.row.name, x.leader])).toEqual([
      ["支委甲", null],
      ["甲", { line: 2 }],
      ["乙", { line: 2 }],
      ["丙", { personId: 7 }],
    ]);
    expect(p.messages).toEqual([
      "第6行：联系领导“普通人”在系统中不是党员领导干部或支部书记",
      "第7行：联系领导“甲”（第3行）不是党员领导干部或支部书记：请在其角色中写明",
      "第8行：联系领导“无名氏”在本文件和系统中都找不到：请填写本文件中或已导入的领导干部的姓名或手机号",
    ]);
  });

  it("without a 角色 column, takes a row's leadership from the store", () => {
    const header = ["姓名", "手机号", "党组织编码", "联系领导"];
    const t = { ...table(["老书记", "13900000000", "zb-1", ""], ["甲", "13800138001", "zb-1", "老书记"], ["乙", "13800138002", "zb-1", "甲"]), header };
    const snap = snapshot([org("zb-1", "BRANCH")], [person({ id: 7, name: "老书记", mobile: "13900000000", leading: true })]);
    const p = plan(t, snap);
    expect(p.people.map((x) => [x.row.name, x.leader])).toEqual([
      ["老书记", null],
      ["甲", { line: 2 }],
    ]);
    expect(p.messages).toEqual(["第4行：联系领导“甲”（第3行）不是党员领导干部或支部书记：请在其角色中写明"]);
  });

  it("drops a row whose 联系领导 is on a row that turned out bad, and rows that lead to it in turn", () => {
    const p = plan(
      table(
        row({ 姓名: "甲", 手机号: "13800138001", 角色: "支委", 联系领导: "不存在" }),
        row({ 姓名: "乙", 手机号: "13800138002", 角色: "支委", 联系领导: "甲" }),
        row({ 姓名: "丙", 手机号: "13800138003", 联系领导: "乙" }),
      ),
    );
    expect(p.lines).toEqual([]);
    expect(p.messages).toEqual([
      "第2行：联系领导“不存在”在本文件和系统中都找不到：请填写本文件中或已导入的领导干部的姓名或手机号",
      "第3行：联系领导“甲”所在的第2行有错误未导入：请先改正该行",
      "第4行：联系领导“乙”所在的第3行有错误未导入：请先改正该行",
    ]);
  });

  it("keeps the org tree sound: known parents, no branch under a branch, one name per code", () => {
    const snap = snapshot([org("dw", "COMMITTEE", null, 1), org("zb-old", "BRANCH", "dw", 2)]);
    const p = plan(
      table(
        row({ 手机号: "13800138001", 所在党组织: "新支部", 党组织编码: "zb-new", 上级党组织编码: "dw" }),
        row({ 姓名: "乙", 手机号: "13800138002", 所在党组织: "另一个名字", 党组织编码: "zb-new" }),
        row({ 姓名: "丙", 手机号: "13800138003", 所在党组织: "支部X", 党组织编码: "zb-x", 上级党组织编码: "zb-old" }),
        row({ 姓名: "丁", 手机号: "13800138004", 所在党组织: "", 党组织编码: "zb-none" }),
        row({ 姓名: "戊", 手机号: "13800138005", 所在党组织: "", 党组织编码: "zb-old" }),
      ),
      snap,
    );
    expect(p.messages).toEqual([
      "第3行：所在党组织“另一个名字”与第2行给编码“zb-new”写的名称“新支部”不一致",
      "第4行：上级党组织“zb-old”是党支部，不能下设党支部“支部X”",
      "第5行：党组织编码“zb-none”是新的党组织：请填写所在党组织（名称），或在“组织”表中列出它",
    ]);
    // Only organisations the rows name are planned; their parents are left as they are.
    expect(p.orgs.map((o) => [o.code, o.kind, o.parentCode, o.existing?.id]).sort()).toEqual([
      ["zb-new", "BRANCH", "dw", undefined],
      ["zb-old", "BRANCH", "dw", 2],
    ]);
  });

  it("refuses a row whose mobile and e-mail belong to two different people in the store", () => {
    const snap = snapshot([org("zb-1", "BRANCH")], [person({ id: 1, name: "甲", mobile: "13800138001" }), person({ id: 2, name: "乙", email: "yi@example.com" })]);
    const p = plan(table(row({ 姓名: "甲", 手机号: "13800138001", 邮箱: "yi@example.com" })), snap);
    expect(p.messages).toEqual(["第2行：手机号“13800138001”属于系统中的“甲”，邮箱“yi@example.com”却属于“乙”：请核对"]);
  });

  it("refuses two rows that are the same stored person, one by mobile and one by e-mail", () => {
    const snap = snapshot([org("zb-1", "BRANCH")], [person({ id: 3, name: "张三", mobile: "13800138001", email: "zs@example.com" })]);
    const p = plan(
      table(row({ 手机号: "13800138001" }), row({ 姓名: "李四", 手机号: "13800138007" }), row({ 手机号: "13800138009", 邮箱: "zs@example.com" }), row({ 姓名: "张三丰", 手机号: "13800138008", 邮箱: "ZS@example.com" })),
      snap,
    );
    expect(p.lines).toEqual([2, 3]);
    const same = "都对应系统中的“张三”（手机号13800138001，邮箱zs@example.com）：每人只占一行";
    expect(p.messages).toEqual([
      // 第4行 and 第5行 share an e-mail (case aside): told as duplicates before the store is consulted.
      "第4行：邮箱“zs@example.com”与第5行重复：每人只占一行",
      "第5行：邮箱“zs@example.com”与第4行重复：每人只占一行",
    ]);
    const q = plan(table(row({ 手机号: "13800138001" }), row({ 手机号: "13800138009", 邮箱: "zs@example.com" })), snap);
    expect(q.lines).toEqual([]);
    expect(q.messages).toEqual([`第2行：与第3行${same}`, `第3行：与第2行${same}`]);
  });

  it("matches store people by mobile, else by e-mail", () => {
    const snap = snapshot([org("zb-1", "BRANCH")], [person({ id: 5, name: "张三", email: "zs@example.com" })]);
    const p = plan(table(row({ 手机号: "13800138009", 邮箱: "zs@example.com" })), snap);
    expect(p.people[0]?.existing?.id).toBe(5);
  });
});

// Kept for the type: a PersonRow literal must stay constructible from the schema's output.
export type _Row = PersonRow;
