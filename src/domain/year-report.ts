// The year-end report (年度报告) a branch or a committee sends to the organisation above it
// (#16 item 3, the notice's "reporting upward"): the year's care work as figures only, no names
// and no notes. This module holds the rules: which year a request means, when the December
// reminder is owed, how the figures of several branches add up, and the fund's reconciliation
// per source (opening balance + income - payments = closing balance).
import { AID_CATEGORIES, FUND_SOURCES, type AidCategory, type FundEntryKind, type FundSource } from "./aid-rules.ts";
import type { Day } from "./calendar-day.ts";
import { problem, type Parsed } from "./problem.ts";

export const TALK_FORMS = ["IN_PERSON", "PHONE", "VIDEO"] as const;
export type TalkFormName = (typeof TALK_FORMS)[number];
export const COMMEND_LEVELS = ["BRANCH", "COMMITTEE", "HIGHER"] as const;
export type CommendLevelName = (typeof COMMEND_LEVELS)[number];

/** Visits of one festival or one event kind. */
export interface VisitCount {
  done: number;
  /** Still open: planned, not yet recorded as done. */
  planned: number;
  amountFen: number;
}

/** One source of the fund over the year: every figure in fen, reversals (冲正) counted in the year they were booked. */
export interface FundYear {
  /** Every entry before 1 January: income +, payments -, a reversal opposite to what it undid. */
  openingFen: number;
  incomeFen: number;
  /** Reversals of income booked this year (whenever the income was). */
  incomeReversedFen: number;
  paidFen: number;
  /** Reversals of payments booked this year (the money came back into the fund). */
  paidReversedFen: number;
  /** opening + (income - income reversed) - (paid - paid reversed): the ledger up to 31 December. */
  closingFen: number;
  /** What entries after 31 December add (a report on a past year, or the current one from next year on). */
  laterFen: number;
  laterEntries: number;
  /** The running balance (FundBalance) now. */
  balanceFen: number;
  /** closing + later = balance: the books and the running balance agree. */
  agrees: boolean;
}

export interface YearFigures {
  talks: {
    /** Members on the roll at the year's end (or today) who are owed a leader's talk every year. */
    due: number;
    /** Of them, those a leader talked with during the year. */
    talkedWith: number;
    held: number;
    byForm: Record<TalkFormName, number>;
    /** Talks members recorded with one another (党员之间相互谈心), and the members on either side. */
    peerTalks: number;
    peerMembers: number;
  };
  visits: {
    /** Festival code (SPRING_FESTIVAL …) → the year's visits for it. */
    byFestival: Record<string, VisitCount>;
    /** Event kind (ILLNESS …) → event visits (六必访) due in the year. */
    byEvent: Record<string, VisitCount>;
    done: number;
    planned: number;
    /** Money given on visits done, by the fund source it came from; NONE when not from the fund. */
    amountBySource: Record<FundSource | "NONE", number>;
  };
  aid: {
    /** Requests filed in the year by category and what became of them; paid is net of reversals, booked in the year. */
    byCategory: Record<AidCategory, { filed: number; approved: number; rejected: number; paidFen: number }>;
    bySource: Record<FundSource, { approved: number; paidFen: number }>;
  };
  fund: Record<FundSource, FundYear>;
  hardship: { activeAtStart: number; opened: number; resolved: number; levelChanges: number; activeAtEnd: number };
  training: { sessions: number; attendance: number; members: number; membersTrained: number; applications: number; granted: number; subsidyFen: number };
  employment: { registered: number; employed: number };
  commendations: Record<CommendLevelName, number>;
  mobile: { members: number; contacts: number };
  pairings: { active: number; activities: number };
  suggestions: { received: number; answered: number; anonymous: number };
}

/** One organisation's part of the report. */
export interface YearPart {
  orgId: number;
  name: string;
  figures: YearFigures;
}

export interface YearReport {
  org: { id: number; name: string; committee: boolean };
  year: number;
  /** The day the figures are as of: 31 December, or today while the year runs. */
  asOf: Day;
  total: YearFigures;
  /** Every branch below (a committee's report), or the branch itself. */
  parts: YearPart[];
}

// ── Which year ──────────────────────────────────────────────────────────────────────────────

/**
 * The year 年度报告 means when none is named: the current one, except in January, when the
 * report wanted is the one of the year just ended (December already means the year ending).
 */
export function defaultReportYear(today: Day): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === "01" ? year - 1 : year;
}

