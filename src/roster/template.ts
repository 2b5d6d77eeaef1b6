// The roster template a secretary fills in, built from the same column list the importer reads
// (columns.ts). scripts/make-roster-template.ts writes it to docs/; a test checks the files
// there still match, and that the template's example rows import cleanly.
import ExcelJS from "exceljs";
import { ORG_COLUMNS, ORG_SHEET_NAME, PERSON_COLUMNS, type OrgField, type PersonField } from "./columns.ts";
import { CAUSE_HINT, KIND_HINT, LEVEL_HINT, ROLE_HINT, TAG_HINT } from "./vocab.ts";

const PEOPLE_SHEET_NAME = "党员名单";
const GUIDE_SHEET_NAME = "填写说明";

type PersonExample = Record<PersonField, string>;
type OrgExample = Record<OrgField, string>;

/** Fictional people (the 1380013800x numbers are the customary placeholders). */
const NO_HISTORY = { lastTalkOn: "", talkLeader: "", pairHelper: "", pairDepartment: "", hardshipCauses: "", hardshipLevel: "", household: "" };
const EXAMPLE_PEOPLE: readonly PersonExample[] = [
  { name: "王建国", mobile: "13800138001", email: "wangjianguo@example.com", orgName: "幸福社区第一党支部", orgCode: "xf-zb1", parentCode: "xf-zz", roles: "党员、支部书记", tags: "退役军人", birthDate: "1968-03-15", joinedPartyOn: "1992-07-01", leader: "", whereabouts: "", ...NO_HISTORY },
  { name: "李红梅", mobile: "13800138002", email: "", orgName: "幸福社区第一党支部", orgCode: "xf-zb1", parentCode: "", roles: "支委、党务工作者", tags: "", birthDate: "1979-11-02", joinedPartyOn: "2003-06-18", leader: "王建国", whereabouts: "", ...NO_HISTORY, lastTalkOn: "2026-01-15" },
  {
    name: "张德顺",
    mobile: "13800138003",
    email: "",
    orgName: "幸福社区第一党支部",
    orgCode: "xf-zb1",
    parentCode: "",
    roles: "党员",
    tags: "老党员、老干部",
    birthDate: "1942-08-20",
    joinedPartyOn: "1965-07-01",
    leader: "李红梅",
    whereabouts: "",
    lastTalkOn: "2026-03-12",
    talkLeader: "王建国",
    pairHelper: "李红梅",
    pairDepartment: "社区服务中心",
    hardshipCauses: "年老体弱、疾病残疾",
    hardshipLevel: "较重困难",
    household: "独居，老伴已故，患慢性病需长期服药",
  },
  { name: "赵晓东", mobile: "", email: "zhaoxiaodong@example.com", orgName: "幸福社区第一党支部", orgCode: "xf-zb1", parentCode: "", roles: "党员", tags: "流动党员", birthDate: "1991-05-04", joinedPartyOn: "2016-05-20", leader: "13800138002", whereabouts: "广东省深圳市南山区，在外务工，微信同手机", ...NO_HISTORY },
];

const EXAMPLE_ORGS: readonly OrgExample[] = [
  { code: "xf-dw", name: "幸福社区党委", kind: "党委", parentCode: "" },
  { code: "xf-zz", name: "幸福社区第一党总支", kind: "党总支", parentCode: "xf-dw" },
];

