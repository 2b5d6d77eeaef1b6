// The organisation tree a roster describes: the 组织 sheet, and the organisations person rows
// name by code. Checked against the store's tree so that parents exist, kinds nest (党委 >
// 党总支 > 党支部) and no cycle appears. Pure, like resolve.ts which calls it.
import { ORG_COLUMNS, PERSON_COLUMNS } from "./columns.ts";
import { where, type RosterProblem } from "./problems.ts";
import type { Fail, PlannedOrg, RosterRows, Snapshot } from "./plan.ts";
import type { OrgRow, PersonRow } from "./rows.ts";
import { canContain, kindName } from "./vocab.ts";

/** A planned organisation and, when the file defines it, where. */
export type Def = PlannedOrg & { readonly line?: number; readonly sheet?: string | undefined };

/** The 组织 sheet: every listed organisation with its kind and parent, checked as a tree. */
export function resolveOrgSheet(rows: RosterRows, snap: Snapshot, badCodes: ReadonlyMap<string, string>, problems: RosterProblem[]): { defs: Map<string, Def>; rejected: number } {
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
export function resolvePersonOrgs(
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
export function parentsFirst(orgs: PlannedOrg[]): PlannedOrg[] {
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
