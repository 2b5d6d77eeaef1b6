// The 组织结对 cards as drawn from the store in the handler's transaction: the list as one
// organisation sees it, a pairing's summary, the pairings an activity can be recorded for.
import { orgPairingListCard, type ActivityChoice, type PairingLine, type PairingSummary } from "../../../cards/org-pairing.ts";
import type { Text } from "../../../cards/kit.ts";
import { quarterName, quarterOf } from "../../domain/quarter.ts";
import { hasRole } from "../../domain/roles.ts";
import type { OrgPairingRow } from "../../store/org-pairings.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { actingOrgs } from "./access.ts";

/** Live pairings on the list: each is about 1 KB of card, so the card stays under Lark's 30 KB. */
const LIST_LIVE = 15;
const LIST_CLOSED = 5;

/** This quarter as a period: the list counts its activities. */
export function thisQuarter(ctx: BaseContext) {
  const q = quarterOf(todayOf(ctx));
  return { q, period: { from: q.start, to: q.end } };
}

/** The pairing from one side: the other side's name, our contacts and theirs. */
export function lineFor(ctx: BaseContext, p: OrgPairingRow, orgId: number): PairingLine {
  const weSetUp = p.orgId === orgId;
  const ours = p.contacts.filter((c) => c.side === (weSetUp ? "OWN" : "PARTNER"));
  const theirs = p.contacts.filter((c) => c.side === (weSetUp ? "PARTNER" : "OWN"));
  return {
    id: p.id,
    partner: weSetUp ? p.partnerName : p.orgName,
    outside: weSetUp && p.outside,
    kind: p.kind,
    status: p.status,
    startOn: p.startOn,
    endOn: p.endOn,
    purpose: p.purpose,
    ours,
    theirs,
    lastActivity: p.lastActivity,
    activitiesThisQuarter: p.activitiesInPeriod,
    canAnswer: p.status === "PROPOSED" && p.partnerOrgId === orgId && hasRole(ctx.actor, ["SECRETARY"], orgId),
  };
}

export const summaryOf = (p: OrgPairingRow): PairingSummary => ({
  id: p.id,
  orgName: p.orgName,
  partner: p.partnerName,
  outside: p.outside,
  kind: p.kind,
  status: p.status,
  startOn: p.startOn,
  purpose: p.purpose,
});

export async function pairingListView(ctx: BaseContext, orgId: number, done?: Text) {
  const { q, period } = thisQuarter(ctx);
  const orgName = (await ctx.store.orgs.orgName(orgId)) ?? "";
  const all = await ctx.store.orgPairings.pairingsOf([orgId], period, { live: false, limit: LIST_LIVE + LIST_CLOSED });
  const live = all.filter((p) => p.status === "PROPOSED" || p.status === "ACTIVE");
  const closed = all.filter((p) => p.status === "ENDED" || p.status === "DECLINED").slice(0, LIST_CLOSED);
  return orgPairingListCard({
    orgId,
    orgName,
    today: todayOf(ctx),
    quarter: { zh: `本季度：${quarterName(q).zh}`, en: `this quarter: ${quarterName(q).en}` },
    pairings: live.slice(0, LIST_LIVE).map((p) => lineFor(ctx, p, orgId)),
    closed: closed.map((p) => lineFor(ctx, p, orgId)),
    ...(done ? { done } : {}),
  });
}

/** The active pairings the actor can record an activity for, labelled from their side. */
export async function activityChoices(ctx: BaseContext): Promise<ActivityChoice[]> {
  const orgIds = await actingOrgs(ctx);
  const { period } = thisQuarter(ctx);
  const rows = await ctx.store.orgPairings.pairingsOf(orgIds, period, { live: true, limit: 50 });
  return rows
    .filter((p) => p.status === "ACTIVE")
    .map((p) => {
      const ours = orgIds.includes(p.orgId) ? p.orgName : p.partnerName;
      const theirs = orgIds.includes(p.orgId) ? p.partnerName : p.orgName;
      return { id: p.id, label: `${ours} ⇄ ${theirs}` };
    });
}
