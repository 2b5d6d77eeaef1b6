// When each recurring task of SCHEDULES fires on a given day, read from its cron pattern, so the
// simulated year runs the tasks as the scheduler would, at their own hours (Asia/Shanghai),
// without waiting on queue timers. Only the minutes that matter are visited: every minute some
// task names outright, plus a few night minutes where only the "every n minutes" tasks fire
// (they must stay quiet there).
import { type Day, dayOfMonth, weekday } from "../../src/domain/calendar-day.ts";
import { SCHEDULES } from "../../src/jobs/schedules.ts";

type Field = (n: number) => boolean;

function field(spec: string, min: number, max: number): Field {
  const parts = spec.split(",").map((part) => {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText ? Number(stepText) : 1;
    const [lo, hi] = range === "*" ? [min, max] : range.includes("-") ? range.split("-").map(Number) as [number, number] : [Number(range), stepText ? max : Number(range)];
    if (![lo, hi, step].every(Number.isInteger)) throw new Error(`cron field not understood: ${spec}`);
    return (n: number) => n >= lo && n <= hi && (n - lo) % step === 0;
  });
  return (n) => parts.some((p) => p(n));
}

interface Cron {
  minute: Field;
  hour: Field;
  matchesDay(day: Day): boolean;
  /** Minutes of the day named outright (no wildcard in minute and hour). */
  named: number[];
}

function parseCron(pattern: string): Cron {
  const f = pattern.trim().split(/\s+/);
  if (f.length !== 5) throw new Error(`expected a 5-field cron pattern: ${pattern}`);
  const [mi, ho, dom, mon, dow] = f as [string, string, string, string, string];
  const minute = field(mi, 0, 59);
  const hour = field(ho, 0, 23);
  const domF = field(dom, 1, 31);
  const monF = field(mon, 1, 12);
  const dowF = field(dow, 0, 7);
  const named: number[] = [];
  if (!mi.includes("*") && !ho.includes("*")) for (let h = 0; h < 24; h++) for (let m = 0; m < 60; m++) if (hour(h) && minute(m)) named.push(h * 60 + m);
  return {
    minute,
    hour,
    named,
    // Cron's rule: with both day-of-month and day-of-week restricted, either may match.
    matchesDay(day) {
      if (!monF(Number(day.slice(5, 7)))) return false;
      const wd = weekday(day);
      const byDom = domF(dayOfMonth(day));
      const byDow = dowF(wd) || (wd === 0 && dowF(7));
      if (dom !== "*" && dow !== "*") return byDom || byDow;
      return byDom && byDow;
    },
  };
}

const PATTERNED = SCHEDULES.flatMap((s) => ("pattern" in s ? [{ task: s.task, cron: parseCron(s.pattern) }] : []));

/** Night minutes visited each day: ten minutes before the day starts (08:00) and after it ends (21:00). */
const NIGHT_PROBES = [7 * 60 + 50, 21 * 60 + 10];

/** The minutes of `day` to visit, in order, each with the tasks that fire then. */
export function firingsOn(day: Day): { minute: number; tasks: string[] }[] {
  const minutes = new Set<number>(NIGHT_PROBES);
  for (const p of PATTERNED) for (const m of p.cron.named) minutes.add(m);
  const out: { minute: number; tasks: string[] }[] = [];
  for (const minute of [...minutes].sort((a, b) => a - b)) {
    const tasks = PATTERNED.filter((p) => p.cron.matchesDay(day) && p.cron.hour(Math.floor(minute / 60)) && p.cron.minute(minute % 60)).map((p) => p.task);
    if (tasks.length > 0) out.push({ minute, tasks });
  }
  return out;
}

export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