/** "2026", "2026年", "今年", "去年", or nothing: the year, or a problem to tell the person. */
export function parseReportYear(arg: string, today: Day): Parsed<number> {
  const s = arg.trim().replace(/\s+/g, "");
  const now = Number(today.slice(0, 4));
  let year: number | null = null;
  if (s === "") year = defaultReportYear(today);
  else if (s === "今年" || s === "本年" || s === "本年度") year = now;
  else if (s === "去年" || s === "上年" || s === "上一年") year = now - 1;
  else {
    const m = /^(\d{4})(?:年|年度)?$/.exec(s);
    if (m) year = Number(m[1]);
  }
  if (year === null || year < 2000) {
    return { ok: false, problem: problem("usage", `「${s.slice(0, 20)}」不是年份。用法：年度报告 [年份，如 ${now}]，不写即${defaultReportYear(today)}年。`, `"${s.slice(0, 20)}" is not a year. Usage: 年度报告 [year, e.g. ${now}]; ${defaultReportYear(today)} when left out.`) };
  }
  if (year > now) return { ok: false, problem: problem("future_year", `${year}年还没有开始，没有可以报告的内容。`, `${year} has not started yet.`) };
  return { ok: true, value: year };
}

/**
 * What follows 年度报告: a year (or nothing) and, optionally, the organisation meant (a branch
 * below the person's committee, by name or code), in either order: "2026", "2026 第二党支部".
 */
export function parseReportArgs(arg: string, today: Day): Parsed<{ year: number; org: string | null }> {
  const words = arg.trim().split(/\s+/).filter(Boolean);
  const isYear = (w: string) => /^\d{4}(?:年|年度)?$/.test(w) || ["今年", "本年", "本年度", "去年", "上年", "上一年"].includes(w);
  const years = words.filter(isYear);
  if (years.length > 1) return { ok: false, problem: problem("usage", "请只写一个年份，例如「年度报告 2026」。", "Name one year, e.g. 年度报告 2026.") };
  const year = parseReportYear(years[0] ?? "", today);
  if (!year.ok) return year;
  const rest = words.filter((w) => !isYear(w)).join(" ");
  return { ok: true, value: { year: year.value, org: rest === "" ? null : rest.slice(0, 60) } };
}

/** The day the figures are as of: the year's last day, or today while it runs. */
export function reportAsOf(year: number, today: Day): Day {
  const last = `${year}-12-31`;
  return last < today ? last : today;
}

// ── The December reminder ────────────────────────────────────────────────────────────────────

export const REMINDER_FROM_DAY = 15;

/**
 * Whether the December reminder is owed today: from the first working day on or after
 * 15 December to the year's end, on working days only. Once sent (its key: organisation, year,
 * person) it is not sent again, so a later run in December only catches up who was missed.
 */
export function reminderOwed(today: Day, isWorkingDay: boolean): boolean {
  return today.slice(5, 7) === "12" && Number(today.slice(8, 10)) >= REMINDER_FROM_DAY && isWorkingDay;
}

// ── The fund reconciled ─────────────────────────────────────────────────────────────────────

/** Sums of ledger lines as the store groups them. */
export interface FundSum {
  source: FundSource;
  kind: FundEntryKind;
  /** For a REVERSAL: the kind of the entry it undid (its direction is the opposite). */
  reverses: FundEntryKind | null;
  /** Before 1 January, during the year, or after 31 December. */
  when: "before" | "during" | "after";
  amountFen: number;
}

/** The line's effect on its source: income +, payment -, a reversal of income -, a reversal of a payment +. */
export function fundEffect(l: Pick<FundSum, "kind" | "reverses" | "amountFen">): number {
  if (l.kind === "INCOME") return l.amountFen;
  if (l.kind === "DISBURSEMENT") return -l.amountFen;
  // A reversal whose original is unknown is treated as undoing a payment, as the ledger does.
  return l.reverses === "INCOME" ? -l.amountFen : l.amountFen;
}

export function emptyFundYear(): FundYear {
  return { openingFen: 0, incomeFen: 0, incomeReversedFen: 0, paidFen: 0, paidReversedFen: 0, closingFen: 0, laterFen: 0, laterEntries: 0, balanceFen: 0, agrees: true };
}

/**
 * Per source: the opening balance (everything before the year), the year's income and payments
 * with the reversals booked in it, the closing balance, and whether the ledger through today
 * equals the running balance.
 */
