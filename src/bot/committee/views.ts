// What the committee's commands and buttons share: which organisations above branches the person
// may view (secretary or affairs worker of a 党委 or 党总支), the period asked for, and the
// overview and branch figures loaded, drawn and audited. Figures only: the statements count, the
// cards draw no names (src/store/committee-figures.ts, cards/committee-overview.ts).
import { committeeBranchCard, committeeOverviewCard } from "../../../cards/committee-overview.ts";
import type { Card } from "../../../cards/kit.ts";
import { t } from "../../../cards/kit.ts";
import { branchesBelow, committeeOverview, isBelow, shapeFigures, type CommitteeOverview, type OrgNode } from "../../domain/committee-figures.ts";
import { parseQuarter, quarter, quarterOf, type Quarter } from "../../domain/quarter.ts";
import { hasRole, orgsWhere, type RoleName } from "../../domain/roles.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

export const COMMITTEE_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];
const ABOVE_BRANCHES: readonly OrgNode["kind"][] = ["COMMITTEE", "GENERAL_BRANCH"];

/** The 党委 and 党总支 where the person is secretary or affairs worker, in id order. */
export async function committeesOf(ctx: BaseContext, tree?: readonly OrgNode[]): Promise<OrgNode[]> {
  const mine = new Set(orgsWhere(ctx.actor, COMMITTEE_ROLES));
  if (mine.size === 0) return [];
  const orgs = tree ?? (await ctx.store.committeeFigures.orgTree());
  return orgs.filter((o) => mine.has(o.id) && ABOVE_BRANCHES.includes(o.kind));
}

/**
 * The period in the command's words: a quarter (2027Q1), or a year (2026: its visits, with the
 * talks of its last quarter begun), this quarter when empty.
 */
export function periodOf(args: string, today: string): Quarter {
  const s = args.trim();
  const now = quarterOf(today);
  let period: Quarter | null;
  if (s === "") period = now;
  else if (/^\d{4}$/.test(s) && Number(s) >= 2000 && Number(s) <= 2100) period = Number(s) === now.year ? now : quarter(Number(s), 4);
  else period = parseQuarter(s);
  if (!period) throw new UserError("bad_period", t("请写季度（如 2027Q1）或年份（如 2026）。", "Write a quarter (2027Q1) or a year (2026)."));
  if (period.start > today) throw new UserError("future_quarter", t("这个季度还没有开始。", "That quarter has not started yet."));
  return period;
}

const asOfIn = (period: Quarter, today: string) => (today < period.end ? today : period.end);

/** The overview of one committee for a period: every branch below it, counted together. */
export async function loadOverview(ctx: BaseContext, committee: OrgNode, period: Quarter, tree: readonly OrgNode[]): Promise<CommitteeOverview> {
  const asOf = asOfIn(period, todayOf(ctx));
  const branches = branchesBelow(tree, committee.id);
  const rules = await ctx.store.branchRules.loadBranchRules({ orgIds: branches.map((b) => b.id) });
  const rows = await ctx.store.committeeFigures.committeeFigureRows({
    branches: branches.map((b) => rules.get(b.id)!).filter(Boolean),
    committeeId: committee.id,
    period,
    asOf,
    timeZone: ctx.config.timezone,
  });
  const escalationsToCommittee = await ctx.store.committeeFigures.openEscalationsTo(committee.id);
  return committeeOverview({ committee, period, asOf, branches, rows, escalationsToCommittee });
}

/** The overview card of page `page`, audited as one view of the committee's figures. */
export async function overviewCard(ctx: BaseContext, committee: OrgNode, period: Quarter, tree: readonly OrgNode[], page = 1): Promise<Card> {
  const o = await loadOverview(ctx, committee, period, tree);
  await ctx.audit({ action: "committee.overview.view", subjectType: "Organization", subjectId: committee.id, orgId: committee.id, changes: { period: period.label, branches: o.branches.length, page } });
  return committeeOverviewCard(o, { page });
}

/** The committee named on a button, if the clicker may view it; a forged or stale one is refused. */
export async function committeeForClick(ctx: BaseContext, committeeId: number, tree: readonly OrgNode[]): Promise<OrgNode> {
  const committee = tree.find((o) => o.id === committeeId);
  if (!committee || !ABOVE_BRANCHES.includes(committee.kind) || !hasRole(ctx.actor, COMMITTEE_ROLES, committee.id)) throw notAllowed(["党委总览"]);
  return committee;
}

/** One branch's figures for the drill-down: the clicker must view the committee above it. */
export async function branchCard(ctx: BaseContext, committee: OrgNode, branchId: number, period: Quarter, tree: readonly OrgNode[]): Promise<Card> {
  const branch = tree.find((o) => o.id === branchId);
  if (!branch || branch.kind !== "BRANCH" || !isBelow(tree, branch.id, committee.id)) throw notAllowed(["党委总览"]);
  const asOf = asOfIn(period, todayOf(ctx));
  const rules = await ctx.store.branchRules.loadBranchRules({ orgIds: [branch.id] });
  const rows = await ctx.store.committeeFigures.committeeFigureRows({ branches: [...rules.values()], committeeId: committee.id, period, asOf, timeZone: ctx.config.timezone });
  const [figures] = shapeFigures([branch], rows);
  await ctx.audit({ action: "committee.branch.view", subjectType: "Organization", subjectId: branch.id, orgId: committee.id, changes: { period: period.label, branch: branch.id } });
  return committeeBranchCard({ committee, period, asOf, year: Number(asOf.slice(0, 4)), branch: figures! });
}

type CoverageRow = Awaited<ReturnType<BaseContext["store"]["visitCoverage"]["coverage"]>>[number];

/**
 * 走访统计 for a 党委 or 党总支: the visits of every branch below it, summed per festival and year
 * (one block per festival, not one per branch: a hundred branches would not fit a card).
 */
export async function committeeCoverage(ctx: BaseContext, committees: readonly OrgNode[], tree: readonly OrgNode[], f: { festival?: string | undefined; year?: number | undefined; today: string }): Promise<CoverageRow[]> {
  const out: CoverageRow[] = [];
  for (const c of committees) {
    const below = branchesBelow(tree, c.id);
    if (below.length === 0) continue;
    const sums = new Map<string, CoverageRow>();
    for (const r of await ctx.store.visitCoverage.coverage({ orgIds: below.map((b) => b.id), festival: f.festival, year: f.year, today: f.today })) {
      const key = `${r.festival}-${r.year}`;
      const s = sums.get(key) ?? { ...r, orgId: c.id, orgName: `${c.name}（${below.length} 个支部合计）`, planned: 0, done: 0, open: 0, overdue: 0, escalated: 0, goods: 0, moneyFen: {} };
      s.planned += r.planned;
      s.done += r.done;
      s.open += r.open;
      s.overdue += r.overdue;
      s.escalated += r.escalated;
      s.goods += r.goods;
      for (const [source, fen] of Object.entries(r.moneyFen) as [keyof CoverageRow["moneyFen"], number][]) s.moneyFen[source] = (s.moneyFen[source] ?? 0) + fen;
      sums.set(key, s);
    }
    out.push(...[...sums.values()].sort((a, b) => b.year - a.year || a.festival.localeCompare(b.festival)));
  }
  return out;
}
