// The fund card for one branch (收支公开, its yearly summary for the group, is fund-disclosure.ts).
import { fundCard } from "../../../cards/aid-fund.ts";
import type { Card } from "../../../cards/kit.ts";
import { FUND_SOURCES, type FundSource } from "../../domain/aid-rules.ts";
import { CORRECTION_ROLES } from "../../domain/fund-correction.ts";
import { hasRole } from "../../domain/roles.ts";
import { localDateTime, localYear } from "../../domain/zoned-time.ts";
import type { BaseContext } from "../context.ts";

/**
 * The fund card for one branch. `pending` is money a handler has booked but whose balance moves
 * in the transaction's last step (ctx.last): the card shows the balance as it will be.
 */
export async function fundCardFor(ctx: BaseContext, orgId: number, pending: Partial<Record<FundSource, number>> = {}): Promise<Card> {
  const tz = ctx.config.timezone;
  const [orgName, bal, recent] = [await ctx.store.orgs.orgName(orgId), await ctx.store.aidFund.balances(orgId), await ctx.store.aidFund.recentEntries(orgId)];
  const balances = Object.fromEntries(FUND_SOURCES.map((s) => [s, bal[s] + (pending[s] ?? 0)])) as Record<FundSource, number>;
  return fundCard({
    orgId,
    orgName: orgName ?? "?",
    year: localYear(ctx.clock.now(), tz),
    balances,
    canCorrect: hasRole(ctx.actor, CORRECTION_ROLES, orgId),
    recent: recent.map((e) => ({
      id: e.id,
      at: localDateTime(e.at, tz),
      kind: e.kind,
      source: e.source,
      amountFen: e.amountFen,
      party: e.payer ?? e.payeeName,
      requestNumber: e.requestNumber,
      note: e.note,
      reason: e.reason,
      reverses: e.reverses,
      reversed: e.reversedById !== null,
    })),
  });
}
