// Checks that need more than one row: duplicates inside the file, the organisation tree, who
// each person already is in the store, and each 联系领导. Pure: the store is read beforehand
// into a Snapshot (import.ts), so these rules are tested without a database.
import type { OrgKind } from "../generated/prisma/enums.ts";
import { ORG_COLUMNS, PERSON_COLUMNS } from "./columns.ts";
import { where, type Problem } from "./problems.ts";
import type { BadRow, OrgRow, PersonRow } from "./rows.ts";
import { canContain, kindName, LEADING_ROLES } from "./vocab.ts";

export interface SnapOrg {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentCode: string | null;
}

export interface SnapPerson {
  readonly id: number;
  readonly name: string;
  readonly mobile: string | null;
  readonly email: string | null;
  /** Holds 党员领导干部 or 支部书记 in some organisation, so may be someone's 联系领导. */
  readonly leading: boolean;
}

/** What the store holds that the file refers to. All organisations; only the people concerned. */
export interface Snapshot {
  readonly orgs: ReadonlyMap<string, SnapOrg>;
  readonly peopleByMobile: ReadonlyMap<string, SnapPerson>;
  readonly peopleByEmail: ReadonlyMap<string, SnapPerson>;
  readonly peopleByName: ReadonlyMap<string, readonly SnapPerson[]>;
}

/** The state an organisation should have after the import. */
export interface PlannedOrg {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentCode: string | null;
  readonly existing: SnapOrg | undefined;
}

export type LeaderTarget = { readonly line: number } | { readonly personId: number };

export interface PlannedPerson {
  readonly row: PersonRow;
  readonly existing: SnapPerson | undefined;
  /** undefined: no 联系领导 column (keep); null: empty cell (clear). */
  readonly leader: LeaderTarget | null | undefined;
}

export interface Plan {
  /** Parents before children, so ids exist when children are written. */
  readonly orgs: PlannedOrg[];
  readonly people: PlannedPerson[];
  readonly problems: Problem[];
  readonly warnings: Problem[];
  /** 组织 rows that parsed but do not fit the tree (duplicates, unknown parents ...). */
  readonly rejectedOrgRows: number;
}

export interface RosterRows {
  readonly people: readonly PersonRow[];
  readonly badPeople: readonly BadRow[];
  readonly orgs: readonly OrgRow[];
  readonly badOrgs: readonly BadRow[];
  /** Sheet label for 组织 rows in messages: "组织" for the xlsx sheet, undefined for a CSV section. */
  readonly orgSheet: string | undefined;
}

type Def = PlannedOrg & { readonly line?: number; readonly sheet?: string | undefined };

export function resolveRoster(rows: RosterRows, snap: Snapshot): Plan {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const bad = new Set<number>(rows.badPeople.map((b) => b.line));
  const fail = (line: number, message: string) => {
    bad.add(line);
    problems.push({ line, message });
  };
  // Where each organisation code on a bad 组织 row is, to point rows that use it there.
  const badOrgCodes = new Map(rows.badOrgs.filter((b) => b.code).map((b) => [b.code, where({ sheet: rows.orgSheet, line: b.line })]));
  const { defs: sheetDefs, rejected: rejectedOrgRows } = resolveOrgSheet(rows, snap, badOrgCodes, problems);
  findDuplicates(rows, fail);
  const existing = matchStore(rows.people, bad, snap, fail, warnings);

  // A row that turns out bad no longer defines an organisation or stands as a leader, which can
  // make rows that relied on it bad in turn: repeat until nothing changes.
  for (;;) {
    const before = bad.size;
    const { defs, planned } = resolvePersonOrgs(rows.people, bad, sheetDefs, badOrgCodes, snap, fail);
    const leaders = resolveLeaders(rows, bad, existing, snap, fail);
    if (bad.size === before) {
      const people = rows.people
        .filter((r) => !bad.has(r.line))
        .map((row) => ({ row, existing: existing.get(row.line), leader: leaders.get(row.line) }));
      return { orgs: parentsFirst([...defs.values()].filter((d) => planned.has(d.code))), people, problems, warnings, rejectedOrgRows };
    }
  }
}

