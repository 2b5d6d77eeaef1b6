// 上报: what a branch may put before the organisation above it, who may put it, and how the
// words after 「上报」 are read. The committee sees figures for every branch below; an item itself
// (a hardship entry, an aid request, a training application, a suggestion) only once it was
// escalated or referred to it (need to know).
import { problem, type Parsed } from "./problem.ts";
import type { RoleName } from "./roles.ts";
import type { Text } from "./text.ts";

export const ESCALATION_SUBJECTS = ["AidRequest", "HardshipEntry", "TrainingApplication", "Suggestion"] as const;
export type EscalationSubject = (typeof ESCALATION_SUBJECTS)[number];

/** AID_OVERDUE: the chase after 5 working days; REFERRED: a hardship review referred upward; RAISED: by hand. */
export const ESCALATION_REASONS = ["AID_OVERDUE", "REFERRED", "RAISED"] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const SUBJECT_LABEL: Record<EscalationSubject, Text> = {
  AidRequest: { zh: "帮扶申请", en: "aid request" },
  HardshipEntry: { zh: "困难党员档案", en: "hardship entry" },
  TrainingApplication: { zh: "培训申请", en: "training application" },
  Suggestion: { zh: "意见建议", en: "suggestion" },
};

export const REASON_LABEL: Record<EscalationReason, Text> = {
  AID_OVERDUE: { zh: "帮扶申请超过 5 个工作日未审批", en: "aid request undecided for 5 working days" },
  REFERRED: { zh: "困难档案复核时转报上级", en: "referred at a hardship review" },
  RAISED: { zh: "支部上报", en: "raised by the branch" },
};

export const isEscalationSubject = (s: string): s is EscalationSubject => (ESCALATION_SUBJECTS as readonly string[]).includes(s);
export const isEscalationReason = (s: string): s is EscalationReason => (ESCALATION_REASONS as readonly string[]).includes(s);

/** Who may raise an item of a kind in the item's branch: its secretary; for aid, its aid delegate too. */
export function raiseRoles(subject: EscalationSubject): readonly RoleName[] {
  return subject === "AidRequest" ? ["SECRETARY", "AID_DELEGATE"] : ["SECRETARY"];
}

/** Who sees and closes what landed with an organisation: its secretary or affairs worker (or those of one above it). */
export const COMMITTEE_DESK_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];

export const ESCALATION_NOTE_MAX = 500;

export type RaiseTarget = { number: string } | { name: string; tail: string | null };

/** A request number as people hold it: 2026-0007. */
const NUMBER = /^\d{4}-\d{4,}$/;
const TAIL = /^\d{4}$/;

/**
 * 「上报 2026-0007 医药费超出支部能力」, 「上报 张三 说明」, 「上报 张三 1234 说明」 (a mobile's last four
 * digits tell two members of one name apart): what to raise, and the note after it, if any.
 */
export function parseRaise(args: string): Parsed<{ target: RaiseTarget; note: string | null }> {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const first = words.shift();
  if (!first) {
    return { ok: false, problem: problem("raise_missing", "请写明要上报的编号或党员姓名，例如「上报 2026-0007 医药费超出支部能力」或「上报 张三」。", 'Say what to raise: a number or a member\'s name, e.g. "上报 2026-0007 <note>".') };
  }
  let target: RaiseTarget;
  if (NUMBER.test(first)) target = { number: first };
  else if (/^\d[\d-]*$/.test(first)) return { ok: false, problem: problem("raise_number", `「${first}」不是有效的编号，编号形如 2026-0007。`, `"${first}" is not a number like 2026-0007.`) };
  else target = { name: first, tail: words[0] && TAIL.test(words[0]) ? words.shift()! : null };
  const note = words.join(" ").trim();
  if (note.length > ESCALATION_NOTE_MAX) {
    return { ok: false, problem: problem("raise_note_long", `上报说明不能超过 ${ESCALATION_NOTE_MAX} 字（现有 ${note.length} 字）。`, `The note is limited to ${ESCALATION_NOTE_MAX} characters.`) };
  }
  return { ok: true, value: { target, note: note || null } };
}

/** The committee's answer when it closes an item: required, at most 500 characters. */
export function checkClosingNote(raw: unknown): Parsed<string> {
  const s = typeof raw === "string" ? raw.trim() : "";
  if (!s) return { ok: false, problem: problem("closing_missing", "请填写答复意见后再办结。", "Please write the answer before closing.") };
  if (s.length > ESCALATION_NOTE_MAX) return { ok: false, problem: problem("closing_long", `答复意见不能超过 ${ESCALATION_NOTE_MAX} 字（现有 ${s.length} 字）。`, `The answer is limited to ${ESCALATION_NOTE_MAX} characters.`) };
  return { ok: true, value: s };
}
