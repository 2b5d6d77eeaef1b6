// 导出 and its four reports: a secretary (or affairs worker) receives a spreadsheet as a file in
// this private chat. 导出 alone shows the menu card; 导出台账 / 导出谈心台账 / 导出走访统计 /
// 导出资金台账 [period] go straight to the file ("导出 台账" spells the same words).
import { exportMenuCard, type ReportChoice } from "../../../../cards/export-menu.ts";
import { t } from "../../../../cards/kit.ts";
import { quarterName, quarterOf } from "../../../domain/quarter.ts";
import { todayOf, type Command } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { EXPORT_INSTEAD, REPORT_WORD, reportPeriod, reportUnits, sendReport } from "../export-reports.ts";

const ROLES = ["SECRETARY", "AFFAIRS_WORKER"] as const;

export const exportMenu: Command = {
  name: "导出",
  aliases: ["export", "报表"],
  summary: { zh: "把台账、谈心台账、走访统计表、资金台账以表格文件发给您", en: "receive the ledger, talk ledger, visit report or fund ledger as a spreadsheet" },
  roles: ROLES,
  privateOnly: true,
  instead: EXPORT_INSTEAD,
  async run(ctx) {
    const units = await reportUnits(ctx);
    if (units.length === 0) throw notAllowed(EXPORT_INSTEAD.commands);
    const today = todayOf(ctx);
    const quarter = quarterOf(today);
    const scope = units.map((u) => (u.committee ? `${u.name}（下属 ${u.branches.length} 个支部）` : u.name));
    ctx.reply({ card: exportMenuCard({ scope, quarter: { label: quarter.label, name: quarterName(quarter) }, year: Number(today.slice(0, 4)) }) });
  },
};

function reportCommand(report: ReportChoice, name: string, aliases: string[], summary: { zh: string; en: string }, usage: { zh: string; en: string }): Command {
  return {
    name,
    aliases,
    summary,
    roles: ROLES,
    privateOnly: true,
    instead: EXPORT_INSTEAD,
    async run(ctx) {
      const period = reportPeriod(report, ctx.args, todayOf(ctx));
      if (!period) throw new UserError("usage", usage);
      await sendReport(ctx, report, period, (msg) => ctx.reply(msg));
    },
  };
}

const byQuarter = (word: string) => t(`用法：导出${word} [季度，如 2027Q1]，不写即本季度`, `Usage: 导出${word} [quarter, e.g. 2027Q1]; this quarter when left out`);
const byYear = (word: string) => t(`用法：导出${word} [年份，如 2027]，不写即今年`, `Usage: 导出${word} [year, e.g. 2027]; this year when left out`);

export const exportLedger = reportCommand("ledger", "导出台账", ["export ledger"], { zh: "本支部（或党委下各支部）一个季度的台账（表格）", en: "the quarter's ledger of your branch (or each branch below your committee)" }, byQuarter(REPORT_WORD.ledger));
export const exportTalkLedger = reportCommand("talk-ledger", "导出谈心台账", ["export talk ledger"], { zh: "一个季度的谈心台账，不含谈话内容（表格）", en: "the quarter's talk ledger, without notes" }, byQuarter("谈心台账"));
export const exportVisitReport = reportCommand("visit-report", "导出走访统计", ["导出走访统计表", "export visit report"], { zh: "一年的走访统计表（表格）", en: "the year's visit report" }, byYear("走访统计"));
export const exportFundLedger = reportCommand("fund-ledger", "导出资金台账", ["export fund ledger"], { zh: "一年的帮扶资金台账和核对（表格）", en: "the year's fund ledger and reconciliation" }, byYear("资金台账"));