type Fail = (line: number, message: string) => void;

/** Duplicates are errors on every line involved: which of them is right is for the secretary to say. */
function findDuplicates(rows: RosterRows, fail: Fail): void {
  for (const key of ["mobile", "email"] as const) {
    const lines = new Map<string, number[]>();
    for (const r of [...rows.people, ...rows.badPeople]) {
      const v = r[key];
      if (v) lines.set(v, [...(lines.get(v) ?? []), r.line]);
    }
    for (const [value, at] of lines) {
      if (at.length < 2) continue;
      for (const line of at) {
        const others = at.filter((l) => l !== line).map((l) => `第${l}行`).join("、");
        fail(line, `${PERSON_COLUMNS[key]}“${value}”与${others}重复：每人只占一行`);
      }
    }
  }
}

/** Who each row already is in the store: by mobile, else by e-mail (the upsert keys). */
function matchStore(
  people: readonly PersonRow[],
  bad: ReadonlySet<number>,
  snap: Snapshot,
  fail: Fail,
  warnings: Problem[],
): Map<number, SnapPerson | undefined> {
  const existing = new Map<number, SnapPerson | undefined>();
  for (const r of people) {
    if (bad.has(r.line)) continue;
    const byMobile = r.mobile ? snap.peopleByMobile.get(r.mobile) : undefined;
    const byEmail = r.email ? snap.peopleByEmail.get(r.email) : undefined;
    if (byMobile && byEmail && byMobile.id !== byEmail.id) {
      fail(r.line, `手机号“${r.mobile}”属于系统中的“${byMobile.name}”，邮箱“${r.email}”却属于“${byEmail.name}”：请核对`);
      continue;
    }
    const found = byMobile ?? byEmail;
    existing.set(r.line, found);
    if (found && found.name !== r.name) {
      // Usually a corrected name; sometimes a mistyped mobile that hits someone else.
      warnings.push({ line: r.line, message: `系统中${byMobile ? "手机号" : "邮箱"}相同的人叫“${found.name}”，将改名为“${r.name}”：如非本人请核对${byMobile ? "手机号" : "邮箱"}` });
    }
  }
  return existing;
}

function resolveLeaders(
  rows: RosterRows,
  bad: Set<number>,
  existing: ReadonlyMap<number, SnapPerson | undefined>,
  snap: Snapshot,
  fail: Fail,
): Map<number, LeaderTarget | null | undefined> {
  const targets = new Map<number, LeaderTarget | null | undefined>();
  // Chains (A's leader is B, B's leader is unknown) settle by repetition.
  for (let changed = true; changed; ) {
    changed = false;
    targets.clear();
    for (const r of rows.people) {
      if (bad.has(r.line)) continue;
      const t = leaderOf(r, rows, bad, existing, snap);
      if (typeof t === "string") {
        fail(r.line, t);
        changed = true;
      } else targets.set(r.line, t);
    }
  }
  return targets;
}

