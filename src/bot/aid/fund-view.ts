// The fund card for one branch, and the yearly 收支公开 posted to its group chat.
import { disclosureCard, fundCard } from "../../../cards/aid-fund.ts";
import type { Card } from "../../../cards/kit.ts";
import { yearSummary } from "../../domain/aid-rules.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";

export async function fundCardFor(ctx: BaseContext, orgId: number): Promise<Card> {
  const tz = ctx.config.timezone;
  const [orgName, bal, recent] = [await ctx.store.orgs.orgName(orgId), await ctx.store.aidFund.balances(orgId), await ctx.store.aidFund.recentEntries(orgId)];
  return fundCard({
    orgId,
    orgName: orgName ?? "?",
    year: localYear(ctx.clock.now(), tz),
    balances: bal,
    recent: recent.map((e) => ({
      at: localDateTime(e.at, tz),
      kind: e.kind,
      source: e.source,
      amountFen: e.amountFen,
      party: e.kind === "INCOME" ? e.payer : e.payeeName,
      requestNumber: e.requestNumber,
      note: e.note,
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
