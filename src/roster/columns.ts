// The roster template: its column names (Chinese, as the secretary sees them), the aliases
// accepted for each, and how a header row is matched to them. The template generator and the
// docs use the same list, so the three cannot drift apart.

export const PERSON_COLUMNS = {
  name: "姓名",
  mobile: "手机号",
  email: "邮箱",
  orgName: "所在党组织",
  orgCode: "党组织编码",
  parentCode: "上级党组织编码",
  roles: "角色",
  tags: "标签",
  birthDate: "出生日期",
  joinedPartyOn: "入党日期",
  leader: "联系领导",
  whereabouts: "流动去向",
  // History on day one (optional): so talk due dates, pairings and the hardship archive are right from the first day.
  lastTalkOn: "上次谈心日期",
  talkLeader: "谈心人",
  pairHelper: "结对人",
  pairDepartment: "结对部门",
  hardshipCauses: "困难类别",
  hardshipLevel: "困难等级",
  household: "家庭情况",
} as const;
export type PersonField = keyof typeof PERSON_COLUMNS;

export const ORG_COLUMNS = {
  code: "编码",
  name: "名称",
  kind: "类型",
  parentCode: "上级编码",
} as const;
export type OrgField = keyof typeof ORG_COLUMNS;

/** Other headings people type for the same column; matched after normalisation. */
const PERSON_ALIASES: Partial<Record<PersonField, readonly string[]>> = {
  mobile: ["手机", "手机号码", "联系电话", "电话"],
  email: ["电子邮箱", "邮件", "电子邮件", "email"],
  orgName: ["党组织", "党组织名称", "所在支部", "所在党支部"],
  orgCode: ["组织编码", "支部编码"],
  parentCode: ["上级组织编码", "上级编码"],
  roles: ["身份", "职务"],
  leader: ["联系领导干部", "谈心联系人"],
  whereabouts: ["流动地点", "外出去向", "去向"],
  lastTalkOn: ["最近谈心日期", "上次谈心谈话日期", "最近一次谈心日期", "上次谈话日期"],
  talkLeader: ["上次谈心人", "谈心领导", "谈话人"],
  pairHelper: ["结对帮扶人", "帮扶人", "结对领导"],
  pairDepartment: ["挂钩部门", "帮扶部门", "结对单位"],
  hardshipCauses: ["困难原因", "困难类型"],
  hardshipLevel: ["困难程度", "困难级别"],
  household: ["家庭基本情况", "困难情况"],
};
const ORG_ALIASES: Partial<Record<OrgField, readonly string[]>> = {
  code: ["党组织编码", "组织编码"],
  name: ["党组织名称", "组织名称"],
  kind: ["组织类型", "党组织类型"],
  parentCode: ["上级党组织编码", "上级组织编码"],
};

/** The sheet (xlsx) or section (csv) that lists organisations with their kind. */
export const ORG_SHEET_NAME = "组织";
/** A CSV line holding only this marker (also "[组织]", "【组织】", "#组织") starts the 组织 section. */
export function isOrgSectionMarker(cells: readonly string[]): boolean {
  const [first, ...rest] = cells.map((c) => c.trim());
  return /^(?:#|\[|【)?\s*组织\s*(?:\]|】)?$/.test(first ?? "") && rest.every((c) => c === "");
}

/** "姓名*", " 出生日期（YYYY-MM-DD）", "Email" all name their column: drop marks, notes and case. */
export function normalizeHeading(raw: string): string {
  return raw
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[*＊\s]/g, "")
    .toLowerCase();
}

function headingIndex<F extends string>(columns: Record<F, string>, aliases: Partial<Record<F, readonly string[]>>) {
  const map = new Map<string, F>();
  for (const [field, heading] of Object.entries(columns) as [F, string][]) {
    map.set(normalizeHeading(heading), field);
    for (const a of aliases[field] ?? []) map.set(normalizeHeading(a), field);
  }
  return map;
}
const personHeadings = headingIndex<PersonField>(PERSON_COLUMNS, PERSON_ALIASES);
const orgHeadings = headingIndex<OrgField>(ORG_COLUMNS, ORG_ALIASES);

export interface HeaderMap<F extends string> {
  /** Column index (0-based) of each field present in the header. */
  readonly index: Partial<Record<F, number>>;
  /** Headings no field claims; their cells are ignored (the report says so). */
  readonly unknown: string[];
  /** Fields named twice, e.g. both 手机号 and 手机. */
  readonly duplicated: F[];
}

function mapHeader<F extends string>(cells: readonly string[], headings: Map<string, F>): HeaderMap<F> {
  const index: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  const duplicated: F[] = [];
  cells.forEach((cell, i) => {
    if (cell.trim() === "") return;
    const field = headings.get(normalizeHeading(cell));
    if (!field) unknown.push(cell.trim());
    else if (index[field] !== undefined) duplicated.push(field);
    else index[field] = i;
  });
  return { index, unknown, duplicated };
}

export const mapPersonHeader = (cells: readonly string[]) => mapHeader(cells, personHeadings);
export const mapOrgHeader = (cells: readonly string[]) => mapHeader(cells, orgHeadings);

/**
 * A header row names 姓名 (people) or 编码 (组织), or at least two known columns, so that a
 * header missing its key column is still found and reported as such. A title row above it is allowed.
 */
const looksLike = <F extends string>(headings: Map<string, F>, key: F) => (cells: readonly string[]) => {
  const fields = cells.map((c) => headings.get(normalizeHeading(c))).filter((f) => f !== undefined);
  return fields.includes(key) || new Set(fields).size >= 2;
};
export const looksLikePersonHeader = looksLike(personHeadings, "name");
export const looksLikeOrgHeader = looksLike(orgHeadings, "code");
