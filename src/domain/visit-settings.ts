// A branch's visit rules, read from Organization.settings.visits. Every rule has an explicit
// default, so a branch with no settings visits at 春节, 七一, 中秋 and 重阳 with 14 days' notice.
// A settings object that does not parse falls back to the defaults and says why (the caller
// logs it): a typo in one branch's settings must not stop that branch's visits.
import { z } from "zod";
import {
  AUDIENCES,
  BUILTIN_CODES,
  BUILTIN_FESTIVALS,
  DEFAULT_FESTIVALS,
  DEFAULT_LEAD_DAYS,
  type BuiltinFestival,
  type FestivalDef,
} from "./festivals.ts";

const customFestival = z
  .object({
    /** Upper-case code stored on the visit tasks, e.g. "BRANCH_DAY". */
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/),
    zh: z.string().min(1).max(20),
    en: z.string().min(1).max(60),
    calendar: z.enum(["SOLAR", "LUNAR"]),
    month: z.int().min(1).max(12),
    day: z.int().min(1).max(31),
    audience: z.array(z.enum(AUDIENCES)).min(1).default(["CORE"]),
  })
  .refine((f) => f.calendar === "SOLAR" || f.day <= 30, { message: "a lunar day is 1-30", path: ["day"] })
  .refine((f) => !(BUILTIN_CODES as string[]).includes(f.code), { message: "a custom festival cannot reuse a built-in code", path: ["code"] });

const visitSettingsSchema = z.object({
  /** Days before a festival that its visits are planned and the visitors told. */
  leadDays: z.int().min(1).max(60).default(DEFAULT_LEAD_DAYS),
  /** Built-in festivals this branch visits at (add "ARMY_DAY" for 八一). */
  festivals: z.array(z.enum(BUILTIN_CODES as [BuiltinFestival, ...BuiltinFestival[]])).default([...DEFAULT_FESTIVALS]),
  /** The branch's own days. */
  custom: z.array(customFestival).max(12).default([]),
  /** 老党员 without the tag: party standing of at least minPartyYears, or age of at least minAge (null: rule off). */
  oldMember: z
    .object({ minPartyYears: z.int().min(1).max(90).nullable().default(50), minAge: z.int().min(40).max(120).nullable().default(80) })
    .default({ minPartyYears: 50, minAge: 80 }),
  /** 重阳 (audience ELDERLY): members at least this old on the day. */
  elderlyMinAge: z.int().min(50).max(120).default(70),
  /** Members with an active hardship-archive entry are visited at CORE festivals. */
  hardship: z.boolean().default(true),
  /** An event visit (六必访) is due this many days after it is reported. */
  eventDueDays: z.int().min(1).max(30).default(3),
  /** Overdue tasks: the visitor is reminded every n days; the secretary is told after m days. */
  remindEveryDays: z.int().min(1).max(30).default(3),
  escalateAfterDays: z.int().min(1).max(90).default(7),
  /** Monthly contact reminders (pairing helpers, leaders of mobile members) go out from this day of the month. */
  contactReminderDay: z.int().min(1).max(28).default(1),
  /** A mobile member with no logged contact for this many months is reported as lost contact. */
  lostContactMonths: z.int().min(1).max(24).default(3),
});

export type VisitSettings = z.infer<typeof visitSettingsSchema>;

export const DEFAULT_VISIT_SETTINGS: VisitSettings = visitSettingsSchema.parse({});

/** Organization.settings (any JSON) -> the branch's visit settings; `problem` when they did not parse. */
export function readVisitSettings(orgSettings: unknown): { settings: VisitSettings; problem?: string } {
  const raw = orgSettings && typeof orgSettings === "object" ? (orgSettings as Record<string, unknown>).visits : undefined;
  const parsed = visitSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data };
  const problem = parsed.error.issues.map((i) => `visits.${i.path.join(".")}: ${i.message}`).join("; ");
  return { settings: DEFAULT_VISIT_SETTINGS, problem };
}

/** The festivals a branch visits at, built-in and its own. */
export function festivalsOf(s: VisitSettings): FestivalDef[] {
  const builtins: FestivalDef[] = [...new Set(s.festivals)].map((c) => BUILTIN_FESTIVALS[c]);
  const custom: FestivalDef[] = s.custom.map((c) => ({
    code: c.code,
    name: { zh: c.zh, en: c.en },
    calendar: c.calendar,
    month: c.month,
    day: c.day,
    audience: c.audience,
  }));
  return [...builtins, ...custom];
}

/** The name of a festival code for display: built-in, a branch's own, or the code itself. */
export function festivalName(code: string, s?: VisitSettings): { zh: string; en: string } {
  const builtin = (BUILTIN_FESTIVALS as Record<string, FestivalDef>)[code];
  if (builtin) return builtin.name;
  const own = s?.custom.find((c) => c.code === code);
  return own ? { zh: own.zh, en: own.en } : { zh: code, en: code };
}
