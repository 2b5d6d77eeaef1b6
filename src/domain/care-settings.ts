// The care settings of an organisation (talk cadence, hardship reviews, night hours), read from
// Organization.settings (JSON) and checked with zod here, where they enter the program. Each
// section falls back to its defaults on its own when it is malformed, and the problem is
// reported, so one bad setting in one branch cannot stop the reminders of every branch. Only
// the sections below are this feature's; other features keep their own keys beside them.
import { z } from "zod";
import { DEFAULT_REVIEW_RULES, type ReviewRules } from "./review-due.ts";
import { DEFAULT_TALK_RULES, type TalkRules } from "./talk-cadence.ts";
import type { NightHours } from "./working-days.ts";

const days = (d: number) => z.int().min(0).max(366).default(d);
const months = (d: number) => z.int().min(1).max(60).default(d);

const talks = z.object({
  cadenceMonths: months(DEFAULT_TALK_RULES.cadenceMonths),
  hardshipCadenceMonths: months(DEFAULT_TALK_RULES.hardshipCadenceMonths),
  dueSoonDays: days(DEFAULT_TALK_RULES.dueSoonDays),
  graceDays: days(DEFAULT_TALK_RULES.graceDays),
  urgentDueDays: z.int().min(1).max(30).default(DEFAULT_TALK_RULES.urgentDueDays),
  followUpSoonDays: days(DEFAULT_TALK_RULES.followUpSoonDays),
});

const review = z.object({
  leadDays: days(DEFAULT_REVIEW_RULES.leadDays),
  escalateAfterDays: days(DEFAULT_REVIEW_RULES.escalateAfterDays),
});

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM")
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));
const night = z
  .object({ start: clock.prefault("21:00"), end: clock.prefault("08:00") })
  .transform((n): NightHours => ({ startMinute: n.start, endMinute: n.end }));

export interface CareRules {
  talk: TalkRules;
  review: ReviewRules;
  night: NightHours;
}

export function readRules(settings: unknown): CareRules & { problems: string[] } {
  const obj = typeof settings === "object" && settings !== null && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
  const problems: string[] = [];
  function section<T>(key: string, schema: z.ZodType<T>): T {
    const parsed = schema.safeParse(obj[key] ?? {});
    if (parsed.success) return parsed.data;
    problems.push(...parsed.error.issues.map((i) => `${key}.${i.path.join(".")}: ${i.message}`));
    return schema.parse({});
  }
  return { talk: section("talks", talks), review: section("hardshipReview", review), night: section("nightHours", night), problems };
}