function leaderOf(
  r: PersonRow,
  rows: RosterRows,
  bad: ReadonlySet<number>,
  existing: ReadonlyMap<number, SnapPerson | undefined>,
  snap: Snapshot,
): LeaderTarget | null | undefined | string {
  if (r.leader === undefined || r.leader === null) return r.leader;
  const ref = r.leader;
  const label = `${PERSON_COLUMNS.leader}“${ref.text}”`;
  const inFile = rows.people.filter((p) => ("mobile" in ref ? p.mobile === ref.mobile : p.name === ref.name));
  const good = inFile.filter((p) => !bad.has(p.line));
  const badLines = [
    ...inFile.filter((p) => bad.has(p.line)).map((p) => p.line),
    ...rows.badPeople.filter((b) => ("mobile" in ref ? b.mobile === ref.mobile : b.name === ref.name)).map((b) => b.line),
  ];
  if (good.length > 1) return `${label}在本文件中有${good.length}人同名（第${good.map((g) => g.line).join("、")}行）：请改填其手机号`;
  const target = good[0];
  if (target) {
    if (target.line === r.line) return `${PERSON_COLUMNS.leader}不能是本人`;
    const leading = target.roles ? target.roles.some((x) => LEADING_ROLES.has(x)) : (existing.get(target.line)?.leading ?? false);
    if (!leading) return `${label}（第${target.line}行）不是党员领导干部或支部书记：请在其角色中写明`;
    return { line: target.line };
  }
  if (badLines.length > 0) return `${label}所在的第${badLines.join("、")}行有错误未导入：请先改正该行`;
  const inStore = "mobile" in ref ? [snap.peopleByMobile.get(ref.mobile)].filter((p) => p !== undefined) : (snap.peopleByName.get(ref.name) ?? []);
  if (inStore.length > 1) return `${label}在系统中有${inStore.length}人同名：请改填其手机号`;
  const person = inStore[0];
  if (!person) return `${label}在本文件和系统中都找不到：请填写本文件中或已导入的领导干部的姓名或手机号`;
  if (person.id === existing.get(r.line)?.id) return `${PERSON_COLUMNS.leader}不能是本人`;
  if (!person.leading) return `${label}在系统中不是党员领导干部或支部书记`;
  return { personId: person.id };
}

/** The 组织 sheet: every listed organisation with its kind and parent, checked as a tree. */
function resolveOrgSheet(rows: RosterRows, snap: Snapshot, badCodes: ReadonlyMap<string, string>, problems: Problem[]): { defs: Map<string, Def>; rejected: number } {
  const sheet = rows.orgSheet;
  const fail = (line: number, message: string) => problems.push({ sheet, line, message });
  const first = new Map<string, OrgRow>();
  for (const r of rows.orgs) {
    const seen = first.get(r.code);
    if (seen) fail(r.line, `${ORG_COLUMNS.code}“${r.code}”与${where({ sheet, line: seen.line })}重复`);
    else first.set(r.code, r);
  }
  let good = [...first.values()];
  const defsOf = (listed: readonly OrgRow[]) => {
    const defs = new Map<string, Def>([...snap.orgs.values()].map((o) => [o.code, { ...o, existing: o }]));
    for (const r of listed) {
      defs.set(r.code, { code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode, existing: snap.orgs.get(r.code), line: r.line, sheet });
    }
    return defs;
  };
  // A row whose parent is on a bad row becomes bad too; repeat until the tree holds.
  for (let changed = true; changed; ) {
    changed = false;
    const defs = defsOf(good);
    const next: OrgRow[] = [];
    for (const r of good) {
      const message = treeProblem(r.code, defs, r.parentCode !== null, badCodes);
      if (message) {
        fail(r.line, message);
        changed = true;
      } else next.push(r);
    }
    good = next;
  }
  return { defs: defsOf(good), rejected: rows.orgs.length - good.length };
}

/**
 * Whether `code` sits rightly in the tree `defs` would make: its parent exists, may hold its
 * kind, is not itself; and its own children (from the store) still fit under its kind.
 */
function treeProblem(code: string, defs: ReadonlyMap<string, Def>, checkParent: boolean, badCodes: ReadonlyMap<string, string>): string | undefined {
  const org = defs.get(code)!;
  if (checkParent && org.parentCode !== null) {
    const parent = defs.get(org.parentCode);
    if (!parent) {
      const badAt = badCodes.get(org.parentCode);
      return badAt !== undefined
        ? `上级党组织“${org.parentCode}”所在的${badAt}有错误：请先改正该行`
        : `上级党组织编码“${org.parentCode}”在本文件和系统中都找不到：请在“组织”表中列出它`;
    }
    if (!canContain(parent.kind, org.kind)) {
      return `上级党组织“${parent.name}”是${kindName(parent.kind)}，不能下设${kindName(org.kind)}“${org.name}”`;
    }
    const seen = new Set([code]);
    for (let p: Def | undefined = parent; p; p = p.parentCode ? defs.get(p.parentCode) : undefined) {
      if (seen.has(p.code)) return `上级党组织编码“${org.parentCode}”会让组织关系形成循环：请核对`;
      seen.add(p.code);
    }
  }
  for (const child of defs.values()) {
    if (child.parentCode === code && !canContain(org.kind, child.kind)) {
      return `“${org.name}”下已有${kindName(child.kind)}“${child.name}”，不能改为${kindName(org.kind)}`;
    }
  }
  return undefined;
}

