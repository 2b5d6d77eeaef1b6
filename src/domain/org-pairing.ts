// Organisations pairing with organisations (组织结对, seed part 3(3): 机关、企业、社区党组织与
// 农村党组织结对; the 城乡组织结对 and 部门挂钩): long-term help by one organisation to
// another, not by one person to a member (that is 结对帮扶, pairing.ts). The rules here decide
// whether a new pairing is live at once, which inputs can be used, and when a pairing with no
// joint activity in a quarter is reminded. Pure.
import { addDays, type Day } from "./calendar-day.ts";
import { problem, type Parsed, type Problem } from "./problem.ts";
import { quarterOf, type Quarter } from "./quarter.ts";
import type { Text } from "./text.ts";
import type { WorkingDays } from "./working-days.ts";

export const ORG_PAIRING_KINDS = ["URBAN_RURAL", "DEPARTMENT_BRANCH", "ORG_HELP", "OTHER"] as const;
export type OrgPairingKind = (typeof ORG_PAIRING_KINDS)[number];
export type OrgPairingStatus = "PROPOSED" | "ACTIVE" | "DECLINED" | "ENDED";

export const ORG_PAIRING_KIND_LABEL: Record<OrgPairingKind, Text> = {
  URBAN_RURAL: { zh: "城乡结对", en: "urban-rural pairing" },
  DEPARTMENT_BRANCH: { zh: "部门挂钩", en: "department link" },
  ORG_HELP: { zh: "组织帮扶", en: "organisation help" },
  OTHER: { zh: "其他共建", en: "other joint work" },
};

export const ORG_PAIRING_STATUS_LABEL: Record<OrgPairingStatus, Text> = {
  PROPOSED: { zh: "待对方确认", en: "awaiting the partner" },
  ACTIVE: { zh: "进行中", en: "active" },
  DECLINED: { zh: "对方未同意", en: "declined" },
  ENDED: { zh: "已结束", en: "ended" },
};

/** The limits of the form's free text (characters). */
export const ORG_PAIRING_LIMITS = { purpose: 200, partnerName: 60, contactName: 30, phone: 20, duty: 30, content: 1000, reason: 200, participants: 100_000 } as const;

/**
 * How a new pairing starts. Under one top committee (the same root of the organisation tree)
 * the committee already stands over both sides: it is live at once and the partner is told.
 * Across two committees it takes both sides' secretaries (the issue): proposed until a
 * secretary of the partner accepts. An outside unit (a department, a company) has no secretary
 * in the system: live at once.
 */
export function initialStatus(p: { outside: boolean; sameRoot: boolean }): "ACTIVE" | "PROPOSED" {
  return p.outside || p.sameRoot ? "ACTIVE" : "PROPOSED";
}

/** The partner: exactly one of an organisation in the system (code or name) or an outside unit's name. */
export function partnerChoice(p: { org: string | null; outside: string | null }): Parsed<{ org: string } | { outside: string }> {
  if (p.org && p.outside) return { ok: false, problem: problem("two_partners", "结对组织和系统外单位只能填写一项。", "Give either an organisation in the system or an outside unit, not both.") };
  if (p.org) return { ok: true, value: { org: p.org } };
  if (p.outside) {
    if (p.outside.length > ORG_PAIRING_LIMITS.partnerName) return { ok: false, problem: problem("partner_name_long", `系统外单位名称不能超过 ${ORG_PAIRING_LIMITS.partnerName} 字。`, `The outside unit's name is longer than ${ORG_PAIRING_LIMITS.partnerName} characters.`) };
    return { ok: true, value: { outside: p.outside } };
  }
  return { ok: false, problem: problem("no_partner", "请填写结对组织（编码或名称），或系统外单位名称。", "Give the partner: an organisation's code or name, or an outside unit's name.") };
}

/** A pairing starts today, earlier, or within a year (a pairing agreed for next year's work). */
export function startProblem(startOn: Day | null, today: Day): Problem | null {
  if (!startOn) return problem("bad_date", "开始日期格式不正确，请重新选择。", "The start date is not a date.");
  if (startOn > addDays(today, 366)) return problem("start_far", "开始日期不能晚于一年之后。", "The start date cannot be more than a year ahead.");
  if (startOn < "2000-01-01") return problem("start_old", "开始日期过早，请核对。", "The start date is too early; check it.");
  return null;
}

/** A phone number as people write it: digits, spaces, +, - and parentheses, 3 to 20 characters. */
export function phoneProblem(phone: string | null, whose: Text): Problem | null {
  if (phone === null) return null;
  if (!/^[0-9+\-() ]{3,20}$/.test(phone) || !/\d{3}/.test(phone.replace(/\D/g, ""))) {
    return problem("bad_phone", `${whose.zh}的电话格式不正确（只填数字、+、-）。`, `${whose.en}: the phone number is not a number.`);
  }
  return null;
}

/** A contact of an outside unit must be named: nobody in the system speaks for it. */
export function partnerContactProblem(p: { outside: boolean; contactName: string | null }): Problem | null {
  if (p.outside && !p.contactName) return problem("no_partner_contact", "系统外单位请填写对方联系人姓名。", "Name the outside unit's contact person.");
  return null;
}

/** A joint activity: held on a day not in the future and not before the pairing began; participants a positive whole number. */
export function activityProblem(a: { heldOn: Day | null; today: Day; startOn: Day; participants: string | null }): Problem | null {
  if (!a.heldOn) return problem("bad_date", "活动日期格式不正确，请重新选择。", "The activity date is not a date.");
  if (a.heldOn > a.today) return problem("activity_future", "活动日期不能晚于今天，请在活动结束后登记。", "The activity date cannot be in the future; record it once held.");
  if (a.heldOn < a.startOn) return problem("activity_before_start", `活动日期不能早于结对开始日期（${a.startOn}）。`, `The activity date cannot be before the pairing began (${a.startOn}).`);
  if (a.participants !== null && parseParticipants(a.participants) === null) {
    return problem("bad_participants", `参加人数请填写 1 到 ${ORG_PAIRING_LIMITS.participants} 之间的整数。`, `Participants must be a whole number from 1 to ${ORG_PAIRING_LIMITS.participants}.`);
  }
  return null;
}

/** "12" → 12; anything not a positive whole number within the limit → null. */
export function parseParticipants(raw: string): number | null {
  const s = raw.trim().replace(/人$/, "");
  if (!/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= ORG_PAIRING_LIMITS.participants ? n : null;
}

/**
 * The quarter whose reminder is due today, or null. A quarter's reminder (no joint activity
 * yet) goes from the first working day of its last month (March, June, September, December),
 * leaving a month to hold one; a run on a later working day of that month still sends what a
 * missed run owed (the pairing's remindedQuarter keeps it to once).
 */
export function reminderQuarter(calendar: WorkingDays, today: Day): Quarter | null {
  if (!calendar.isWorkingDay(today)) return null;
  const q = quarterOf(today);
  const lastMonthStart = `${q.end.slice(0, 7)}-01`;
  const from = calendar.workingDayOnOrAfter(lastMonthStart);
  return today >= from && today <= q.end ? q : null;
}

/**
 * Owed the quarter's reminder: active, begun before the quarter's last month (a pairing set up
 * this month is not chased yet), no activity held in the quarter, not reminded for it yet.
 */
export function owesReminder(p: { status: OrgPairingStatus; startOn: Day; remindedQuarter: string | null; activitiesInQuarter: number }, q: Quarter): boolean {
  return p.status === "ACTIVE" && p.startOn < `${q.end.slice(0, 7)}-01` && p.remindedQuarter !== q.label && p.activitiesInQuarter === 0;
}
