// The branch ledger (台账) as an .xlsx workbook: the analysis in figures, then one sheet per
// list (talks, overdue talks, follow-ups, hardship archive, aid paid by source). Headings are
// Chinese with English beside them, as everything users see.
import ExcelJS from "exceljs";
import { SOURCE_LABEL } from "../domain/aid-rules.ts";
import { coveragePercent, totalActive, type BranchAnalysis } from "../domain/branch-analysis.ts";
import { CAUSE_LABEL, HARDSHIP_STATUS_LABEL, LEVEL_LABEL, type HardshipCause } from "../domain/hardship-rules.ts";
import type { LedgerEntry, LedgerTalk } from "../store/talk-ledger.ts";
import { addWorkSheets } from "./work-ledger.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";

const FORM = { IN_PERSON: "面谈", PHONE: "电话", VIDEO: "视频" } as const;
const AREA: Record<string, string> = { THINKING: "思想", WORK: "工作", LIFE: "生活" };

export function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return ws;
}

export function buildLedger(a: BranchAnalysis, talks: LedgerTalk[], archive: LedgerEntry[], opts: { withNotes: boolean; generatedAt: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心 Tongxin";

  const summary = sheet(wb, "概览 Summary", [
    { header: "项目 Item", key: "item", width: 36 },
    { header: "数值 Value", key: "value", width: 24 },
  ]);
  const yuan = (fen: number) => Math.round(fen) / 100;
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
    ["生成时间 Generated", opts.generatedAt],
  ];
  for (const [item, value] of rows) summary.addRow({ item, value });

  const talkCols = [
    { header: "谈话日期 Date", key: "heldOn", width: 14 },
    { header: "党员 Member", key: "member", width: 12 },
    { header: "谈话人 Leader", key: "leader", width: 12 },
    { header: "方式 Form", key: "form", width: 8 },
    { header: "问题方面 Areas", key: "areas", width: 16 },
    { header: "跟进事项数 Follow-ups", key: "followUps", width: 12 },
  ];
  if (opts.withNotes) {
    talkCols.push(
      { header: "思想 Thinking", key: "thinking", width: 40 },
      { header: "工作 Work", key: "work", width: 40 },
      { header: "生活 Life", key: "life", width: 40 },
      { header: "问题和诉求 Concerns", key: "concerns", width: 40 },
    );
  }
  const ts = sheet(wb, "谈心谈话 Talks", talkCols);
  for (const x of talks) {
    ts.addRow({
      heldOn: x.heldOn,
      member: x.memberName,
      leader: x.leaderName,
      form: FORM[x.form],
      areas: x.concernAreas.map((c) => AREA[c] ?? c).join("、"),
      followUps: x.followUps,
      ...(opts.withNotes ? { thinking: x.thinking ?? "", work: x.work ?? "", life: x.life ?? "", concerns: x.concerns ?? "" } : {}),
    });
  }

  const os = sheet(wb, "逾期未谈 Overdue", [
    { header: "党员 Member", key: "member", width: 12 },
    { header: "联系人 Leader", key: "leader", width: 12 },
    { header: "应谈日期 Due", key: "dueOn", width: 14 },
    { header: "逾期天数 Days late", key: "late", width: 12 },
  ]);
  for (const o of a.overdue) os.addRow({ member: o.memberName, leader: o.leaderName ?? "未分配", dueOn: o.dueOn, late: o.daysLate });

  const fs = sheet(wb, "跟进事项 Follow-ups", [
    { header: "党员 Member", key: "member", width: 12 },
    { header: "负责人 Owner", key: "owner", width: 12 },
    { header: "事项 Follow-up", key: "description", width: 40 },
    { header: "完成期限 Due", key: "dueOn", width: 14 },
    { header: "逾期 Overdue", key: "overdue", width: 8 },
  ]);
  for (const f of a.followUps.items) fs.addRow({ member: f.memberName, owner: f.ownerName, description: f.description, dueOn: f.dueOn, overdue: f.dueOn < a.asOf ? "是" : "" });

  const hs = sheet(wb, "困难档案 Archive", [
    { header: "党员 Member", key: "member", width: 12 },
    { header: "状态 Status", key: "status", width: 10 },
    { header: "级别 Level", key: "level", width: 10 },
    { header: "困难原因 Causes", key: "causes", width: 24 },
    { header: "下次复核 Next review", key: "next", width: 14 },
    { header: "解困日期 Resolved", key: "resolved", width: 14 },
  ]);
  for (const e of archive) {
    hs.addRow({
      member: e.memberName,
      status: HARDSHIP_STATUS_LABEL[e.status].zh,
      level: LEVEL_LABEL[e.level].zh,
      causes: e.causes.map((c) => CAUSE_LABEL[c as HardshipCause]?.zh ?? c).join("、"),
      next: e.status === "ACTIVE" ? e.nextReviewOn : "",
      resolved: e.resolvedOn ?? "",
    });
  }

  const ms = sheet(wb, "帮扶资金 Aid paid", [
    { header: "来源 Source", key: "source", width: 20 },
    { header: `${a.aidPaid.year}年累计支出（元） Paid (CNY)`, key: "yuan", width: 24 },
  ]);
  for (const s of ["LOCAL_FINANCE", "PARTY_FEE", "DONATION"] as const) ms.addRow({ source: SOURCE_LABEL[s].zh, yuan: yuan(a.aidPaid.bySource[s]) });
  ms.addRow({ source: "合计 Total", yuan: yuan(a.aidPaid.totalFen) });
  addWorkSheets(wb, a.work);
  return neutraliseWorkbook(wb);
}
