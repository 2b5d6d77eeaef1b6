// The year's card as the reader may see it: the schedule in the database, or, for a year with
// no row yet that the holiday library knows, the library's (what the bot decides by meanwhile).
import { calendarYearCard } from "../../../cards/calendar.ts";
import type { Card, Text } from "../../../cards/kit.ts";
import type { Day } from "../../domain/calendar-day.ts";
import { groupSchedule } from "../../domain/holiday-schedule.ts";
import { librarySchedule, type ScheduleDay } from "../../domain/working-days.ts";
import { dayIn } from "../../domain/zoned-time.ts";
import { type BaseContext, todayOf } from "../context.ts";
import { keeperOrg } from "./access.ts";

export async function yearCard(ctx: BaseContext, year: number, banner?: Text): Promise<Card> {
  const s = await ctx.store.calendar.yearSchedule(year);
  const library = s.source === null ? librarySchedule(year) : null;
  return calendarYearCard({
    year,
    today: todayOf(ctx),
    source: s.source ?? (library ? "LIBRARY" : "BUILT_IN"),
    enteredBy: s.source === "OFFICIAL" ? s.enteredBy : null,
    enteredOn: s.source === "OFFICIAL" && s.enteredAt ? dayIn(s.enteredAt, ctx.config.timezone) : null,
    groups: groupSchedule(library ?? s.days),
    canEdit: (await keeperOrg(ctx)) !== null,
    ...(banner ? { banner } : {}),
  });
}

/** Before an edit: a year the library knows but nobody seeded yet gets its rows, so the edit builds on them. */
export async function editableYear(ctx: BaseContext, year: number): Promise<ScheduleDay[]> {
  await ctx.store.calendar.lockYear(year);
  await ctx.store.calendar.seedLibraryYears([year]);
  return (await ctx.store.calendar.yearSchedule(year)).days;
}

/** Days as the audit keeps them: "2027-02-05 休 春节". */
export function dayLines(days: readonly ScheduleDay[]): string[] {
  return days.map((d) => `${d.day} ${d.kind === "HOLIDAY" ? "休" : "班"}${d.name ? ` ${d.name}` : ""}`);
}

/** The year a command names, else next year from November (when its schedule is being entered), else this year. */
export function defaultYear(today: Day): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= "11-01" ? year + 1 : year;
}
