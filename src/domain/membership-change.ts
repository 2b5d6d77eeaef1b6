// 组织关系变动: the rules of a member's standing changing (issue 13, point 1). Which change may
// follow which standing, which dates are possible, how long the secretary may undo it, what
// happens to the member's open items (closed with a reason, or handed to the receiving branch),
// and how the command's words are read. Pure: the store applies what these rules decide.
import { z } from "zod";
import { addDays, daysBetween, parseDay, type Day } from "./calendar-day.ts";
import { problem, type Parsed, type Problem } from "./problem.ts";
import type { Text } from "./text.ts";

export const CHANGE_KINDS = ["TRANSFER_OUT", "TRANSFER_IN", "DEATH", "LEFT", "SUSPENDED", "RESTORED"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const KIND_LABEL: Record<ChangeKind, Text> = {
  TRANSFER_OUT: { zh: "组织关系转出", en: "transfer out" },
  TRANSFER_IN: { zh: "组织关系转入", en: "transfer in" },
  DEATH: { zh: "党员去世", en: "death" },
  LEFT: { zh: "离开党组织", en: "left the Party" },
  SUSPENDED: { zh: "停止党籍", en: "membership suspended" },
  RESTORED: { zh: "恢复党籍", en: "membership restored" },
};

/** A member's standing in one branch, from their membership rows there. NONE: no row at all. */
export type Standing = "ACTIVE" | "SUSPENDED" | "ENDED" | "NONE";

export function standingOf(statuses: readonly ("ACTIVE" | "SUSPENDED" | "ENDED")[]): Standing {
  if (statuses.includes("ACTIVE")) return "ACTIVE";
  if (statuses.includes("SUSPENDED")) return "SUSPENDED";
  return statuses.length > 0 ? "ENDED" : "NONE";
}

// A suspended member may still die or be expelled (出党), but is not transferred or suspended
// again until restored; only a suspended member is restored; a transfer in is for someone not
// (or no longer) on this branch's roll.
const ALLOWED_FROM: Record<ChangeKind, readonly Standing[]> = {
  TRANSFER_OUT: ["ACTIVE"],
  DEATH: ["ACTIVE", "SUSPENDED"],
  LEFT: ["ACTIVE", "SUSPENDED"],
  SUSPENDED: ["ACTIVE"],
  RESTORED: ["SUSPENDED"],
  TRANSFER_IN: ["NONE", "ENDED"],
};

/** The memberships' status once the change is applied, and which statuses it changes from. */
export function membershipsAfter(kind: ChangeKind): { from: readonly ("ACTIVE" | "SUSPENDED")[]; to: "ACTIVE" | "SUSPENDED" | "ENDED" } {
  if (kind === "SUSPENDED") return { from: ["ACTIVE"], to: "SUSPENDED" };
  if (kind === "RESTORED") return { from: ["SUSPENDED"], to: "ACTIVE" };
  if (kind === "TRANSFER_IN") return { from: [], to: "ACTIVE" };
  return { from: ["ACTIVE", "SUSPENDED"], to: "ENDED" };
}

/** Whether this change may be recorded for a member who stands so in the branch; the problem says why not. */
export function kindProblem(kind: ChangeKind, standing: Standing, name: string): Problem | null {
  if (ALLOWED_FROM[kind].includes(standing)) return null;
  if (kind === "TRANSFER_IN") {
    return problem("already_member", `${name}已在本支部名册中（${standing === "SUSPENDED" ? "停止党籍" : "在册"}），无需转入。`, `${name} is already on this branch's roll.`);
  }
  if (standing === "SUSPENDED") return problem("suspended", `${name}目前处于停止党籍状态，请先「恢复党籍」再办理${KIND_LABEL[kind].zh}。`, `${name}'s membership is suspended; restore it first.`);
  if (kind === "RESTORED") return problem("not_suspended", `${name}未被停止党籍，无需恢复。`, `${name}'s membership is not suspended.`);
  return problem("not_on_roll", `${name}已不在本支部名册中（已转出、去世或离开），无法办理${KIND_LABEL[kind].zh}。`, `${name} is no longer on this branch's roll.`);
}

export interface DateFacts {
  /** The day the change takes effect. */
  day: Day;
  today: Day;
  /** The latest day the member's roles in the branch began (Membership.since), when known. */
  since: Day | null;
  joinedPartyOn: Day | null;
  birthDate: Day | null;
  /** The effective day of the member's latest change still applied (a restore cannot precede its suspension). */
  lastChangeOn: Day | null;
}

/** A change is dated: never in the future, never before the member joined, was born, or last changed. */
export function effectiveOnProblem(f: DateFacts): Problem | null {
  if (f.day > f.today) return problem("date_in_future", `生效日期 ${f.day} 晚于今天（${f.today}），请填写已经发生的日期。`, `The date ${f.day} is after today (${f.today}).`);
  if (f.birthDate && f.day < f.birthDate) return problem("date_before_birth", `生效日期 ${f.day} 早于出生日期 ${f.birthDate}，请核对。`, `The date ${f.day} is before the member's birth (${f.birthDate}).`);
  if (f.joinedPartyOn && f.day < f.joinedPartyOn) {
    return problem("date_before_joining", `生效日期 ${f.day} 早于入党日期 ${f.joinedPartyOn}，请核对。`, `The date ${f.day} is before the member joined the Party (${f.joinedPartyOn}).`);
  }
  if (f.since && f.day < f.since) return problem("date_before_since", `生效日期 ${f.day} 早于其加入本支部的日期 ${f.since}，请核对。`, `The date ${f.day} is before the member joined this branch (${f.since}).`);
  if (f.lastChangeOn && f.day < f.lastChangeOn) {
    return problem("date_before_last_change", `生效日期 ${f.day} 早于其上一次组织关系变动（${f.lastChangeOn}），请核对。`, `The date ${f.day} is before the member's previous change (${f.lastChangeOn}).`);
  }
  return null;
}

// ───────────────────────────── Branch settings ─────────────────────────────

const rosterSettings = z.object({
  /** Days after recording in which the secretary may undo a change (撤销). */
  undoDays: z.int().min(1).max(365).default(30),
  /** A death opens a condolence visit to the family (慰问家属). */
  condolenceVisit: z.boolean().default(true),
});
export type RosterSettings = z.infer<typeof rosterSettings>;
export const DEFAULT_ROSTER_SETTINGS: RosterSettings = rosterSettings.parse({});

/** Organization.settings.roster, with its defaults; `problem` when it did not parse (the defaults are used). */
export function readRosterSettings(orgSettings: unknown): { settings: RosterSettings; problem?: string } {
  const raw = orgSettings && typeof orgSettings === "object" ? (orgSettings as Record<string, unknown>).roster : undefined;
  const parsed = rosterSettings.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data };
  return { settings: DEFAULT_ROSTER_SETTINGS, problem: parsed.error.issues.map((i) => `roster.${i.path.join(".")}: ${i.message}`).join("; ") };
}

