// The spreadsheets a secretary asks for in chat (导出): the committee's ledger over its branches,
// the talk ledger without notes and the fund ledger. A branch's own ledger and the visit report
// come from their builders (branch-ledger.ts, visit-report.ts); these add the shapes only chat needs.
import ExcelJS from "exceljs";
import { coveragePercent, totalActive, type BranchAnalysis } from "../domain/branch-analysis.ts";
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

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, "·").slice(0, 31);

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
  const used = new Set(["汇总"]);
  for (const a of branches) {
    let name = sheetName(a.orgName);
    for (let n = 2; used.has(name); n++) name = sheetName(`${a.orgName.slice(0, 27)}（${n}）`);
    used.add(name);
    addSummarySheet(wb, a, generatedAt, name);
  }
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
