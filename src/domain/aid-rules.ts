// The rules of aid requests and the aid fund (seed 3: 帮扶资金, 困难帮扶), as data and pure
// functions: labels, who may decide, readable numbers, what an approval may pay, and the yearly
// disclosure (收支公开). No I/O here; the store and the handlers apply them.
import { problem, type Parsed, type Problem } from "./problem.ts";
import { yuanText } from "./money.ts";
import { hasRole, type Actor, type RoleName } from "./roles.ts";
import type { Text } from "./text.ts";

export const AID_CATEGORIES = ["LIVING", "ILLNESS", "EMPLOYMENT", "TRAINING", "DISASTER", "OTHER"] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];
export const CATEGORY_LABEL: Record<AidCategory, Text> = {
  LIVING: { zh: "生活困难", en: "hardship in daily life" },
  ILLNESS: { zh: "疾病住院", en: "illness / hospital" },
  EMPLOYMENT: { zh: "就业困难", en: "finding work" },
  TRAINING: { zh: "培训支持", en: "training support" },
  DISASTER: { zh: "遭受灾害", en: "disaster" },
  OTHER: { zh: "其他", en: "other" },
};

export const AID_URGENCIES = ["NORMAL", "URGENT"] as const;
export type AidUrgency = (typeof AID_URGENCIES)[number];
export const URGENCY_LABEL: Record<AidUrgency, Text> = {
  NORMAL: { zh: "一般", en: "normal" },
  URGENT: { zh: "紧急", en: "urgent" },
};

export const AID_STATUSES = ["PENDING", "NEEDS_INFO", "APPROVED", "REJECTED", "CANCELLED", "REVERSED"] as const;
export type AidStatus = (typeof AID_STATUSES)[number];
export const STATUS_LABEL: Record<AidStatus, Text> = {
  PENDING: { zh: "待审批", en: "awaiting decision" },
  NEEDS_INFO: { zh: "待补充说明", en: "more information requested" },
  APPROVED: { zh: "已批准", en: "approved" },
  REJECTED: { zh: "未批准", en: "not approved" },
  CANCELLED: { zh: "已关闭", en: "closed" },
  REVERSED: { zh: "已冲正", en: "payment reversed" },
};

/** Money in, money out, and 冲正 (a compensating entry that undoes another, never an edit). */
export const FUND_ENTRY_KINDS = ["INCOME", "DISBURSEMENT", "REVERSAL"] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];

export const FUND_SOURCES = ["LOCAL_FINANCE", "PARTY_FEE", "DONATION"] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const SOURCE_LABEL: Record<FundSource, Text> = {
  LOCAL_FINANCE: { zh: "地方财政拨付", en: "local finance allocation" },
  PARTY_FEE: { zh: "党费补助", en: "party-fee subsidy" },
  DONATION: { zh: "社会捐赠", en: "social donations" },
};

export const TIMELINE_TYPES = ["FILED", "INFO_REQUESTED", "INFO_PROVIDED", "APPROVED", "REJECTED", "REVERSED", "WITHDRAWN", "URGED", "ATTACHED"] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];
export const TIMELINE_LABEL: Record<TimelineType, Text> = {
  FILED: { zh: "提交申请", en: "filed" },
  INFO_REQUESTED: { zh: "请求补充说明", en: "more information requested" },
  INFO_PROVIDED: { zh: "已补充说明", en: "information provided" },
  APPROVED: { zh: "批准", en: "approved" },
  REJECTED: { zh: "未批准", en: "not approved" },
  REVERSED: { zh: "冲正", en: "payment reversed" },
  WITHDRAWN: { zh: "撤回申请", en: "withdrew the request" },
  URGED: { zh: "催办", en: "asked the deciders to hurry" },
  ATTACHED: { zh: "补充附件", en: "attached a picture or file" },
};

/** Who decides aid in a branch: its secretary or a delegate the secretary named. */
export const DECIDER_ROLES: readonly RoleName[] = ["SECRETARY", "AID_DELEGATE"];
/** Who may file a request for a member without Lark (recorded as on behalf). */
export const ON_BEHALF_ROLES: readonly RoleName[] = ["LEADER", "SECRETARY", "AFFAIRS_WORKER"];
/** Who keeps the fund's books and sees its entries. */
export const FUND_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];
/** Who keeps the hardship archive. */
export const ARCHIVE_ROLES: readonly RoleName[] = ["SECRETARY"];

/** A decider of the request's own branch, and never about their own request. */
export function mayDecide(actor: Actor, req: { orgId: number; personId: number }): boolean {
  return actor.personId !== req.personId && hasRole(actor, DECIDER_ROLES, req.orgId);
}