// ───────────────────────────── Undo ─────────────────────────────

/** The last day a change recorded on `recordedOn` may be undone. */
export function undoUntil(recordedOn: Day, undoDays: number): Day {
  return addDays(recordedOn, undoDays);
}

export interface UndoFacts {
  status: "APPLIED" | "REVERTED";
  recordedOn: Day;
  today: Day;
  undoDays: number;
  /** Whether a later change of the same person is still applied (it must be undone first). */
  laterApplied: boolean;
  name: string;
}

export function undoProblem(f: UndoFacts): Problem | null {
  if (f.status === "REVERTED") return problem("already_reverted", "该变动已经撤销，无需再次撤销。", "This change has already been undone.");
  if (f.laterApplied) return problem("later_change", `${f.name}在此之后还有新的组织关系变动，请先撤销较新的那一项。`, `${f.name} has a later change; undo that one first.`);
  const last = undoUntil(f.recordedOn, f.undoDays);
  if (f.today > last) {
    return problem(
      "undo_expired",
      `该变动登记于 ${f.recordedOn}，撤销期限（${f.undoDays} 天）已于 ${last} 届满，无法撤销。如确需更正，请重新登记相应变动。`,
      `Recorded on ${f.recordedOn}; it could be undone until ${last} (${f.undoDays} days).`,
    );
  }
  return null;
}

