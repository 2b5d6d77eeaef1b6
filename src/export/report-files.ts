// The spreadsheets a secretary asks for in chat (导出): the committee's ledger over its branches,
// the talk ledger without notes and the fund ledger, each for a branch or, for a committee, as
// one workbook (汇总 with a row per branch and a 合计, then a sheet per branch). A branch's own ledger and the visit report
// come from their builders (branch-ledger.ts, visit-report.ts); these add the shapes only chat needs.
import ExcelJS from "exceljs";
import { SOURCE_LABEL } from "../domain/aid-rules.ts";
import { coveragePercent, totalActive, type BranchAnalysis } from "../domain/branch-analysis.ts";
import { signedFen } from "../domain/fund-correction.ts";
import type { FundLedgerLine, Reconciled } from "../store/aid-fund.ts";
import type { LedgerTalk } from "../store/talk-ledger.ts";
import { addFundLedgerSheet, addReconciliationSheet } from "./fund-ledger.ts";
import { addSummarySheet } from "./ledger-summary.ts";
import { addTalksSheet } from "./ledger-workbook.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";
import { sheet, yuan } from "./sheet.ts";

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心";
  return wb;
}

/** A sheet name Excel accepts: none of : \ / ? * [ ], no apostrophe at either end, at most 31 characters. */
export const sheetName = (name: string): string =>
  name.replace(/[:\\/?*[\]]/g, "").replace(/^'+/, "").trim().slice(0, 31).replace(/'+$/, "").trim() || "支部";

/**
 * Names for the branches' sheets: each valid, and unique among themselves and the names already
 * `taken` (Excel compares them ignoring case); a repeated name ends in （2）, （3）… within the 31.
 */
