// Records of members who left are kept for the configured period after their last membership
// ended (RETENTION_AFTER_LEAVING_DAYS, 3 years by default: see config.ts), then their sensitive
// free text is erased: the notes of talks held with them, their hardship archive's household
// situation, what their aid requests said, visit and contact notes, their questions, the bytes
// of their attachments (store/retention.ts lists every field). Amounts, dates, categories and
// statuses stay, so the fund ledger and the branch's counts still add up. One audit line per
// person says it happened, with counts and never values.
//
// A member who came back (an ACTIVE membership again) or is only suspended is never erased; one
// who comes back after an erasure and leaves again is erased again once the period after that
// departure is over. Each person in a transaction of their own (their fields, erasedAt and the
// audit line commit together); the person is re-checked inside it, so a member restored between
// the list and the erasure keeps everything. Safe to run twice: an erased person is not listed.
import { addDays } from "../domain/calendar-day.ts";
import { dayIn } from "../domain/zoned-time.ts";
import type { Erased } from "../store/retention.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface EraseResult {
  today: string;
  /** People whose records were erased by this run. */
  erased: number;
}

const PAGE = 200;

/** The last departure day whose records are past the period today: kept `days` full days after it. */
export function lastDayToErase(today: string, days: number): string {
  return addDays(today, -(days + 1));
}

export async function runEraseDeparted(d: TaskDeps): Promise<EraseResult> {
  const at = d.clock.now();
  const today = dayIn(at, d.config.timezone);
  const leftBy = lastDayToErase(today, d.config.retention.afterLeavingDays);
  let erased = 0;
  for (let afterId = 0; ; ) {
    const people = await d.store.retention.departedBefore({ leftBy, afterId, limit: PAGE });
    for (const p of people) {
      const done: Erased | null = await d.inTransaction(async (store) => {
        const e = await store.retention.erasePerson({ personId: p.personId, leftBy, at });
        if (e) await store.retention.auditErasure({ personId: p.personId, orgId: p.orgId, leftOn: p.leftOn, erased: e, at });
        return e;
      });
      if (done) erased++;
    }
    if (people.length < PAGE) break;
    afterId = people[people.length - 1]!.personId;
  }
  if (erased > 0) d.log.info({ erased, leftBy }, "records of departed members erased");
  return { today, erased };
}
