// The national calendar's upkeep, daily. It seeds the holiday library's schedule for last, this
// and next year where the library knows them and nobody has (never over an entered one); and
// from November 1st, while next year has no OFFICIAL schedule, it reminds the top
// organisation's secretaries to enter it: on working days, in daytime, once a week at most
// (the key is secretary + year + week).
import { calendarMissingCard } from "../../cards/calendar.ts";
import { weekOf } from "../domain/job-match.ts";
import { librarySchedule } from "../domain/working-days.ts";
import { dayIn } from "../domain/zoned-time.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

/** From this day of the year on, next year's schedule is asked for (the notice usually comes out in November). */
export const ASK_FROM = "11-01";

const missingKey = (year: number, personId: number, week: string) => `calendar-missing-${year}-${personId}-${week}`;

export interface CalendarCheckResult {
  today: string;
  seeded: number[];
  skipped?: "not-yet" | "official" | "rest-day" | "night";
  staged: number;
}

/** Seeds the library's last, this and next year where it knows them and the database has no row (also run at start). */
export async function seedCalendarYears(d: Pick<TaskDeps, "clock" | "config" | "inTransaction" | "log" | "store">): Promise<number[]> {
  const year = Number(dayIn(d.clock.now(), d.config.timezone).slice(0, 4));
  // Most days every year has its row: one read on the pool, and no transaction opened.
  const missing = (await d.store.calendar.yearsWithoutRow([year - 1, year, year + 1])).filter((y) => librarySchedule(y) !== null);
  if (missing.length === 0) return [];
  const seeded = await d.inTransaction((store) => store.calendar.seedLibraryYears(missing));
  if (seeded.length > 0) d.log.info({ seeded }, "holiday schedule seeded from the library");
  return seeded;
}

export async function runCalendarCheck(d: TaskDeps): Promise<CalendarCheckResult> {
  const seeded = await seedCalendarYears(d);
  // Read after seeding: the run decides by what it just wrote.
  const w = await pushWindowOf(d);
  const next = Number(w.today.slice(0, 4)) + 1;
  if (w.today.slice(5) < ASK_FROM) return { today: w.today, seeded, skipped: "not-yet", staged: 0 };
  if ((await d.store.calendar.officialYears([next])).has(next)) return { today: w.today, seeded, skipped: "official", staged: 0 };
  if (!w.workingDay) return { today: w.today, seeded, skipped: "rest-day", staged: 0 };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["COMMITTEE", "GENERAL_BRANCH", "BRANCH"]).map((b) => b.orgId));
  const keepers = (await d.store.calendar.calendarKeepers()).filter((k) => daytime.has(k.orgId));
  if (keepers.length === 0) return { today: w.today, seeded, skipped: "night", staged: 0 };
  const week = weekOf(w.today);
  const source = w.calendar.sourceOf(next);
  const out: NewOutgoing[] = keepers.map((k) => ({ kind: "SEND", to: { openId: k.openId }, card: calendarMissingCard({ name: k.name, year: next, source }), key: missingKey(next, k.personId, week) }));
  const staged = await d.store.outbox.stageOutgoing(out);
  await d.enqueue.delivery(staged);
  return { today: w.today, seeded, staged: staged.length };
}