export function reconcileFund(sums: readonly (FundSum & { count?: number })[], balances: Partial<Record<FundSource, number>>): Record<FundSource, FundYear> {
  const out = Object.fromEntries(FUND_SOURCES.map((s) => [s, emptyFundYear()])) as Record<FundSource, FundYear>;
  for (const l of sums) {
    const f = out[l.source];
    if (l.when === "before") f.openingFen += fundEffect(l);
    else if (l.when === "after") {
      f.laterFen += fundEffect(l);
      f.laterEntries += l.count ?? 1;
    } else if (l.kind === "INCOME") f.incomeFen += l.amountFen;
    else if (l.kind === "DISBURSEMENT") f.paidFen += l.amountFen;
    else if (l.reverses === "INCOME") f.incomeReversedFen += l.amountFen;
    else f.paidReversedFen += l.amountFen;
  }
  for (const s of FUND_SOURCES) {
    const f = out[s];
    f.closingFen = closingOf(f);
    f.balanceFen = balances[s] ?? 0;
    f.agrees = f.closingFen + f.laterFen === f.balanceFen;
  }
  return out;
}

export function closingOf(f: Pick<FundYear, "openingFen" | "incomeFen" | "incomeReversedFen" | "paidFen" | "paidReversedFen">): number {
  return f.openingFen + (f.incomeFen - f.incomeReversedFen) - (f.paidFen - f.paidReversedFen);
}

/** Income net of the income reversals booked in the year. */
export const netIncome = (f: FundYear): number => f.incomeFen - f.incomeReversedFen;
/** Payments net of the payment reversals booked in the year. */
export const netPaid = (f: FundYear): number => f.paidFen - f.paidReversedFen;

// ── Adding branches up ──────────────────────────────────────────────────────────────────────

export function emptyFigures(): YearFigures {
  return {
    talks: { due: 0, talkedWith: 0, held: 0, byForm: { IN_PERSON: 0, PHONE: 0, VIDEO: 0 }, peerTalks: 0, peerMembers: 0 },
    visits: { byFestival: {}, byEvent: {}, done: 0, planned: 0, amountBySource: { LOCAL_FINANCE: 0, PARTY_FEE: 0, DONATION: 0, NONE: 0 } },
    aid: {
      byCategory: Object.fromEntries(AID_CATEGORIES.map((c) => [c, { filed: 0, approved: 0, rejected: 0, paidFen: 0 }])) as YearFigures["aid"]["byCategory"],
      bySource: Object.fromEntries(FUND_SOURCES.map((s) => [s, { approved: 0, paidFen: 0 }])) as YearFigures["aid"]["bySource"],
    },
    fund: Object.fromEntries(FUND_SOURCES.map((s) => [s, emptyFundYear()])) as Record<FundSource, FundYear>,
    hardship: { activeAtStart: 0, opened: 0, resolved: 0, levelChanges: 0, activeAtEnd: 0 },
    training: { sessions: 0, attendance: 0, members: 0, membersTrained: 0, applications: 0, granted: 0, subsidyFen: 0 },
    employment: { registered: 0, employed: 0 },
    commendations: { BRANCH: 0, COMMITTEE: 0, HIGHER: 0 },
    mobile: { members: 0, contacts: 0 },
    pairings: { active: 0, activities: 0 },
    suggestions: { received: 0, answered: 0, anonymous: 0 },
  };
}

/** Adds every number of `b` into `a`, key by key (nested records included); flags are left to the caller. */
function addInto(a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(b)) {
    if (typeof v === "number") a[k] = ((a[k] as number | undefined) ?? 0) + v;
    else if (v && typeof v === "object") {
      if (!a[k] || typeof a[k] !== "object") a[k] = {};
      addInto(a[k] as Record<string, unknown>, v as Record<string, unknown>);
    }
  }
}

/**
 * The committee's total: every figure summed over its branches. A fund source agrees in the
 * total when it agrees in every branch (each branch keeps its own books).
 */
export function sumFigures(parts: readonly YearFigures[]): YearFigures {
  const total = emptyFigures();
  for (const p of parts) addInto(total as unknown as Record<string, unknown>, p as unknown as Record<string, unknown>);
  for (const s of FUND_SOURCES) total.fund[s].agrees = parts.every((p) => p.fund[s].agrees);
  return total;
}

/** Percent with one decimal; nobody owed counts as fully covered. */
export function sharePercent(part: number, whole: number): number {
  if (whole === 0) return 100;
  return Math.round((part / whole) * 1000) / 10;
}

/** Whether every source of the fund agrees with its running balance. */
export const fundAgrees = (f: YearFigures["fund"]): boolean => FUND_SOURCES.every((s) => f[s].agrees);