// ───────────────────────────── What happens to open items ─────────────────────────────

/** The member's items in the branch a change looks at, in the order the cards list them. */
export const ITEMS = ["talks", "talkTasks", "followUps", "visitTasks", "hardship", "pairings", "employment", "training", "aid"] as const;
export type Item = (typeof ITEMS)[number];
export type ItemCounts = Record<Item, number>;
export type Disposition = "close" | "move" | "keep";

const ITEM_LABEL: Record<Item, Text> = {
  talks: { zh: "谈心记录", en: "talk records" },
  talkTasks: { zh: "未完成的谈心任务", en: "open talk tasks" },
  followUps: { zh: "未完成的谈心跟进事项", en: "open talk follow-ups" },
  visitTasks: { zh: "未完成的走访任务", en: "open visit tasks" },
  hardship: { zh: "困难党员档案（含定期复核）", en: "hardship archive entry (and its reviews)" },
  pairings: { zh: "进行中的结对帮扶", en: "active pairings" },
  employment: { zh: "就业帮扶登记", en: "open employment case" },
  training: { zh: "待审批的培训申请", en: "pending training applications" },
  aid: { zh: "待审批的帮扶申请", en: "pending aid requests" },
};

/**
 * A transfer inside the system hands over what belongs to the member's care (talk history, the
 * hardship entry, open visits, pairings) so the receiving branch carries on; what was the old
 * branch's own business (its leaders' urgent talks and follow-ups, its job help, decisions on
 * its money) is closed there. Every other departure closes everything open and keeps history.
 */
export function dispositionOf(kind: ChangeKind, inSystem: boolean): Record<Item, Disposition> {
  const all = (d: Disposition): Record<Item, Disposition> => Object.fromEntries(ITEMS.map((i) => [i, d])) as Record<Item, Disposition>;
  if (kind === "RESTORED" || kind === "TRANSFER_IN") return all("keep");
  const closing = { ...all("close"), talks: "keep" as const };
  if (kind === "TRANSFER_OUT" && inSystem) return { ...closing, talks: "move", hardship: "move", visitTasks: "move", pairings: "move" };
  return closing;
}

/** The card's lines: what will be (or was) closed and moved, with counts; items with none are left out. */
export function effectLines(kind: ChangeKind, counts: ItemCounts, otherOrgName: string | null, inSystem: boolean, done: boolean): Text[] {
  const d = dispositionOf(kind, inSystem);
  const out: Text[] = [];
  for (const item of ITEMS) {
    const n = counts[item];
    if (n === 0 || d[item] === "keep") continue;
    const l = ITEM_LABEL[item];
    if (d[item] === "move") {
      out.push(done ? { zh: `${l.zh} ${n} 项已随转至${otherOrgName ?? ""}`, en: `${n} ${l.en} moved to ${otherOrgName ?? ""}` } : { zh: `${l.zh} ${n} 项随转至${otherOrgName ?? ""}`, en: `${n} ${l.en} move to ${otherOrgName ?? ""}` });
    } else {
      out.push(done ? { zh: `${l.zh} ${n} 项已关闭`, en: `${n} ${l.en} closed` } : { zh: `${l.zh} ${n} 项将关闭`, en: `${n} ${l.en} will be closed` });
    }
  }
  return out;
}

