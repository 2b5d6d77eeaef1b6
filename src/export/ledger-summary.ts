// The first sheet of the branch ledger (台账): the quarter's analysis as figures, one per line.
import type ExcelJS from "exceljs";
import { coveragePercent, totalActive, type BranchAnalysis } from "../domain/branch-analysis.ts";
import { sheet, yuan } from "./sheet.ts";

/** `name`: a committee's ledger holds one such sheet per branch, named for it. */
export function addSummarySheet(wb: ExcelJS.Workbook, a: BranchAnalysis, generatedAt: string, name = "概览"): void {
  const summary = sheet(wb, name, [
    { header: "项目", key: "item", width: 36 },
    { header: "数值", key: "value", width: 24 },
  ]);
  const rows: [string, string | number][] = [
    ["支部", a.orgName],
    ["季度", a.period.label],
    ["统计截至", a.asOf],
    ["党员人数", a.members],
    ["按期谈心人数", a.current],
    ["谈心谈话覆盖率", coveragePercent(a.current, a.members)],
    ["逾期未谈人数", a.overdue.length],
    ["未分配联系人", a.unassigned],
    ["本期谈话次数", a.talks.count],
    ["本期谈话人数", a.talks.members],
    ["面谈", a.talks.byForm.IN_PERSON],
    ["电话", a.talks.byForm.PHONE],
    ["视频", a.talks.byForm.VIDEO],
    ["反映问题：思想", a.concerns.THINKING],
    ["反映问题：工作", a.concerns.WORK],
    ["反映问题：生活", a.concerns.LIFE],
    ["未完成跟进事项", a.followUps.open],
    ["其中逾期", a.followUps.overdue],
    ["本期完成跟进事项", a.followUps.doneInPeriod],
    ["本期紧急谈心", a.urgent.opened],
    ["本期完成紧急谈心", a.urgent.done],
    ["在办紧急谈心", a.urgent.open],
    ["困难档案在档", totalActive(a.archive)],
    ["特别困难", a.archive.active.SPECIAL],
    ["较重困难", a.archive.active.SERIOUS],
    ["一般困难", a.archive.active.GENERAL],
    ["复核逾期", a.archive.reviewsOverdue],
    ["已解困", a.archive.resolved],
    ["本期解困", a.archive.resolvedInPeriod],
    [`${a.aidPaid.year}年帮扶支出合计（元）`, yuan(a.aidPaid.totalFen)],
    ["生成时间", generatedAt],
  ];
  for (const [item, value] of rows) summary.addRow({ item, value });
}