/** One line per column, shown in the 填写说明 sheet and kept in step with docs/roster.md. */
const COLUMN_GUIDE: readonly [string, string][] = [
  [PERSON_COLUMNS.name, "必填。"],
  [PERSON_COLUMNS.mobile, "11位手机号；与邮箱至少填一个，用于绑定飞书账号。同一手机号只能出现一次。"],
  [PERSON_COLUMNS.email, "与手机号至少填一个；用于绑定飞书账号。"],
  [PERSON_COLUMNS.orgName, "所在党支部的名称；新支部必填，已有的可不填（填了即改名）。"],
  [PERSON_COLUMNS.orgCode, "必填。党组织的固定编码，字母、数字、- _ .，如 xf-zb1。"],
  [PERSON_COLUMNS.parentCode, "可选。上级党组织的编码；上级须已在系统中，或列在“组织”工作表。"],
  [PERSON_COLUMNS.roles, `可选，多个用顿号或逗号分隔：${ROLE_HINT}。每人都是党员。`],
  [PERSON_COLUMNS.tags, `可选，多个用顿号或逗号分隔：${TAG_HINT}。`],
  [PERSON_COLUMNS.birthDate, "可选，YYYY-MM-DD 或 Excel 日期，不能晚于今天。"],
  [PERSON_COLUMNS.joinedPartyOn, "可选，同上，不能早于出生日期。"],
  [PERSON_COLUMNS.leader, "可选。负责与其谈心谈话的党员领导干部或支部书记：本表中或系统中已有的人的姓名或手机号（同名时填手机号）。"],
  [PERSON_COLUMNS.whereabouts, "流动党员填写：在哪里、如何联系。"],
  [PERSON_COLUMNS.lastTalkOn, `可选，已有的谈心记录：最近一次谈心谈话的日期，不能晚于今天、不能早于入党日期。导入为一条谈心记录（只有日期和谈心人，没有内容），下次谈心按它起算。`],
  [PERSON_COLUMNS.talkLeader, `可选。那次谈心的谈心人（姓名或手机号，须在本表中或系统中）；不填则视为${PERSON_COLUMNS.leader}。`],
  [PERSON_COLUMNS.pairHelper, "可选，已有的结对帮扶：结对人的姓名或手机号（须在本表中或系统中）。领导干部为“领导干部联系”，其他党员为“党员结对”，自导入日起。"],
  [PERSON_COLUMNS.pairDepartment, "可选：挂钩帮扶的部门名称（部门挂钩），自导入日起。"],
  [PERSON_COLUMNS.hardshipCauses, `可选，困难党员档案：${CAUSE_HINT}，多个用顿号分隔。与困难等级、家庭情况三项同时填写。`],
  [PERSON_COLUMNS.hardshipLevel, `${LEVEL_HINT}；按等级定下次复核日期（特别困难3个月、较重6个月、一般12个月）。`],
  [PERSON_COLUMNS.household, "家庭基本情况与困难情况，不超过500字。系统中已有在档记录的不会被覆盖。"],
  ["名册移除", "重新导入时，本表所列党组织中系统有、本表没有的人员，以及不再列出的角色，不会直接删除：导入报告列出后，由支部书记在飞书中确认移除。"],
  [`“${ORG_SHEET_NAME}”工作表`, `可选。列出党委、党总支等上级组织：${ORG_COLUMNS.code}、${ORG_COLUMNS.name}、${ORG_COLUMNS.kind}（${KIND_HINT}）、${ORG_COLUMNS.parentCode}。`],
  ["示例行", "表中几行是示例，导入前请删除或改成本支部的真实信息。"],
];

const personFields = Object.keys(PERSON_COLUMNS) as PersonField[];
const DATE_FIELDS: readonly PersonField[] = ["birthDate", "joinedPartyOn", "lastTalkOn"];
const orgFields = Object.keys(ORG_COLUMNS) as OrgField[];

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 with a BOM: Excel on Windows then opens the Chinese correctly. */
export function templateCsv(): string {
  const line = (cells: readonly string[]) => cells.map(csvCell).join(",");
  const lines = [
    line(personFields.map((f) => PERSON_COLUMNS[f])),
    ...EXAMPLE_PEOPLE.map((p) => line(personFields.map((f) => p[f]))),
    "",
    ORG_SHEET_NAME,
    line(orgFields.map((f) => ORG_COLUMNS[f])),
    ...EXAMPLE_ORGS.map((o) => line(orgFields.map((f) => o[f]))),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function templateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心 Tongxin";
  // A fixed date keeps the generated file byte-stable from run to run.
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));

  const people = wb.addWorksheet(PEOPLE_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  people.columns = personFields.map((f) => ({
    header: PERSON_COLUMNS[f],
    key: f,
    width: f === "whereabouts" || f === "household" ? 36 : f === "email" ? 26 : 14,
    // Text format, so Excel keeps mobiles and codes as typed (no 1.38E+10).
    style: { numFmt: DATE_FIELDS.includes(f) ? "yyyy-mm-dd" : "@" },
  }));
  people.getRow(1).font = { bold: true };
  for (const p of EXAMPLE_PEOPLE) {
    const row: Record<string, string | Date> = { ...p };
    for (const f of DATE_FIELDS) if (p[f]) row[f] = new Date(`${p[f]}T00:00:00Z`);
    people.addRow(row);
  }

  const orgs = wb.addWorksheet(ORG_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  orgs.columns = orgFields.map((f) => ({ header: ORG_COLUMNS[f], key: f, width: f === "name" ? 24 : 14, style: { numFmt: "@" } }));
  orgs.getRow(1).font = { bold: true };
  for (const o of EXAMPLE_ORGS) orgs.addRow({ ...o });

  const guide = wb.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [{ header: "列", width: 16 }, { header: "怎么填", width: 90 }];
  guide.getRow(1).font = { bold: true };
  for (const g of COLUMN_GUIDE) guide.addRow([...g]);
  return wb;
}
