// 党委总览 [2027Q1 | 2026]: a 党委's or 党总支's secretary or affairs worker sees every branch below
// it in one card, figures only, with a button per branch to drill down.
import { aboveBranches } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { notAllowed } from "../../errors.ts";
import { committeesOf, COMMITTEE_ROLES, overviewCard, periodOf } from "../views.ts";

export const committeeOverview: Command = {
  name: "党委总览",
  aliases: ["committee overview", "总览"],
  summary: { zh: "党委、党总支查看下辖各支部的工作数字（可加季度或年份，如「党委总览 2027Q1」）", en: "a committee's figures for every branch below it (e.g. “党委总览 2027Q1”)" },
  roles: COMMITTEE_ROLES,
  grants: aboveBranches,
  instead: { commands: ["分析", "走访统计"] },
  privateOnly: true,
  async run(ctx) {
    const tree = await ctx.store.committeeFigures.orgTree();
    const committees = await committeesOf(ctx, tree);
    // A branch's secretary or affairs worker has no committee to view: pointed to their branch's views.
    if (committees.length === 0) throw notAllowed();
    const period = periodOf(ctx.args, todayOf(ctx));
    for (const c of committees) ctx.reply({ card: await overviewCard(ctx, c, period, tree) });
  },
};
