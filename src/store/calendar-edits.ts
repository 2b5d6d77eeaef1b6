// Edits of the national calendar (store/calendar.ts reads it): seeding the years the holiday
// library knows, and the top organisation's entry of the official schedule. Each runs in the
// caller's transaction; the handler audits it.
import { librarySchedule, type ScheduleDay } from "../domain/working-days.ts";
import type { Tx } from "./tx.ts";

/**
 * Serialises edits of one year's schedule: two people entering at once would otherwise each
 * read the year, add their holiday and write back without the other's.
 */
export async function lockYear(tx: Tx, year: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(20261203, ${year}::int)`;
}

/**
 * Inserts the library's schedule for each of `years` it knows and that has no row yet; a year
 * already seeded or entered (OFFICIAL) is never touched. Safe to run on every start and from
 * several processes: the year's row is claimed first, and only the one claim that wins writes
 * the days, in the caller's transaction. Returns the years seeded.
 */
export async function seedLibraryYears(tx: Tx, years: readonly number[]): Promise<number[]> {
  const seeded: number[] = [];
  for (const year of years) {
    const days = librarySchedule(year);
    if (!days) continue;
    const claimed = await tx.$queryRaw<{ year: number }[]>`
      INSERT INTO "CalendarYear" ("year", "source") VALUES (${year}, 'LIBRARY') ON CONFLICT ("year") DO NOTHING RETURNING "year"`;
    if (claimed.length === 0) continue;
    await insertDays(tx, days, null);
    seeded.push(year);
  }
  return seeded;
}

/**
 * Replaces the year's days with `days` and marks the year OFFICIAL, entered by `byId`: what the
 * import and every edit on the form card do. Returns the days as they were, for the audit.
 */
export async function replaceYear(tx: Tx, q: { year: number; days: readonly ScheduleDay[]; byId: number | null; at: Date }): Promise<ScheduleDay[]> {
  const before = await tx.$queryRaw<ScheduleDay[]>`
    DELETE FROM "CalendarDay" WHERE "day" BETWEEN make_date(${q.year}::int, 1, 1) AND make_date(${q.year}::int, 12, 31)
    RETURNING "day"::text AS "day", "kind"::text AS "kind", "name"`;
  await insertDays(tx, q.days, q.byId);
  await markOfficial(tx, q.year, q.byId, q.at);
  return before.sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Marks the year's schedule as the official one (entered, or the seeded one checked against the notice). */
export async function markOfficial(tx: Tx, year: number, byId: number | null, at: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CalendarYear" ("year", "source", "enteredById", "enteredAt") VALUES (${year}, 'OFFICIAL', ${byId}, ${at})
    ON CONFLICT ("year") DO UPDATE SET "source" = 'OFFICIAL', "enteredById" = EXCLUDED."enteredById", "enteredAt" = EXCLUDED."enteredAt"`;
}

async function insertDays(tx: Tx, days: readonly ScheduleDay[], byId: number | null): Promise<void> {
  if (days.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "CalendarDay" ("day", "kind", "name", "updatedById", "updatedAt")
    SELECT d."day"::date, d."kind"::"DayKind", d."name", ${byId}::int, now()
    FROM jsonb_to_recordset(${JSON.stringify(days)}::jsonb) AS d("day" text, "kind" text, "name" text)
    ON CONFLICT ("day") DO NOTHING`;
}
