// 分析 [2027Q1]: the branch analysis for a quarter (this quarter so far by default).
import { talkAnalysisCard } from "../../../../cards/talk-analysis.ts";
import { t } from "../../../../cards/kit.ts";
import { parseQuarter, quarterOf } from "../../../domain/quarter.ts";
import { aboveBranches, orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { committeesOf, overviewCard } from "../../committee/views.ts";

export const branchAnalysis: Command = {
  name: "分析",
  aliases: ["analysis", "定期分析"],
  summary: { zh: "支部谈心谈话、困难帮扶情况的季度分析（支部书记；党委、党总支看各支部总览）", en: "the branch's quarterly analysis (secretary; a committee sees its branches' overview)" },
  // A 党委's or 党总支's affairs worker too: for them 分析 is the committee overview.
  roles: ["SECRETARY", "AFFAIRS_WORKER"],
  // A branch's affairs worker keeps its records; its analysis is the secretary's (a committee's
  // affairs worker reads the overview of the branches below).
  grants: (g) => g.role === "SECRETARY" || aboveBranches(g),
  instead: { commands: ["谈心", "我的谈心", "走访"] },
  privateOnly: true,
  async run(ctx) {
    const today = todayOf(ctx);
    const period = ctx.args.trim() ? parseQuarter(ctx.args) : quarterOf(today);
    if (!period) throw new UserError("bad_quarter", t("季度格式如 2027Q1（2027年第一季度）。", "Quarters are written like 2027Q1."));
    if (period.start > today) throw new UserError("future_quarter", t("这个季度还没有开始。", "That quarter has not started yet."));
    const rules = await ctx.store.branchRules.loadBranchRules({ orgIds: orgsWhere(ctx.actor, ["SECRETARY"]) });
    const orgs = await ctx.store.orgs.branchesAmong([...rules.keys()]);
    // Above branches (党委, 党总支): the overview of every branch below, with a drill-down per branch.
    const tree = await ctx.store.committeeFigures.orgTree();
    const committees = await committeesOf(ctx, tree);
    for (const c of committees) ctx.reply({ card: await overviewCard(ctx, c, period, tree) });
    if (orgs.length === 0 && committees.length === 0) {
      if (rules.size === 0) throw notAllowed();
      throw new UserError("no_branch", t("您不是党支部书记，暂无可分析的支部。", "You are not a branch secretary."));
    }
    for (const org of orgs) {
      const a = await ctx.store.branchAnalysis.analyseBranch({ org, rules: rules.get(org.id)!, period, today, timeZone: ctx.config.timezone });
      ctx.reply({ card: talkAnalysisCard(a, { orgCode: org.code }) });
    }
  },
};