/** Why the items were closed, as stored on them (closedReason, outcome, decisionNote) and shown to whoever reads them later. */
export function closingReason(kind: ChangeKind, day: Day, otherOrgName: string | null): string {
  switch (kind) {
    case "TRANSFER_OUT":
      return `组织关系转出至${otherOrgName ?? "其他组织"}（${day}）`;
    case "DEATH":
      return `党员去世（${day}）`;
    case "LEFT":
      return `离开党组织（${day}）`;
    case "SUSPENDED":
      return `停止党籍（${day}）`;
    default:
      return `${KIND_LABEL[kind].zh}（${day}）`;
  }
}

/** A pairing ends the day before the member leaves (as 结束结对 ends it yesterday), never before it began. */
export function pairingLastDay(startOn: Day, effectiveOn: Day): Day {
  const before = addDays(effectiveOn, -1);
  return before < startOn ? startOn : before;
}

/** Days from recording to today, for "登记于 3 天前". */
export function daysSince(recordedOn: Day, today: Day): number {
  return daysBetween(recordedOn, today);
}

// ───────────────────────────── Reading the command ─────────────────────────────

export interface ChangeWords {
  /** How the member was named: "张三", "张三#1234" or a mobile number. */
  who: string;
  /** The day, when one was written; the caller takes today otherwise. */
  day: Day | null;
  note: string | null;
}

const DATE_LIKE = /^\d{4}[-/.年]/;

/** A leading date in `rest` (2026-12-01, 2026/12/1, 2026年12月1日), and what follows it as the note. */
function dayAndNote(rest: string): Parsed<{ day: Day | null; note: string | null }> {
  const [first = "", ...others] = rest.trim().split(/\s+/).filter(Boolean);
  if (!first) return { ok: true, value: { day: null, note: null } };
  if (!DATE_LIKE.test(first)) return { ok: true, value: { day: null, note: clipNote(rest.trim()) } };
  const day = parseDay(first);
  if (!day) return { ok: false, problem: problem("bad_date", `日期「${first}」不是有效日期，请写成 2026-12-01 的形式。`, `"${first}" is not a valid date; write it as 2026-12-01.`) };
  return { ok: true, value: { day, note: others.length > 0 ? clipNote(others.join(" ")) : null } };
}

const clipNote = (s: string): string | null => (s ? s.slice(0, 200) : null);

/** "张三 2026-11-30 因病" (去世, 离开, 停止党籍, 恢复党籍). */
export function parseMemberDay(args: string, usage: Problem): Parsed<ChangeWords> {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  if (!m || !m[1]) return { ok: false, problem: usage };
  const rest = dayAndNote(m[2] ?? "");
  if (!rest.ok) return rest;
  return { ok: true, value: { who: m[1], ...rest.value } };
}

export interface TransferOutWords extends ChangeWords {
  /** The branch named, or the outside organisation's name when `outside`. */
  to: string;
  /** Written as "到系统外 <name>": an organisation this system does not hold. */
  outside: boolean;
}

/** "张三 到 第二党支部 2026-12-01", "张三 到系统外 某市某党支部 2026-12-01 备注". */
export function parseTransferOut(args: string, usage: Problem): Parsed<TransferOutWords> {
  const m = /^(\S+?)\s*(?:到|至|转至|转往)\s*(系统外[:：]?)?\s*(\S+)\s*([\s\S]*)$/.exec(args.trim());
  if (!m || !m[1] || !m[3]) return { ok: false, problem: usage };
  const rest = dayAndNote(m[4] ?? "");
  if (!rest.ok) return rest;
  return { ok: true, value: { who: m[1], to: m[3].slice(0, 100), outside: Boolean(m[2]), ...rest.value } };
}

export interface TransferInWords {
  name: string;
  mobile: string;
  day: Day | null;
  /** The organisation the member comes from, when written ("来自 某某党支部"). */
  from: string | null;
}

