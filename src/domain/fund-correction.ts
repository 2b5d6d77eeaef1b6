// Corrections of the aid fund's books (冲正). An entry is never edited: a wrong one is undone by a
// REVERSAL of the same amount in the opposite direction, linked to it, and (for income) the right
// figures are booked as a new INCOME entry. These rules say what may be reversed, why not, and
// whether the source's balance can bear it; the books then reconcile per source as
// income - disbursements + reversals of disbursements - reversals of income = balance.
import { FUND_SOURCES, parseRequestNumber, SOURCE_LABEL, type FundEntryKind, type FundSource } from "./aid-rules.ts";
import { parseYuan, yuanText } from "./money.ts";
import { problem, type Parsed, type Problem } from "./problem.ts";
import type { Text } from "./text.ts";

/** Who corrects the books: the branch secretary, who answers for the fund (not a delegate or the affairs worker). */
export const CORRECTION_ROLES = ["SECRETARY"] as const;
export const REASON_MAX = 200;

export const REASON_LABEL: Text = { zh: "冲正原因", en: "reason for the reversal" };

/** The entry as a correction sees it. */
export interface EntryToCorrect {
  id: number;
  kind: FundEntryKind;
  source: FundSource;
  amountFen: number;
  /** The reversal that already undid it, if any. */
  reversedBy: { at: string; by: string | null; reason: string | null } | null;
}

/** The reason a secretary gives: required, one short paragraph. */
export function checkReason(raw: unknown): Parsed<string> {
  const s = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : null;
  if (s === null) return { ok: false, problem: problem("reason_type", "冲正原因格式不正确，请重新填写。", "The reason is not text.") };
  if (s === "") return { ok: false, problem: problem("reason_missing", "请填写冲正原因（例如：金额录入错误、款项退回）。冲正必须说明原因。", "Please give the reason for the reversal; it is required.") };
  if (s.length > REASON_MAX) return { ok: false, problem: problem("reason_too_long", `冲正原因不能超过 ${REASON_MAX} 字（现有 ${s.length} 字）。`, `The reason is limited to ${REASON_MAX} characters.`) };
  return { ok: true, value: s };
}

/** Whether an entry may be reversed at all: not a reversal itself, and not reversed before. */
export function reversalRefusal(e: EntryToCorrect): Problem | null {
  if (e.kind === "REVERSAL") {
    return problem(
      "reversal_of_reversal",
      `流水 #${e.id} 本身是一笔冲正，不能再冲正。如冲正有误，请按正确金额重新登记收入或重新审批。`,
      `Entry #${e.id} is itself a reversal and cannot be reversed; book the right figures anew instead.`,
    );
  }
  if (e.reversedBy) {
    const by = e.reversedBy.by ? `由${e.reversedBy.by}` : "";
    const why = e.reversedBy.reason ? `（原因：${e.reversedBy.reason}）` : "";
    return problem(
      "already_reversed",
      `流水 #${e.id} 已于 ${e.reversedBy.at} ${by}冲正${why}，同一笔不能重复冲正。`,
      `Entry #${e.id} was already reversed at ${e.reversedBy.at}; an entry is reversed once.`,
    );
  }
  return null;
}

/**
 * A reversal undoes the whole entry: asked for another amount (a typed "冲正 2026-0001 800"), it
 * is refused, so nobody can take back more than was paid, or part of it by mistake.
 */
export function wholeEntryRefusal(askedFen: number, e: Pick<EntryToCorrect, "amountFen" | "kind">): Problem | null {
  if (askedFen === e.amountFen) return null;
  const paid = yuanText(e.amountFen);
  const asked = yuanText(askedFen);
  const what = e.kind === "INCOME" ? "收入" : "支出";
  const more = askedFen > e.amountFen ? `冲正金额不能超过原${what}。` : "不能部分冲正。";
  return problem(
    "not_whole_entry",
    `冲正是整笔冲正：该笔${what} ${paid.zh}，不能冲正 ${asked.zh}，${more}如金额有误，请整笔冲正后按正确金额重新办理。`,
    `A reversal undoes the whole entry of ${paid.en}, not ${asked.en}; reverse it and book the right amount anew.`,
  );
}

/** The right figures a secretary gives when correcting an income entry: a new INCOME entry. */
export interface Replacement {
  source: FundSource;
  amountFen: number;
}

/**
 * Reversing income takes its amount back out of the source. When part of it was already spent,
 * the balance would go below zero: refused, with the figures that show why. The correcting
 * income (if booked into the same source) is counted first, as it is written first.
 */
export function incomeReversalRefusal(e: { id: number; source: FundSource; amountFen: number; balanceFen: number }, replacement: Replacement | null): Problem | null {
  const back = replacement && replacement.source === e.source ? replacement.amountFen : 0;
  const after = e.balanceFen + back - e.amountFen;
  if (after >= 0) return null;
  const spent = Math.max(0, e.amountFen - e.balanceFen);
  const s = SOURCE_LABEL[e.source];
  const y = (fen: number) => yuanText(fen);
  const withNew = back > 0 ? `（含更正后的收入 ${y(back).zh}）` : "";
  return problem(
    "income_spent",
    `不能冲正：该笔收入 ${y(e.amountFen).zh}已有 ${y(spent).zh}被支出，「${s.zh}」当前余额 ${y(e.balanceFen).zh}，冲正后将为 ${y(after).zh}${withNew}，余额不能为负。请先核实已支出的款项，或登记一笔补充收入后再冲正。`,
    `Cannot reverse: ${y(spent).en} of this ${y(e.amountFen).en} income was already spent; the ${s.en} balance is ${y(e.balanceFen).en} and would become ${y(after).en}.`,
  );
}

