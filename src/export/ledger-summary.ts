// The first sheet of the branch ledger (台账): the quarter's analysis as figures, one per line.
import type ExcelJS from "exceljs";
import { coveragePercent, totalActive, type BranchAnalysis } from "../domain/branch-analysis.ts";
import { sheet, yuan } from "./sheet.ts";

export function addSummarySheet(wb: ExcelJS.Workbook, a: BranchAnalysis, generatedAt: string): void {
  const summary = sheet(wb, "概览 Summary", [
    { header: "项目 Item", key: "item", width: 36 },
    { header: "数值 Value", key: "value", width: 24 },
  ]);
  const rows: [string, string | number][] = [
    ["支部 Branch", a.orgName],
    ["季度 Quarter", a.period.label],
    ["统计截至 As of", a.asOf],
    ["党员人数 Members", a.members],
    ["按期谈心人数 Up to date", a.current],
    ["谈心谈话覆盖率 Coverage (%)", coveragePercent(a.current, a.members)],
    ["逾期未谈人数 Overdue", a.overdue.length],
    ["未分配联系人 Without a leader", a.unassigned],
    ["本期谈话次数 Talks", a.talks.count],
    ["本期谈话人数 Members talked with", a.talks.members],
    ["面谈 In person", a.talks.byForm.IN_PERSON],
    ["电话 Phone", a.talks.byForm.PHONE],
    ["视频 Video", a.talks.byForm.VIDEO],
    ["反映问题：思想 Concerns: thinking", a.concerns.THINKING],
    ["反映问题：工作 Concerns: work", a.concerns.WORK],
    ["反映问题：生活 Concerns: life", a.concerns.LIFE],
    ["未完成跟进事项 Open follow-ups", a.followUps.open],
    ["其中逾期 of which overdue", a.followUps.overdue],
    ["本期完成跟进事项 Follow-ups done", a.followUps.doneInPeriod],
    ["本期紧急谈心 Urgent talks opened", a.urgent.opened],
    ["本期完成紧急谈心 Urgent talks done", a.urgent.done],
    ["在办紧急谈心 Urgent talks open", a.urgent.open],
    ["困难档案在档 Archive: active", totalActive(a.archive)],
    ["特别困难 Special", a.archive.active.SPECIAL],
    ["较重困难 Serious", a.archive.active.SERIOUS],
    ["一般困难 General", a.archive.active.GENERAL],
    ["复核逾期 Reviews overdue", a.archive.reviewsOverdue],
    ["已解困 Resolved", a.archive.resolved],
    ["本期解困 Resolved this period", a.archive.resolvedInPeriod],
    [`${a.aidPaid.year}年帮扶支出合计（元） Aid paid (CNY)`, yuan(a.aidPaid.totalFen)],
    ["生成时间 Generated", generatedAt],
  ];
  for (const [item, value] of rows) summary.addRow({ item, value });
}