/** "李四 13800001234 2026-12-01 来自 某市某党支部". */
export function parseTransferIn(args: string, usage: Problem): Parsed<TransferInWords> {
  const m = /^(\S+)\s+(\S+)\s*([\s\S]*)$/.exec(args.trim());
  if (!m || !m[1] || !m[2]) return { ok: false, problem: usage };
  const name = m[1];
  if (name.length > 30 || /\d/.test(name)) return { ok: false, problem: problem("bad_name", `「${name.slice(0, 30)}」不像姓名，请先写姓名、再写手机号。`, "Write the name first, then the mobile number.") };
  const mobile = m[2].replace(/^\+?86/, "");
  if (!/^1\d{10}$/.test(mobile)) return { ok: false, problem: problem("bad_mobile", `手机号「${m[2].slice(0, 20)}」不正确，请填写 11 位手机号。`, `"${m[2].slice(0, 20)}" is not an 11-digit mobile number.`) };
  const rest = dayAndNote(m[3] ?? "");
  if (!rest.ok) return rest;
  const from = rest.value.note ? rest.value.note.replace(/^(来自|从|原)\s*/, "").trim() || null : null;
  return { ok: true, value: { name, mobile, day: rest.value.day, from } };
}

// ───────────────────────────── Effects (what a reversal restores) ─────────────────────────────

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const taskBefore = z.object({ id: z.int(), status: z.enum(["OPEN", "DONE", "CANCELLED"]), closedReason: z.string().nullable() });
const moved = z.object({ id: z.int(), orgId: z.int() });

/**
 * What a change did, row by row, with each row's earlier values: written on the change
 * (MembershipChange.effects) in the same transaction, read back to undo exactly that.
 */
export const effectsSchema = z.object({
  memberships: z.array(z.object({ id: z.int(), status: z.enum(["ACTIVE", "SUSPENDED", "ENDED"]), since: day.nullable(), endedOn: day.nullable(), changeId: z.int().nullable() })).default([]),
  createdMemberships: z.array(z.int()).default([]),
  createdPersonId: z.int().nullable().default(null),
  person: z.object({ deceasedOn: day.nullable(), responsibleLeaderId: z.int().nullable() }).nullable().default(null),
  talkTasks: z.array(taskBefore).default([]),
  followUps: z.array(taskBefore).default([]),
  visitTasks: z.array(taskBefore).default([]),
  hardship: z.array(z.object({ id: z.int(), status: z.enum(["ACTIVE", "RESOLVED"]), resolvedReason: z.string().nullable(), resolvedAt: z.string().nullable(), historyId: z.int() })).default([]),
  pairings: z.array(z.object({ id: z.int(), endOn: day.nullable(), endedReason: z.string().nullable() })).default([]),
  employment: z.array(z.object({ id: z.int(), status: z.enum(["OPEN", "EMPLOYED", "CLOSED"]), outcome: z.string().nullable() })).default([]),
  training: z.array(z.object({ id: z.int(), status: z.string(), decisionNote: z.string().nullable(), decidedById: z.int().nullable(), decidedAt: z.string().nullable() })).default([]),
  aid: z.array(z.object({ id: z.int(), status: z.string(), decisionNote: z.string().nullable(), decidedById: z.int().nullable(), decidedAt: z.string().nullable() })).default([]),
  movedTalks: z.array(moved).default([]),
  movedHardship: z.array(moved.extend({ historyId: z.int() })).default([]),
  movedVisitTasks: z.array(moved.extend({ visitorId: z.int() })).default([]),
  movedPairings: z.array(moved).default([]),
  condolenceVisitId: z.int().nullable().default(null),
});
export type Effects = z.infer<typeof effectsSchema>;
export const NO_EFFECTS: Effects = effectsSchema.parse({});

/** What the effects amount to, item by item, for the result card. */
export function countsOf(e: Effects): ItemCounts {
  return {
    talks: e.movedTalks.length,
    talkTasks: e.talkTasks.length,
    followUps: e.followUps.length,
    visitTasks: e.visitTasks.length + e.movedVisitTasks.length,
    hardship: e.hardship.length + e.movedHardship.length,
    pairings: e.pairings.length + e.movedPairings.length,
    employment: e.employment.length,
    training: e.training.length,
    aid: e.aid.length,
  };
}
