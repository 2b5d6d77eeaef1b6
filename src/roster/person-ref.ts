// Finding the person a cell names (联系领导, 谈心人, 结对人): a row of this file, else someone
// already in the store, by mobile or by name. Pure, like resolve.ts, over the Snapshot.
import type { PersonRef } from "./cells.ts";
import type { LeaderTarget, RosterRows, Snapshot, SnapPerson } from "./plan.ts";
import type { BadRow, PersonRow } from "./rows.ts";
import { LEADING_ROLES } from "./vocab.ts";

/** Every row (good or not) by mobile and by name, so finding a named person is not a scan. */
export interface RowIndex {
  readonly byMobile: ReadonlyMap<string, readonly (PersonRow | BadRow)[]>;
  readonly byName: ReadonlyMap<string, readonly (PersonRow | BadRow)[]>;
}

export function indexRows(rows: RosterRows): RowIndex {
  const byMobile = new Map<string, (PersonRow | BadRow)[]>();
  const byName = new Map<string, (PersonRow | BadRow)[]>();
  const add = (map: Map<string, (PersonRow | BadRow)[]>, key: string | null, r: PersonRow | BadRow) => {
    if (key) map.set(key, [...(map.get(key) ?? []), r]);
  };
  for (const r of [...rows.people, ...rows.badPeople]) {
    add(byMobile, r.mobile, r);
    add(byName, r.name, r);
  }
  return { byMobile, byName };
}

// orgCode is required, so always present on a parsed row; a BadRow has `code` instead.
const isPersonRow = (r: PersonRow | BadRow): r is PersonRow => "orgCode" in r;

export interface Found {
  readonly target: LeaderTarget;
  /** Holds 党员领导干部 or 支部书记 (in the file's 角色, else in the store). */
  readonly leading: boolean;
}

export interface RefQuery {
  /** The column's heading, for messages. */
  readonly column: string;
  readonly ref: PersonRef;
  /** The row the cell is on: nobody is their own 联系领导 or 结对人. */
  readonly self: PersonRow;
  /** What to write instead, when nobody is found. */
  readonly notFound: string;
}

/** The person `q.ref` names, or the Chinese message saying why it cannot be told. */
export function findRef(
  q: RefQuery,
  index: RowIndex,
  bad: ReadonlySet<number>,
  existing: ReadonlyMap<number, SnapPerson | undefined>,
  snap: Snapshot,
): Found | string {
  const { ref } = q;
  const label = `${q.column}“${ref.text}”`;
  const inFile = ("mobile" in ref ? index.byMobile.get(ref.mobile) : index.byName.get(ref.name)) ?? [];
  const good = inFile.filter((p): p is PersonRow => isPersonRow(p) && !bad.has(p.line));
  const badLines = inFile.filter((p) => !isPersonRow(p) || bad.has(p.line)).map((p) => p.line).sort((a, b) => a - b);
  if (good.length > 1) return `${label}在本文件中有${good.length}人同名（第${good.map((g) => g.line).join("、")}行）：请改填其手机号`;
  const target = good[0];
  if (target) {
    if (target.line === q.self.line) return `${q.column}不能是本人`;
    const leading = target.roles ? target.roles.some((x) => LEADING_ROLES.has(x)) : (existing.get(target.line)?.leading ?? false);
    return { target: { line: target.line }, leading };
  }
  if (badLines.length > 0) return `${label}所在的第${badLines.join("、")}行有错误未导入：请先改正该行`;
  const inStore = "mobile" in ref ? [snap.peopleByMobile.get(ref.mobile)].filter((p) => p !== undefined) : (snap.peopleByName.get(ref.name) ?? []);
  if (inStore.length > 1) return `${label}在系统中有${inStore.length}人同名：请改填其手机号`;
  const person = inStore[0];
  if (!person) return `${label}在本文件和系统中都找不到：${q.notFound}`;
  if (person.id === existing.get(q.self.line)?.id) return `${q.column}不能是本人`;
  return { target: { personId: person.id }, leading: person.leading };
}

