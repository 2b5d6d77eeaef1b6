// The member's receipt, drawn from a request's snapshot and redrawn in place at every step. The
// receipt is the form card the request was filed from (AidRequest.formMessageId): submitting
// turned it into the receipt, and every later move patches that same message, so what the
// member (or the leader who filed for them) reads there is always the request's state.
import { aidReceiptCard, type ReceiptView } from "../../../cards/aid-receipt.ts";
import type { Card } from "../../../cards/kit.ts";
import { nextUrgeDay } from "../../domain/aid-reminders.ts";
import { dayIn, localDateTime } from "../../domain/zoned-time.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { BaseContext } from "../context.ts";
import { todayOf } from "../context.ts";
import { loadRequest } from "./approval.ts";
import { decisionView, timelineView, withdrawnView, type RequestContext } from "./approval-view.ts";

export function receiptView(rc: RequestContext, ctx: Pick<BaseContext, "clock" | "config">, deciders?: ReceiptView["deciders"]): ReceiptView {
  const tz = ctx.config.timezone;
  const { req } = rc;
  return {
    requestId: req.id,
    number: req.number,
    category: req.category,
    urgency: req.urgency,
    description: req.description,
    requestedFen: req.requestedFen,
    status: req.status,
    filedAt: localDateTime(req.createdAt, tz),
    ...(req.onBehalf && req.filedById !== req.personId ? { forName: rc.member.name } : {}),
    deciders: deciders ?? (rc.copies.length > 0 ? "sent" : "none"),
    timeline: timelineView(rc.events, rc.names, tz),
    decision: decisionView(req, rc.names, tz, rc.events),
    withdrawn: withdrawnView(req, rc.events, rc.names, tz),
    nextUrgeDay: req.status === "PENDING" ? nextUrgeDay(req.urgedAt ? dayIn(req.urgedAt, tz) : null, todayOf(ctx)) : null,
  };
}

export const receiptCardOf = (rc: RequestContext, ctx: Pick<BaseContext, "clock" | "config">, deciders?: ReceiptView["deciders"]): Card => aidReceiptCard(receiptView(rc, ctx, deciders));

/**
 * Redraws the receipt where the member reads it, unless that message is the one clicked (the
 * action's answer replaces it). The key names the event, so a retried event patches once.
 */
export function refreshReceipt(ctx: KeyedContext & { inbound: { messageId?: string | undefined } }, rc: RequestContext): void {
  const at = rc.req.formMessageId;
  if (!at || at === ctx.inbound.messageId) return;
  ctx.patch(at, receiptCardOf(rc, ctx), `aid-receipt-${rc.req.id}-${ctx.inbound.key}`);
}

/**
 * Redraws the receipts of requests another flow closed or reopened: a membership change closes a
 * leaving member's pending requests (已关闭) and its undo reopens them, and the member still reads
 * the receipt in their chat.
 */
export async function redrawReceipts(ctx: KeyedContext, requestIds: readonly number[]): Promise<void> {
  for (const id of requestIds) {
    const rc = await loadRequest(ctx, id);
    if (rc.req.formMessageId) ctx.patch(rc.req.formMessageId, receiptCardOf(rc, ctx), `aid-receipt-${id}-${ctx.inbound.key}`);
  }
}
