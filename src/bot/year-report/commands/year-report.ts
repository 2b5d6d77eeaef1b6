// 年度报告 [年份] [支部]: the year's care work as figures for the organisation above, as a summary
// card and the same report as a spreadsheet file. A branch's secretary or affairs worker gets
// their branch; a committee's (党委, 党总支) the total with one part per branch below, or one
// branch below when named. No year: this one, or in January the year just ended.
import { yearReportCard } from "../../../../cards/year-report.ts";
import { EXPORT_KEEP_MS } from "../../../domain/export-limit.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { parseReportArgs } from "../../../domain/year-report.ts";
import { workbookBytes } from "../../../export/personal-data.ts";
import { yearReportWorkbook } from "../../../export/year-report.ts";
import { todayOf, type Command } from "../../context.ts";
import { must, notAllowed, UserError } from "../../errors.ts";

export const REPORT_ROLES = ["SECRETARY", "AFFAIRS_WORKER"] as const;

export const yearReport: Command = {
  name: "年度报告",
  aliases: ["year report", "annual report"],
  summary: { zh: "本支部（或党委下各支部）的年度报告：卡片和表格文件", en: "the year-end report of your branch (or every branch below your committee), as a card and a spreadsheet" },
  roles: REPORT_ROLES,
  privateOnly: true,
  instead: { ask: "SECRETARY" },
  async run(ctx) {
    const today = todayOf(ctx);
    const { year, org } = must(parseReportArgs(ctx.args, today));
    const mine = orgsWhere(ctx.actor, [...REPORT_ROLES]);
    if (mine.length === 0) throw notAllowed();
    const scopes = await ctx.store.yearReport.reportScopes(mine);

    // Which organisations: those the person serves, or the one they named among them and below.
    let orgIds = mine.filter((id) => scopes.some((s) => s.id === id && s.rootId === id));
    if (org !== null) {
      const named = scopes.find((s) => s.name === org || s.code === org) ?? scopes.find((s) => s.name.includes(org));
      if (!named) {
        const reach = scopes.filter((s) => s.id === s.rootId).map((s) => s.name).join("、");
        throw new UserError("not_in_reach", {
          zh: `「${org}」不在您可以生成年度报告的范围内。您可以生成：${reach}（及其下属支部）。`,
          en: `"${org}" is not among the organisations you can report on: ${reach} (and the branches below).`,
        });
      }
      orgIds = [named.id];
    }

    const now = ctx.clock.now();
    for (const orgId of orgIds) {
      const report = await ctx.store.yearReport.yearReport({ orgId, year, today, timeZone: ctx.config.timezone });
      if (!report) continue;
      const wb = yearReportWorkbook(report, now.toISOString());
      const file = await ctx.store.exportFiles.createExportFile({
        personId: ctx.actor.personId,
        kind: "year-report",
        fileName: `年度报告-${report.org.name}-${year}.xlsx`,
        bytes: await workbookBytes(wb),
        at: now,
        expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
      });
      await ctx.audit({ action: "year.report", subjectType: "Organization", subjectId: orgId, orgId, changes: { year, branches: report.parts.length, file: file.id } });
      ctx.reply({ card: yearReportCard(report) });
      ctx.reply({ file: { exportFileId: file.id } });
    }
  },
};
