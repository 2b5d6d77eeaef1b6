// 收支公开 in two steps: the secretary first sees, privately, exactly the card the branch group
// will see; only 确认公开 posts it. What the card may show is decided by
// src/domain/fund-disclosure.ts (totals per source, finer groups only of 3+ payments).
import { createHash } from "node:crypto";
import type { DisclosureData } from "../../../cards/aid-fund.ts";
import { yearSummary } from "../../domain/aid-rules.ts";
import { publicBreakdown } from "../../domain/fund-disclosure.ts";
import { localDateTime, yearBounds } from "../../domain/zoned-time.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";

export interface Disclosure {
  chatId: string;
  data: DisclosureData;
  /**
   * A digest of the figures (not of the time stamp): 确认公开 carries the preview's, and posts only
   * when the books still give the same, so the group gets exactly what the secretary checked.
   */
  check: string;
}

/**
 * The year's public card for a branch, as of `asOf` (the preview's time, when confirming) or now.
 * Refuses when the branch has no group chat: there would be nowhere to post it.
 */
export async function loadDisclosure(ctx: BaseContext, orgId: number, year: number, asOf?: string): Promise<Disclosure> {
  const tz = ctx.config.timezone;
  const org = await ctx.store.orgs.orgChat(orgId);
  const orgName = org?.name ?? "?";
  if (!org?.groupChatId) {
    throw new UserError("no_group_chat", { zh: `「${orgName}」还没有登记支部群，无法发布收支公开。请联系管理员设置支部群。`, en: `${orgName} has no group chat on record; ask the administrator to set it.` });
  }
  const { start, end } = yearBounds(year, tz);
  const sums = await ctx.store.aidFund.ledgerSums(orgId, start, end);
  const { rows, total } = yearSummary(sums.before, sums.during);
  const breakdown = publicBreakdown(await ctx.store.aidFund.paymentCells(orgId, start, end, tz));
  const now = ctx.clock.now();
  const stamp = asOf ?? (end.getTime() <= now.getTime() ? `${year}-12-31` : localDateTime(now, tz));
  const check = createHash("sha256").update(JSON.stringify({ orgName, year, rows, total, breakdown })).digest("hex").slice(0, 16);
  return { chatId: org.groupChatId, data: { orgName, year, rows, total, breakdown, asOf: stamp }, check };
}

/**
 * The outbox keys a preview's buttons stage, by the preview's message: the post to the group, and
 * the redraw that records a cancellation. Their presence is the preview's state (a double click
 * finds the first click's post), so the keys must never change shape.
 */
export function disclosureKeys(orgId: number, year: number, previewMessageId: string): { posted: string; cancelled: string } {
  return { posted: `fund-disclosure-${orgId}-${year}-${previewMessageId}`, cancelled: `fund-disclosure-cancel-${orgId}-${year}-${previewMessageId}` };
}

/** "已公开 于 …": when the post was staged, in the configured zone. */
export const postedAt = (ctx: BaseContext, at: Date): string => localDateTime(at, ctx.config.timezone);
