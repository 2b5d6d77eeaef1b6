// The work-care sheets of the branch ledger (台账): training coverage and who is untrained this
// year, and the open employment cases. Added to the workbook that talk-ledger.ts builds.
import type ExcelJS from "exceljs";
import { TOPIC_LABEL, TRAINING_TOPICS } from "../domain/training-rules.ts";
import { percent, type WorkFigures } from "../domain/work-report.ts";
import { sheet } from "./sheet.ts";

export function addWorkSheets(wb: ExcelJS.Workbook, w: WorkFigures): void {
  const tr = w.training;
  const ts = sheet(wb, "培训覆盖", [
    { header: "项目", key: "item", width: 36 },
    { header: "数值", key: "value", width: 24 },
  ]);
  const rows: [string, string | number][] = [
    [`${tr.year}年党员人数`, tr.members],
    ["已参加培训党员", tr.trained],
    ["培训覆盖率", percent(tr.trained, tr.members)],
    ["党务工作者人数", tr.workers],
    ["已参加培训党务工作者", tr.workersTrained],
    ...TRAINING_TOPICS.map((x): [string, number] => [`${TOPIC_LABEL[x].zh}（人）`, tr.byTopic[x]]),
    ["本期培训场次", tr.sessionsInPeriod],
    ["本期培训支持申请", tr.applications.filed],
    ["其中批准", tr.applications.approved],
    ["培训补贴（元）", tr.applications.subsidyFen / 100],
  ];
  for (const [item, value] of rows) ts.addRow({ item, value });
  ts.addRow({});
  ts.addRow({ item: "本年未参加培训的党员", value: tr.untrained.length });
  for (const name of tr.untrained) ts.addRow({ item: name });

  const es = sheet(wb, "就业帮扶", [
    { header: "党员", key: "member", width: 12 },
    { header: "联系人", key: "leader", width: 12 },
    { header: "登记日期", key: "openedOn", width: 14 },
    { header: "登记天数", key: "days", width: 10 },
    { header: "上次回访", key: "checkIn", width: 14 },
    { header: "已推送岗位", key: "pushes", width: 12 },
  ]);
  for (const c of w.employment.open) es.addRow({ member: c.memberName, leader: c.leaderName ?? "未分配", openedOn: c.openedOn, days: c.daysOpen, checkIn: c.lastCheckInOn ?? "", pushes: c.pushes });
}
