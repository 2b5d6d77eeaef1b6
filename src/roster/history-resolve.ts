// The people the history columns name (谈心人, 结对人), found like a 联系领导 (person-ref.ts), and
// each row's history put into the shape write-history.ts carries out. Pure, like resolve.ts.
import { PERSON_COLUMNS } from "./columns.ts";
import { findRef, type RowIndex } from "./person-ref.ts";
import type { Fail, LeaderTarget, PlannedHistory, Snapshot, SnapPerson } from "./plan.ts";
import type { PersonRow } from "./rows.ts";

const ANYONE = "请填写本文件中或系统中已有的人的姓名或手机号";

/** One row's history, or the message that makes the row bad. */
function historyOf(
  r: PersonRow,
  leader: LeaderTarget | null | undefined,
  index: RowIndex,
  bad: ReadonlySet<number>,
  existing: ReadonlyMap<number, SnapPerson | undefined>,
  snap: Snapshot,
): PlannedHistory | string {
  const out: { -readonly [K in keyof PlannedHistory]: PlannedHistory[K] } = {};
  if (r.lastTalkOn) {
    // 谈心人 as written; without one, the 联系领导 is taken to have held it (history-cells.ts
    // has made sure one of them is given).
    if (r.talkLeader) {
      const found = findRef({ column: PERSON_COLUMNS.talkLeader, ref: r.talkLeader, self: r, notFound: ANYONE }, index, bad, existing, snap);
      if (typeof found === "string") return found;
      out.talk = { heldOn: r.lastTalkOn, leader: found.target };
    } else if (leader) out.talk = { heldOn: r.lastTalkOn, leader };
  }
  if (r.pairHelper) {
    const found = findRef({ column: PERSON_COLUMNS.pairHelper, ref: r.pairHelper, self: r, notFound: ANYONE }, index, bad, existing, snap);
    if (typeof found === "string") return found;
    // A leader or secretary paired with a member is 领导干部联系; anyone else 党员结对.
    out.helper = { target: found.target, kind: found.leading ? "LEADER" : "MEMBER" };
  }
  if (r.pairDepartment) out.department = r.pairDepartment;
  if (r.hardshipCauses && r.hardshipLevel && r.household) {
    out.hardship = { causes: r.hardshipCauses, level: r.hardshipLevel, household: r.household };
  }
  return out;
}

/** Each good row's history; rows whose named people cannot be found are failed. */
export function resolveHistory(
  people: readonly PersonRow[],
  leaders: ReadonlyMap<number, LeaderTarget | null | undefined>,
  index: RowIndex,
  bad: Set<number>,
  existing: ReadonlyMap<number, SnapPerson | undefined>,
  snap: Snapshot,
  fail: Fail,
): Map<number, PlannedHistory> {
  const out = new Map<number, PlannedHistory>();
  for (const r of people) {
    if (bad.has(r.line)) continue;
    const h = historyOf(r, leaders.get(r.line), index, bad, existing, snap);
    if (typeof h === "string") fail(r.line, h);
    else out.set(r.line, h);
  }
  return out;
}
