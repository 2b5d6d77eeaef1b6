// The national calendar (one per deployment): a row per day that differs from "Monday to Friday
// work" (CalendarDay) and a row per year saying whose schedule it is (CalendarYear: seeded from
// the library, or entered by the top organisation from the State Council's notice). Tasks read
// it once per run as a pure WorkingDays (domain/working-days.ts) and ask that for every member;
// the rows are a few dozen a year, so the whole table is read. Reads here, on Rows (a task reads
// on the pool); the edits, on a transaction, in calendar-edits.ts.
import type { Day } from "../domain/calendar-day.ts";
import { type ScheduleDay, type WorkingDays, workingDaysFrom } from "../domain/working-days.ts";
import type { Rows } from "./rows.ts";
import { activeMembership, alive } from "./standing.ts";

export type CalendarSource = "OFFICIAL" | "LIBRARY";

/** The calendar a task run decides by. */
export async function workingDays(rows: Rows): Promise<WorkingDays> {
  const [years, days] = await Promise.all([
    rows<{ year: number; source: CalendarSource }>(`SELECT "year", "source"::text AS "source" FROM "CalendarYear"`, []),
    rows<{ day: Day; kind: ScheduleDay["kind"] }>(`SELECT "day"::text AS "day", "kind"::text AS "kind" FROM "CalendarDay"`, []),
  ]);
  return workingDaysFrom(years, days);
}

export interface YearSchedule {
  year: number;
  /** null: no row yet (the built-in fallback decides). */
  source: CalendarSource | null;
  enteredBy: string | null;
  enteredAt: Date | null;
  days: ScheduleDay[];
}

/** One year's schedule as the form card shows it. */
export async function yearSchedule(rows: Rows, year: number): Promise<YearSchedule> {
  const [head] = await rows<{ source: CalendarSource; enteredBy: string | null; enteredAt: Date }>(
    `SELECT y."source"::text AS "source", p."name" AS "enteredBy", y."enteredAt" FROM "CalendarYear" y LEFT JOIN "Person" p ON p."id" = y."enteredById" WHERE y."year" = $1`,
    [year],
  );
  const days = await rows<ScheduleDay>(
    `SELECT "day"::text AS "day", "kind"::text AS "kind", "name" FROM "CalendarDay" WHERE "day" BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY "day"`,
    [year],
  );
  return { year, source: head?.source ?? null, enteredBy: head?.enteredBy ?? null, enteredAt: head?.enteredAt ?? null, days };
}

/** The years (of those given) that have no CalendarYear row yet. */
export async function yearsWithoutRow(rows: Rows, years: readonly number[]): Promise<number[]> {
  const found = await rows<{ year: number }>(`SELECT "year" FROM "CalendarYear" WHERE "year" = ANY($1::int[])`, [[...years]]);
  const have = new Set(found.map((r) => r.year));
  return years.filter((y) => !have.has(y));
}

/** The years (of those given) that have an OFFICIAL schedule. */
export async function officialYears(rows: Rows, years: readonly number[]): Promise<Set<number>> {
  const found = await rows<{ year: number }>(`SELECT "year" FROM "CalendarYear" WHERE "source" = 'OFFICIAL' AND "year" = ANY($1::int[])`, [[...years]]);
  return new Set(found.map((r) => r.year));
}

export interface TopOrg {
  id: number;
  name: string;
}

/** The organisations at the top of the tree (usually the community committee): they own the calendar. */
export async function topOrgs(rows: Rows): Promise<TopOrg[]> {
  return rows<TopOrg>(`SELECT "id", "name" FROM "Organization" WHERE "parentId" IS NULL ORDER BY "id"`, []);
}

export interface CalendarKeeper {
  orgId: number;
  personId: number;
  name: string;
  openId: string;
}

/** The secretaries of the top organisations on Lark, still serving: whom the missing-schedule reminder goes to. */
export async function calendarKeepers(rows: Rows): Promise<CalendarKeeper[]> {
  return rows<CalendarKeeper>(
    `SELECT DISTINCT ON (p."id") ms."orgId", p."id" AS "personId", p."name", p."larkOpenId" AS "openId"
     FROM "Membership" ms JOIN "Person" p ON p."id" = ms."personId" JOIN "Organization" o ON o."id" = ms."orgId"
     WHERE o."parentId" IS NULL AND ms."role" = 'SECRETARY' AND ${activeMembership("ms")} AND ${alive("p")} AND p."larkOpenId" IS NOT NULL
     ORDER BY p."id", ms."orgId"`,
    [],
  );
}