export function uniqueSheetNames(names: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return names.map((raw) => {
    const base = sheetName(raw);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - `（${n}）`.length)}（${n}）`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * A committee's ledger: one row per branch in 汇总 (the figures side by side), then each
 * branch's own overview sheet, named for the branch.
 */
export function committeeLedgerWorkbook(committee: string, branches: readonly BranchAnalysis[], generatedAt: string): ExcelJS.Workbook {
  const wb = workbook();
  const all = sheet(wb, "汇总", [
    { header: "支部", key: "org", width: 24 },
    { header: "党员人数", key: "members", width: 10 },
    { header: "按期谈心人数", key: "current", width: 14 },
    { header: "谈心覆盖率", key: "coverage", width: 12 },
    { header: "逾期未谈", key: "overdue", width: 10 },
    { header: "本期谈话次数", key: "talks", width: 14 },
    { header: "未完成跟进事项", key: "followUps", width: 16 },
    { header: "困难档案在档", key: "archive", width: 14 },
    { header: "帮扶支出（元）", key: "aid", width: 16 },
  ]);
  for (const a of branches) {
    all.addRow({ org: a.orgName, members: a.members, current: a.current, coverage: coveragePercent(a.current, a.members), overdue: a.overdue.length, talks: a.talks.count, followUps: a.followUps.open, archive: totalActive(a.archive), aid: yuan(a.aidPaid.totalFen) });
  }
  all.addRow({});
  all.addRow({ org: `${committee} 台账，生成时间 ${generatedAt}` });
  const names = uniqueSheetNames(branches.map((a) => a.orgName), ["汇总"]);
  branches.forEach((a, i) => addSummarySheet(wb, a, generatedAt, names[i]!));
  return neutraliseWorkbook(wb);
}

/** The talks of a period, without the notes (those leave only through 导出谈心记录). */
export function talkLedgerWorkbook(talks: LedgerTalk[]): ExcelJS.Workbook {
  const wb = workbook();
  addTalksSheet(wb, talks, false);
  return neutraliseWorkbook(wb);
}

/** The fund's lines of the period (reversals beside what they undo) and the reconciliation. */
export function fundLedgerWorkbook(lines: readonly FundLedgerLine[], reconciled: readonly Reconciled[], timeZone: string): ExcelJS.Workbook {
  const wb = workbook();
  addFundLedgerSheet(wb, lines, timeZone);
  addReconciliationSheet(wb, reconciled);
  return neutraliseWorkbook(wb);
}

/** A branch and what one of its reports holds, for a committee's workbook over its branches. */
export interface BranchTalks {
  name: string;
  talks: readonly LedgerTalk[];
}

/**
 * A committee's talk ledger: 汇总 with one row per branch and a 合计 row, then each branch's
 * talks (without notes) on a sheet named for it.
 */
export function committeeTalkLedgerWorkbook(committee: string, period: string, branches: readonly BranchTalks[], generatedAt: string): ExcelJS.Workbook {
  const wb = workbook();
  const all = sheet(wb, "汇总", [
    { header: "支部", key: "org", width: 24 },
    { header: "谈话次数", key: "talks", width: 10 },
    { header: "谈话党员人数", key: "members", width: 14 },
    { header: "面谈", key: "inPerson", width: 8 },
    { header: "电话", key: "phone", width: 8 },
    { header: "视频", key: "video", width: 8 },
    { header: "跟进事项数", key: "followUps", width: 12 },
  ]);
  const figures = (talks: readonly LedgerTalk[]) => ({
    talks: talks.length,
    members: new Set(talks.map((t) => t.memberId)).size,
    inPerson: talks.filter((t) => t.form === "IN_PERSON").length,
    phone: talks.filter((t) => t.form === "PHONE").length,
    video: talks.filter((t) => t.form === "VIDEO").length,
    followUps: talks.reduce((n, t) => n + t.followUps, 0),
  });
  for (const b of branches) all.addRow({ org: b.name, ...figures(b.talks) });
  all.addRow({ org: "合计", ...figures(branches.flatMap((b) => b.talks)) });
  all.addRow({});
  all.addRow({ org: `${committee} 谈心台账 ${period}，生成时间 ${generatedAt}` });
  const names = uniqueSheetNames(branches.map((b) => b.name), ["汇总"]);
  branches.forEach((b, i) => addTalksSheet(wb, [...b.talks], false, names[i]!));
  return neutraliseWorkbook(wb);
}

/** A branch's fund lines of the period and its books per source now. */
export interface BranchFund {
  name: string;
  lines: readonly FundLedgerLine[];
  reconciled: readonly Reconciled[];
}

/**
 * A committee's fund ledger: 汇总 with one row per branch (income, payments, reversals and the net
 * of the period, the balance now and whether the books agree) and a 合计 row, each branch's lines
 * on a sheet named for it, and 资金核对 with every branch's sources.
 */
export function committeeFundLedgerWorkbook(committee: string, period: string, branches: readonly BranchFund[], timeZone: string, generatedAt: string): ExcelJS.Workbook {
  const wb = workbook();
  const all = sheet(wb, "汇总", [
    { header: "支部", key: "org", width: 24 },
    { header: "收入（元）", key: "income", width: 14 },
    { header: "支出（元）", key: "paid", width: 14 },
    { header: "冲正净额（元）", key: "reversals", width: 16 },
    { header: "本期净额（元）", key: "net", width: 16 },
    { header: "当前余额（元）", key: "balance", width: 16 },
    { header: "台账与余额一致", key: "agrees", width: 16 },
  ]);
  const signed = (l: FundLedgerLine) => signedFen({ source: l.source, kind: l.kind, amountFen: l.amountFen, reverses: l.reverses?.kind ?? null });
  const sum = (ls: readonly FundLedgerLine[]) => ls.reduce((n, l) => n + signed(l), 0);
  const figures = (lines: readonly FundLedgerLine[], reconciled: readonly Reconciled[]) => ({
    income: yuan(sum(lines.filter((l) => l.kind === "INCOME"))),
    paid: yuan(-sum(lines.filter((l) => l.kind === "DISBURSEMENT"))),
    reversals: yuan(sum(lines.filter((l) => l.kind === "REVERSAL"))),
    net: yuan(sum(lines)),
    balance: yuan(reconciled.reduce((n, r) => n + r.balanceFen, 0)),
    agrees: reconciled.every((r) => r.ledgerFen === r.balanceFen) ? "是" : "否",
  });
  for (const b of branches) all.addRow({ org: b.name, ...figures(b.lines, b.reconciled) });
  all.addRow({ org: "合计", ...figures(branches.flatMap((b) => b.lines), branches.flatMap((b) => b.reconciled)) });
  all.addRow({});
  all.addRow({ org: `${committee} 资金台账 ${period}，生成时间 ${generatedAt}` });
  const names = uniqueSheetNames(branches.map((b) => b.name), ["汇总", "资金核对"]);
  branches.forEach((b, i) => addFundLedgerSheet(wb, b.lines, timeZone, names[i]!));
  const check = sheet(wb, "资金核对", [
    { header: "支部", key: "org", width: 24 },
    { header: "来源", key: "source", width: 16 },
    { header: "台账合计（元）", key: "ledger", width: 22 },
    { header: "账面余额（元）", key: "balance", width: 22 },
    { header: "一致", key: "agrees", width: 10 },
  ]);
  for (const b of branches) {
    for (const r of b.reconciled) check.addRow({ org: b.name, source: SOURCE_LABEL[r.source].zh, ledger: yuan(r.ledgerFen), balance: yuan(r.balanceFen), agrees: r.ledgerFen === r.balanceFen ? "是" : "否" });
  }
  return neutraliseWorkbook(wb);
}