/** A correction must change something: the same source, amount and payer again is no correction. */
export function replacementRefusal(orig: { source: FundSource; amountFen: number; payer: string | null }, r: Replacement & { payer: string }): Problem | null {
  if (orig.source === r.source && orig.amountFen === r.amountFen && (orig.payer ?? "") === r.payer) {
    return problem("same_figures", "更正后的资金来源、金额和拨付单位与原记录相同，无需更正。如只需冲正，请把「正确金额」留空。", "The corrected figures equal the original; leave the amount empty to reverse only.");
  }
  return null;
}

/** One ledger line as the reconciliation reads it: a reversal carries the kind it undoes. */
export interface LedgerLine {
  source: FundSource;
  kind: FundEntryKind;
  amountFen: number;
  reverses: FundEntryKind | null;
}

/** The signed effect of a line on its source's balance. */
export function signedFen(l: LedgerLine): number {
  if (l.kind === "INCOME") return l.amountFen;
  if (l.kind === "DISBURSEMENT") return -l.amountFen;
  return l.reverses === "INCOME" ? -l.amountFen : l.amountFen;
}

/** What the ledger says each source should hold: income - paid + paid back - income taken back. */
export function ledgerBalances(lines: readonly LedgerLine[]): Record<FundSource, number> {
  const out = Object.fromEntries(FUND_SOURCES.map((s) => [s, 0])) as Record<FundSource, number>;
  for (const l of lines) out[l.source] += signedFen(l);
  return out;
}

/** The sign a ledger line shows (+ into the fund, - out of it). */
export function entryDirection(l: Pick<LedgerLine, "kind" | "reverses">): "in" | "out" {
  return signedFen({ ...l, source: "LOCAL_FINANCE", amountFen: 1 }) > 0 ? "in" : "out";
}

/**
 * What 冲正 typed in chat names: a request by its number (aid or training: one sequence numbers
 * both), a ledger line by its # number, or a training application filed before numbering by the
 * "培训#7" its member was told ("#7" alone is a ledger line, as it always was).
 */
export type ReversalTarget = { kind: "request"; number: string } | { kind: "entry"; id: number } | { kind: "training"; id: number };

export interface ReversalCommand {
  target: ReversalTarget;
  /** An amount typed after the target: a reversal is of the whole entry, so it must equal it. */
  amountFen: number | null;
  /** Empty when none was given: the form is sent to fill it in. */
  reason: string;
}

export const REVERSAL_USAGE: Text = {
  zh: "用法：「冲正 申请编号 原因」，例如「冲正 2026-0001 重复发放」（帮扶申请或培训申请的编号；编号前的培训申请写「培训#7」）；或「冲正 #流水号 原因」（流水号见「资金」卡片）。不写原因则发送冲正表单。",
  en: 'Usage: "冲正 <request number> <reason>", e.g. 冲正 2026-0001 paid twice; or "冲正 #<entry> <reason>" (entry numbers are on the fund card).',
};

/** "冲正 2026-0001 重复发放", "冲正 #12 金额录错", "冲正 2026-1 500 原因": the target, an amount if typed, the reason. */
export function parseReversalCommand(args: string): Parsed<ReversalCommand> {
  // "培训申请 #7" typed with a space is the same word as "培训申请#7".
  const words = args.trim().replace(/^(培训(?:申请)?)\s+(?=[#＃])/, "$1").split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  const usage = { ok: false as const, problem: problem("usage", REVERSAL_USAGE.zh, REVERSAL_USAGE.en) };
  if (!first) return usage;
  const entry = /^(?:[#＃]|流水[#＃]?)([0-9０-９]{1,9})$/.exec(first);
  const training = /^培训(?:申请)?[#＃]([0-9０-９]{1,9})$/.exec(first);
  const number = entry || training ? null : parseRequestNumber(first);
  if (!entry && !training && !number) {
    return { ok: false, problem: problem("bad_target", `「${first.slice(0, 20)}」不是申请编号或流水号。${REVERSAL_USAGE.zh}`, `"${first.slice(0, 20)}" is neither a request number nor an entry number.`) };
  }
  const digits = (d: string) => Number(d.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const target: ReversalTarget = entry ? { kind: "entry", id: digits(entry[1]!) } : training ? { kind: "training", id: digits(training[1]!) } : { kind: "request", number: number! };
  let rest = words.slice(1);
  let amountFen: number | null = null;
  const amount = rest[0] !== undefined && /^[¥￥]?[0-9０-９][0-9０-９,，.．]*(?:元)?$/.test(rest[0]) ? parseYuan(rest[0]) : null;
  if (amount) {
    if (!amount.ok) return amount;
    amountFen = amount.value;
    rest = rest.slice(1);
  }
  const reason = rest.join(" ");
  if (reason.length > REASON_MAX) return { ok: false, problem: problem("reason_too_long", `冲正原因不能超过 ${REASON_MAX} 字（现有 ${reason.length} 字）。`, `The reason is limited to ${REASON_MAX} characters.`) };
  return { ok: true, value: { target, amountFen, reason } };
}