/**
 * Each person row names its organisation by code. The code is known from the 组织 sheet, the
 * store, or an earlier row; otherwise the row defines a new 党支部 and must give its name.
 * A row may also rename its organisation or move it under another parent.
 */
function resolvePersonOrgs(
  people: readonly PersonRow[],
  bad: Set<number>,
  sheetDefs: ReadonlyMap<string, Def>,
  badOrgCodes: ReadonlyMap<string, string>,
  snap: Snapshot,
  fail: Fail,
): { defs: Map<string, Def>; planned: Set<string> } {
  const defs = new Map(sheetDefs);
  const planned = new Set<string>([...sheetDefs.values()].filter((d) => d.line !== undefined).map((d) => d.code));
  const nameLabel = PERSON_COLUMNS.orgName;
  const parentLabel = PERSON_COLUMNS.parentCode;
  for (const r of people) {
    if (bad.has(r.line)) continue;
    const def = defs.get(r.orgCode);
    const markBad = (message: string) => fail(r.line, message);
    const source = def?.line !== undefined ? where({ sheet: def.sheet, line: def.line }) : undefined;
    if (def && source) {
      // Defined by the 组织 sheet or an earlier row: this row may only agree with it.
      if (r.orgName && r.orgName !== def.name) {
        markBad(`${nameLabel}“${r.orgName}”与${source}给编码“${r.orgCode}”写的名称“${def.name}”不一致`);
        continue;
      }
      if (r.parentCode && r.parentCode !== def.parentCode) {
        markBad(`${parentLabel}“${r.parentCode}”与${source}给“${def.name}”写的上级“${def.parentCode ?? "无"}”不一致`);
        continue;
      }
      planned.add(r.orgCode);
      continue;
    }
    const badAt = def ? undefined : badOrgCodes.get(r.orgCode);
    if (badAt !== undefined) {
      markBad(`党组织“${r.orgCode}”所在的${badAt}有错误：请先改正该行`);
      continue;
    }
    if (!def && !r.orgName) {
      markBad(`${PERSON_COLUMNS.orgCode}“${r.orgCode}”是新的党组织：请填写${nameLabel}（名称），或在“组织”表中列出它`);
      continue;
    }
    const next: Def = {
      code: r.orgCode,
      name: r.orgName ?? def!.name,
      kind: def?.kind ?? "BRANCH",
      parentCode: r.parentCode ?? def?.parentCode ?? null,
      existing: snap.orgs.get(r.orgCode),
      line: r.line,
    };
    const trial = new Map(defs).set(r.orgCode, next);
    const message = treeProblem(r.orgCode, trial, r.parentCode !== null, badOrgCodes);
    if (message) {
      markBad(message);
      continue;
    }
    // A store organisation the row leaves as it is stays undefined by any line, so later
    // rows are not told they "disagree with line N" when they give its name differently.
    defs.set(r.orgCode, def && next.name === def.name && next.parentCode === def.parentCode ? def : next);
    planned.add(r.orgCode);
  }
  return { defs, planned };
}

/** Orders organisations so that each parent precedes its children. */
function parentsFirst(orgs: PlannedOrg[]): PlannedOrg[] {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const out: PlannedOrg[] = [];
  const done = new Set<string>();
  const visit = (o: PlannedOrg) => {
    if (done.has(o.code)) return;
    done.add(o.code);
    const parent = o.parentCode ? byCode.get(o.parentCode) : undefined;
    if (parent) visit(parent);
    out.push(o);
  };
  orgs.forEach(visit);
  return out;
}
