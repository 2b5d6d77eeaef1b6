// Checks that need more than one row: duplicates inside the file, the organisation tree, who
// each person already is in the store, and each 联系领导. Pure: the store is read beforehand
// into a Snapshot (import.ts), so these rules are tested without a database.
import { PERSON_COLUMNS } from "./columns.ts";
import { parentsFirst, resolveOrgSheet, resolvePersonOrgs } from "./org-tree.ts";
import type { Fail, LeaderTarget, Plan, RosterRows, Snapshot, SnapPerson } from "./plan.ts";
import { where, type RosterProblem } from "./problems.ts";
import { resolveHistory } from "./history-resolve.ts";
import { findRef, indexRows, type RowIndex } from "./person-ref.ts";
import type { PersonRow } from "./rows.ts";
import { LEADING_ROLES } from "./vocab.ts";

export function resolveRoster(rows: RosterRows, snap: Snapshot): Plan {
  const problems: RosterProblem[] = [];
  const warnings: RosterProblem[] = [];
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
    const history = resolveHistory(rows.people, leaders, indexRows(rows), bad, existing, snap, fail);
    if (bad.size === before) {
      const people = rows.people
        .filter((r) => !bad.has(r.line))
        .map((row) => ({ row, existing: existing.get(row.line), leader: leaders.get(row.line), history: history.get(row.line) ?? {} }));
      return { orgs: parentsFirst([...defs.values()].filter((d) => planned.has(d.code))), people, problems, warnings, rejectedOrgRows };
    }
  }
}

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
  warnings: RosterProblem[],
): Map<number, SnapPerson | undefined> {
  const existing = new Map<number, SnapPerson | undefined>();
  const claimedBy = new Map<number, number>();
  for (const r of people) {
    if (bad.has(r.line)) continue;
    const byMobile = r.mobile ? snap.peopleByMobile.get(r.mobile) : undefined;
    const byEmail = r.email ? snap.peopleByEmail.get(r.email) : undefined;
    if (byMobile && byEmail && byMobile.id !== byEmail.id) {
      fail(r.line, `手机号“${r.mobile}”属于系统中的“${byMobile.name}”，邮箱“${r.email}”却属于“${byEmail.name}”：请核对`);
      continue;
    }
    const found = byMobile ?? byEmail;
    // One row's e-mail and another's mobile may both be the same stored person's.
    const other = found ? claimedBy.get(found.id) : undefined;
    if (found && other !== undefined) {
      const same = `都对应系统中的“${found.name}”（手机号${found.mobile ?? "无"}，邮箱${found.email ?? "无"}）：每人只占一行`;
      fail(r.line, `与第${other}行${same}`);
      if (existing.delete(other)) fail(other, `与第${r.line}行${same}`);
      continue;
    }
    if (found) claimedBy.set(found.id, r.line);
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
  const index = indexRows(rows);
  // Chains (A's leader is B, B's leader is unknown) settle by repetition.
  for (let changed = true; changed; ) {
    changed = false;
    targets.clear();
    for (const r of rows.people) {
      if (bad.has(r.line)) continue;
      const t = leaderOf(r, index, bad, existing, snap);
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
  index: RowIndex,
  bad: ReadonlySet<number>,
  existing: ReadonlyMap<number, SnapPerson | undefined>,
  snap: Snapshot,
): LeaderTarget | null | undefined | string {
  if (r.leader === undefined || r.leader === null) return r.leader;
  const found = findRef({ column: PERSON_COLUMNS.leader, ref: r.leader, self: r, notFound: "请填写本文件中或已导入的领导干部的姓名或手机号" }, index, bad, existing, snap);
  if (typeof found === "string") return found;
  if (!found.leading) {
    const label = `${PERSON_COLUMNS.leader}“${r.leader.text}”`;
    return "line" in found.target ? `${label}（第${found.target.line}行）不是党员领导干部或支部书记：请在其角色中写明` : `${label}在系统中不是党员领导干部或支部书记`;
  }
  return found.target;
}
