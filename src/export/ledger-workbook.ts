// The branch ledger (台账) as an .xlsx workbook: the analysis in figures, then one sheet per
// list (talks, overdue talks, follow-ups, hardship archive, aid paid by source, work care).
// Headings and labels are Chinese only: a workbook is filed and printed as the branch keeps it.
import ExcelJS from "exceljs";
import type { BranchAnalysis } from "../domain/branch-analysis.ts";
import type { LedgerEntry, LedgerTalk } from "../store/talk-ledger.ts";
import { addAidPaidSheet, addArchiveSheet } from "./aid-ledger.ts";
import { addSummarySheet } from "./ledger-summary.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";
import { sheet, type Column } from "./sheet.ts";
import { addWorkSheets } from "./work-ledger.ts";

const FORM = { IN_PERSON: "面谈", PHONE: "电话", VIDEO: "视频" } as const;
const AREA: Record<string, string> = { THINKING: "思想", WORK: "工作", LIFE: "生活" };

export function buildLedger(a: BranchAnalysis, talks: LedgerTalk[], archive: LedgerEntry[], opts: { withNotes: boolean; generatedAt: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心";
  addSummarySheet(wb, a, opts.generatedAt);
  addTalksSheet(wb, talks, opts.withNotes);
  addOverdueSheet(wb, a.overdue);
  addFollowUpsSheet(wb, a.followUps.items, a.asOf);
  addArchiveSheet(wb, archive);
  addAidPaidSheet(wb, a.aidPaid);
  addWorkSheets(wb, a.work);
  return neutraliseWorkbook(wb);
}

/** Talk notes are personal: their columns appear only when the export asked for them (and was audited so). */
export function addTalksSheet(wb: ExcelJS.Workbook, talks: LedgerTalk[], withNotes: boolean, name = "谈心谈话"): void {
  const talkCols: Column[] = [
    { header: "谈话日期", key: "heldOn", width: 14 },
    { header: "党员", key: "member", width: 12 },
    { header: "谈话人", key: "leader", width: 12 },
    { header: "方式", key: "form", width: 8 },
    { header: "问题方面", key: "areas", width: 16 },
    { header: "跟进事项数", key: "followUps", width: 12 },
  ];
  if (withNotes) {
    talkCols.push(
      { header: "思想", key: "thinking", width: 40 },
      { header: "工作", key: "work", width: 40 },
      { header: "生活", key: "life", width: 40 },
      { header: "问题和诉求", key: "concerns", width: 40 },
    );
  }
  const ts = sheet(wb, name, talkCols);
  for (const x of talks) {
    ts.addRow({
      heldOn: x.heldOn,
      member: x.memberName,
      leader: x.leaderName,
      form: FORM[x.form],
      areas: x.concernAreas.map((c) => AREA[c] ?? c).join("、"),
      followUps: x.followUps,
      ...(withNotes ? { thinking: x.thinking ?? "", work: x.work ?? "", life: x.life ?? "", concerns: x.concerns ?? "" } : {}),
    });
  }
}

function addOverdueSheet(wb: ExcelJS.Workbook, overdue: BranchAnalysis["overdue"]): void {
  const os = sheet(wb, "逾期未谈", [
    { header: "党员", key: "member", width: 12 },
    { header: "联系人", key: "leader", width: 12 },
    { header: "应谈日期", key: "dueOn", width: 14 },
    { header: "逾期天数", key: "late", width: 12 },
  ]);
  for (const o of overdue) os.addRow({ member: o.memberName, leader: o.leaderName ?? "未分配", dueOn: o.dueOn, late: o.daysLate });
}

function addFollowUpsSheet(wb: ExcelJS.Workbook, items: BranchAnalysis["followUps"]["items"], asOf: string): void {
  const fs = sheet(wb, "跟进事项", [
    { header: "党员", key: "member", width: 12 },
    { header: "负责人", key: "owner", width: 12 },
    { header: "事项", key: "description", width: 40 },
    { header: "完成期限", key: "dueOn", width: 14 },
    { header: "逾期", key: "overdue", width: 8 },
  ]);
  for (const f of items) fs.addRow({ member: f.memberName, owner: f.ownerName, description: f.description, dueOn: f.dueOn, overdue: f.dueOn < asOf ? "是" : "" });
}
