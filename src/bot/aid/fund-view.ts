// The fund card for one branch, and the yearly 收支公开 posted to its group chat.
import { disclosureCard, fundCard } from "../../../cards/aid-fund.ts";
import type { Card } from "../../../cards/kit.ts";
import { FUND_SOURCES, yearSummary, type FundSource } from "../../domain/aid-rules.ts";
import { CORRECTION_ROLES } from "../../domain/fund-correction.ts";
import { hasRole } from "../../domain/roles.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";

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

/** Posts the year's totals (no names) to the branch group; refuses when the branch has no group. */
export async function postDisclosure(ctx: KeyedContext, orgId: number, year: number): Promise<{ orgName: string }> {
  const tz = ctx.config.timezone;
  const org = await ctx.store.orgs.orgChat(orgId);
  const name = org?.name ?? "?";
  if (!org?.groupChatId) {
    throw new UserError("no_group_chat", { zh: `「${name}」还没有登记支部群，无法发布收支公开。请联系管理员设置支部群。`, en: `${name} has no group chat on record; ask the administrator to set it.` });
  }
  const { start, end } = yearBounds(year, tz);
  const sums = await ctx.store.aidFund.ledgerSums(orgId, start, end);
  const summary = yearSummary(sums.before, sums.during);
  const now = ctx.clock.now();
  const asOf = end.getTime() <= now.getTime() ? `${year}-12-31` : localDateTime(now, tz);
  ctx.send({ chatId: org.groupChatId }, { card: disclosureCard({ orgName: name, year, rows: summary.rows, total: summary.total, asOf }) }, `fund-disclosure-${orgId}-${year}-${ctx.inbound.key}`);
  await ctx.audit({ action: "fund.disclose", subjectType: "Fund", subjectId: orgId, orgId, changes: { year, chatId: org.groupChatId, total: summary.total } });
  return { orgName: name };
}
