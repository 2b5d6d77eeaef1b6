// The fund card for one branch, and the yearly 收支公开 posted to its group chat.
import { disclosureCard, fundCard } from "../../../cards/aid-fund.ts";
import type { Card } from "../../../cards/kit.ts";
import { yearSummary } from "../../domain/aid-rules.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import { balances, ledgerSums, recentEntries } from "../../store/aid-fund.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";
import type { AidCtx } from "./approval.ts";

async function orgName(ctx: BaseContext, orgId: number): Promise<{ name: string; groupChatId: string | null }> {
  const org = await ctx.tx.organization.findUnique({ where: { id: orgId }, select: { name: true, groupChatId: true } });
  return { name: org?.name ?? "?", groupChatId: org?.groupChatId ?? null };
}

export async function fundCardFor(ctx: BaseContext, orgId: number): Promise<Card> {
  const tz = ctx.config.timezone;
  const [org, bal, recent] = [await orgName(ctx, orgId), await balances(ctx.tx, orgId), await recentEntries(ctx.tx, orgId)];
  return fundCard({
    orgId,
    orgName: org.name,
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
export async function postDisclosure(ctx: AidCtx, orgId: number, year: number): Promise<{ orgName: string }> {
  const tz = ctx.config.timezone;
  const org = await orgName(ctx, orgId);
  if (!org.groupChatId) {
    throw new UserError("no_group_chat", { zh: `「${org.name}」还没有登记支部群，无法发布收支公开。请联系管理员设置支部群。`, en: `${org.name} has no group chat on record; ask the administrator to set it.` });
  }
  const { start, end } = yearBounds(year, tz);
  const sums = await ledgerSums(ctx.tx, orgId, start, end);
  const summary = yearSummary(sums.before, sums.during);
  const now = ctx.clock.now();
  const asOf = end.getTime() <= now.getTime() ? `${year}-12-31` : localDateTime(now, tz);
  ctx.send({ chatId: org.groupChatId }, { card: disclosureCard({ orgName: org.name, year, rows: summary.rows, total: summary.total, asOf }) }, `fund-disclosure-${orgId}-${year}-${ctx.inbound.key}`);
  await ctx.audit({ action: "fund.disclose", subjectType: "Fund", subjectId: orgId, orgId, changes: { year, chatId: org.groupChatId, total: summary.total } });
  return { orgName: org.name };
}
