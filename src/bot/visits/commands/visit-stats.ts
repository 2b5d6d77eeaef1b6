import { visitCoverageCard } from "../../../../cards/visit-coverage.ts";
import { SOURCE_LABEL, FUND_SOURCES } from "../../../domain/aid-rules.ts";
import { BUILTIN_FESTIVALS } from "../../../domain/festivals.ts";
import { yuanText } from "../../../domain/money.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { taskWhat } from "../../../domain/visit-labels.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { committeeCoverage, committeesOf } from "../../committee/views.ts";
import { settingsCache } from "../settings.ts";

const STATS_ROLES = ["SECRETARY", "AFFAIRS_WORKER"] as const;

/** Festival words people type -> codes. */
const WORDS: Record<string, string> = {
  ...Object.fromEntries(Object.values(BUILTIN_FESTIVALS).map((f) => [f.name.zh, f.code])),
  春节走访: "SPRING_FESTIVAL",
  建党节: "JULY_FIRST",
  中秋节: "MID_AUTUMN",
  重阳节: "DOUBLE_NINTH",
  建军节: "ARMY_DAY",
  六必访: "EVENT",
  事件: "EVENT",
};

/** 走访统计 [节日] [年份]: coverage per branch and festival, money by source. */
export const visitStats: Command = {
  name: "走访统计",
  aliases: ["visit stats"],
  summary: { zh: "查看走访覆盖情况：计划、完成、逾期、慰问金（可加节日和年份，如「走访统计 中秋 2027」）", en: "visit coverage: planned, done, overdue, money (e.g. “visit stats 中秋 2027”)" },
  roles: STATS_ROLES,
  instead: { commands: ["走访", "我的谈心"] },
  async run(ctx) {
    const day = todayOf(ctx);
    let festival: string | undefined;
    let year: number | undefined;
    for (const word of ctx.args.split(/\s+/).filter(Boolean)) {
      if (/^\d{4}$/.test(word)) year = Number(word);
      else if (WORDS[word]) festival = WORDS[word];
      else if (/^[A-Z_]{3,32}$/.test(word)) festival = word;
      else {
        throw new UserError("visit_stats_usage", {
          zh: `看不懂「${word}」。请这样查询：走访统计 [春节|七一|中秋|重阳|八一|六必访] [年份]，例如「走访统计 中秋 2027」。`,
          en: `“${word}” is not understood. Usage: visit stats [festival] [year], e.g. “visit stats 中秋 2027”.`,
        });
      }
    }
    year ??= Number(day.slice(0, 4));
    const orgIds = orgsWhere(ctx.actor, [...STATS_ROLES]);
    const rows = await ctx.store.visitCoverage.coverage({ orgIds, festival, year, today: day });
    // A 党委's or 党总支's secretary or affairs worker: every branch below it, summed per festival.
    const tree = await ctx.store.committeeFigures.orgTree();
    rows.push(...(await committeeCoverage(ctx, await committeesOf(ctx, tree), tree, { festival, year, today: day })));
    const sOf = settingsCache(ctx);
    const cardRows = [];
    for (const r of rows) {
      const what = r.festival === "EVENT" ? { zh: `六必访（${r.year}）`, en: `event visits (${r.year})` } : taskWhat({ festival: r.festival, year: r.year, eventKind: null, reason: null }, await sOf(r.orgId));
      cardRows.push({
        orgName: r.orgName,
        what,
        planned: r.planned,
        done: r.done,
        open: r.open,
        overdue: r.overdue,
        escalated: r.escalated,
        goods: r.goods,
        money: FUND_SOURCES.filter((s) => (r.moneyFen[s] ?? 0) > 0).map((s) => ({ source: SOURCE_LABEL[s], amount: yuanText(r.moneyFen[s] ?? 0) })),
      });
    }
    for (const orgId of orgIds) await ctx.audit({ action: "visit.coverage.view", subjectType: "VisitCoverage", subjectId: `${festival ?? "ALL"}-${year}`, orgId });
    ctx.reply({ card: visitCoverageCard({ title: { zh: `走访统计 · ${year} 年`, en: `Visit coverage · ${year}` }, rows: cardRows, today: day }) });
  },
};