export const isOpen = (status: AidStatus): boolean => status === "PENDING" || status === "NEEDS_INFO";

/** "2026-0007": per year, at least four digits. */
export function requestNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, "0")}`;
}

/** Accepts "2026-7", "2026-0007", "２０２６－０００７", "#2026-0007"; null when it is not a number at all. */
export function parseRequestNumber(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[#＃]/, "")
    .replace(/[－—–]/g, "-");
  const m = /^(\d{4})-(\d{1,6})$/.exec(s);
  if (!m) return null;
  const seq = Number(m[2]);
  return seq > 0 ? requestNumber(Number(m[1]), seq) : null;
}

/** An amount a member asks for, before anyone looks at the fund. */
export function checkRequestedAmount(fen: number, ceilingFen: number): Problem | null {
  if (fen > ceilingFen) {
    const c = yuanText(ceilingFen);
    return problem("over_ceiling", `申请金额超过单笔上限 ${c.zh}，请填写不超过上限的金额。`, `The amount is above the limit of ${c.en} per request.`);
  }
  return null;
}

/** What an approval may pay: positive, within the ceiling, and no more than the source holds. */
export function checkApproval(a: { amountFen: number; ceilingFen: number; balanceFen: number; source: FundSource }): Problem | null {
  const over = checkRequestedAmount(a.amountFen, a.ceilingFen);
  if (over) return problem("over_ceiling", over.zh.replace("申请金额", "批准金额"), over.en);
  if (a.amountFen > a.balanceFen) return overBalance(a.source, a.balanceFen);
  return null;
}

export function overBalance(source: FundSource, balanceFen: number): Problem {
  const b = yuanText(balanceFen);
  const s = SOURCE_LABEL[source];
  return problem(
    "over_balance",
    `「${s.zh}」余额只有 ${b.zh}，不足以支付该金额。请改小金额或选择其他资金来源。`,
    `The ${s.en} balance is only ${b.en}; lower the amount or choose another source.`,
  );
}

/** Free text from a form: trimmed, required or not, not longer than max. */
export function checkText(raw: unknown, what: Text, opts: { required: boolean; max: number }): Parsed<string> {
  const s = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : null;
  if (s === null) return { ok: false, problem: problem("text_type", `${what.zh}格式不正确。`, `The ${what.en} is not text.`) };
  if (opts.required && s === "") return { ok: false, problem: problem("text_missing", `请填写${what.zh}。`, `Please fill in the ${what.en}.`) };
  if (s.length > opts.max) {
    return { ok: false, problem: problem("text_too_long", `${what.zh}不能超过 ${opts.max} 字（现有 ${s.length} 字）。`, `The ${what.en} is limited to ${opts.max} characters.`) };
  }
  return { ok: true, value: s };
}

export const DESCRIPTION_MAX = 1000;

/** How much real content a reason needs (情况说明, 申请理由): characters, not counting spaces and punctuation. */
export const REASON_MIN = 10;

/**
 * Whether a free-text reason says something a decider can weigh (情况说明, 申请理由): at least
 * REASON_MIN characters of content (letters, digits, Chinese), not one character repeated, and
 * not only Latin letters and digits ("abc", "111", "。。。", "没钱" are refused), unless it is a
 * real English sentence of five words or more (a member who writes English is heard).
 */
export function describesNeed(raw: string): boolean {
  const content = [...raw.normalize("NFKC")].filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (content.length < REASON_MIN) return false;
  if (new Set(content.map((c) => c.toLowerCase())).size < 3) return false;
  if (content.some((c) => /\p{Script=Han}/u.test(c))) return true;
  const words = raw.toLowerCase().match(/[a-z]{2,}/g) ?? [];
  return words.length >= 5 && new Set(words).size >= 4;
}

/** The same rule with the sentence the member reads; `what` names the field (情况说明). */
export function checkReason(raw: string, what: Text): Problem | null {
  if (describesNeed(raw)) return null;
  return problem(
    "reason_too_thin",
    `${what.zh}请具体写明情况（至少 ${REASON_MIN} 个字，不能只有字母、数字或符号）。`,
    `Please describe the ${what.en} in a real sentence (at least ${REASON_MIN} characters, or five English words).`,
  );
}
export const NOTE_MAX = 500;

// ───────────── 收支公开: the yearly summary a branch may post to its group ─────────────

export interface LedgerSum {
  source: FundSource;
  kind: FundEntryKind;
  /** For a REVERSAL: the kind of the entry it undid (its direction is the opposite one). */
  reverses?: FundEntryKind | null;
  totalFen: number;
  count: number;
}

export interface SummaryRow {
  source: FundSource;
  openingFen: number;
  incomeFen: number;
  incomeCount: number;
  disbursedFen: number;
  disbursedCount: number;
  /** 冲正 of payments: money paid out and booked back into the fund. */
  reversedPaidFen: number;
  reversedPaidCount: number;
  /** 冲正 of income: income booked by mistake and taken back out. */
  reversedIncomeFen: number;
  reversedIncomeCount: number;
  closingFen: number;
}

/**
 * Per source: the balance at the start of the year (everything before it), income and
 * disbursements during it, the reversals of each (shown, not netted away, so a correction is
 * visible to the branch), and the closing balance. Only sums and counts: no names, so it can
 * be shown to the whole branch.
 */
export function yearSummary(before: readonly LedgerSum[], during: readonly LedgerSum[]): { rows: SummaryRow[]; total: Omit<SummaryRow, "source"> } {
  const sum = (list: readonly LedgerSum[], source: FundSource, kind: FundEntryKind, reverses: FundEntryKind | null = null) =>
    list.filter((l) => l.source === source && l.kind === kind && (kind !== "REVERSAL" || (l.reverses ?? null) === reverses)).reduce((a, l) => ({ fen: a.fen + l.totalFen, n: a.n + l.count }), { fen: 0, n: 0 });
  const net = (list: readonly LedgerSum[], source: FundSource) =>
    sum(list, source, "INCOME").fen - sum(list, source, "DISBURSEMENT").fen + sum(list, source, "REVERSAL", "DISBURSEMENT").fen - sum(list, source, "REVERSAL", "INCOME").fen;
  const rows = FUND_SOURCES.map((source) => {
    const openingFen = net(before, source);
    const inc = sum(during, source, "INCOME");
    const out = sum(during, source, "DISBURSEMENT");
    const backPaid = sum(during, source, "REVERSAL", "DISBURSEMENT");
    const backIncome = sum(during, source, "REVERSAL", "INCOME");
    return {
      source,
      openingFen,
      incomeFen: inc.fen,
      incomeCount: inc.n,
      disbursedFen: out.fen,
      disbursedCount: out.n,
      reversedPaidFen: backPaid.fen,
      reversedPaidCount: backPaid.n,
      reversedIncomeFen: backIncome.fen,
      reversedIncomeCount: backIncome.n,
      closingFen: openingFen + net(during, source),
    };
  });
  const zero: Omit<SummaryRow, "source"> = {
    openingFen: 0,
    incomeFen: 0,
    incomeCount: 0,
    disbursedFen: 0,
    disbursedCount: 0,
    reversedPaidFen: 0,
    reversedPaidCount: 0,
    reversedIncomeFen: 0,
    reversedIncomeCount: 0,
    closingFen: 0,
  };
  const keys = Object.keys(zero) as (keyof typeof zero)[];
  const total = rows.reduce((t, r) => Object.fromEntries(keys.map((k) => [k, t[k] + r[k]])) as typeof zero, zero);
  return { rows, total };
}

/** A year people may ask a disclosure for: the fund did not exist before 2000, and not in the future. */
export function parseDisclosureYear(raw: string, currentYear: number): Parsed<number> {
  const s = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/年$/, "");
  if (s === "") return { ok: true, value: currentYear };
  if (!/^\d{4}$/.test(s)) return { ok: false, problem: problem("bad_year", `年份「${raw.slice(0, 10)}」不正确，请写四位年份，例如「收支公开 ${currentYear}」。`, `"${raw.slice(0, 10)}" is not a year; write e.g. ${currentYear}.`) };
  const y = Number(s);
  if (y < 2000 || y > currentYear) return { ok: false, problem: problem("bad_year", `只能公开 2000 年至 ${currentYear} 年的收支。`, `Only years 2000 to ${currentYear} can be disclosed.`) };
  return { ok: true, value: y };
}

/** The labels a care rule reads on a person, as shown on the approval card. */
export const PERSON_TAG_LABEL: Record<"OLD_MEMBER" | "OLD_CADRE" | "OLD_MODEL" | "MOBILE" | "VETERAN", Text> = {
  OLD_MEMBER: { zh: "老党员", en: "old member" },
  OLD_CADRE: { zh: "老干部", en: "old cadre" },
  OLD_MODEL: { zh: "老模范", en: "old model" },
  MOBILE: { zh: "流动党员", en: "mobile member" },
  VETERAN: { zh: "退役军人", en: "veteran" },
};
