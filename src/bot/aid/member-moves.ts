// What the member (or the leader who filed for them) may do to a request not yet decided, from
// the receipt's buttons or by command: 撤回 (withdraw) and 催办 (urge the deciders, once a day).
// Both are guarded UPDATEs (aid-request-decisions.ts), so a withdrawal racing a decision, or two
// 催办 racing each other, come out as exactly one; the loser is told what happened instead.
import { aidUrgeCard } from "../../../cards/aid-reminder.ts";
import type { Card } from "../../../cards/kit.ts";
import { isOpen, parseRequestNumber, STATUS_LABEL } from "../../domain/aid-rules.ts";
import { nextUrgeDay } from "../../domain/aid-reminders.ts";
import type { Text } from "../../domain/text.ts";
import { dayIn, localDateTime, startOfDayIn } from "../../domain/zoned-time.ts";
import { urgeKey } from "../../store/aid-request-reminders.ts";
import type { AidRequestRow } from "../../store/aid-requests.ts";
import { refreshCopies } from "../card-copies.ts";
import { todayOf, type BaseContext, type Toast } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";
import type { ClickContext } from "../work/copies.ts";
import { loadRequest } from "./approval.ts";
import { approvalCardOf, withdrawnView, type RequestContext } from "./approval-view.ts";
import { unknownRequest } from "./errors.ts";
import { receiptCardOf, refreshReceipt } from "./receipt.ts";

/** The member, or the leader who filed for a member without Lark. */
export const mayAct = (actorId: number, req: Pick<AidRequestRow, "personId" | "onBehalf" | "filedById">): boolean => actorId === req.personId || (req.onBehalf && actorId === req.filedById);

export function requireOwner(ctx: BaseContext, req: AidRequestRow): void {
  if (!mayAct(ctx.actor.personId, req)) throw notAllowed();
}

/**
 * The request a command speaks of: the number given, or the one request still waiting when
 * there is only one. Someone else's number reads as unknown (their requests are theirs).
 */
export async function ownOpenRequest(ctx: BaseContext, args: string, verb: string): Promise<AidRequestRow> {
  if (args.trim()) {
    const number = parseRequestNumber(args);
    if (!number) throw new UserError("bad_number", { zh: `「${args.slice(0, 20)}」不是申请编号，编号形如 2026-0001。`, en: `"${args.slice(0, 20)}" is not a request number (like 2026-0001).` });
    const req = await ctx.store.aidRequests.findRequestByNumber(number);
    if (!req || !mayAct(ctx.actor.personId, req)) throw unknownRequest(number);
    return req;
  }
  const open = await ctx.store.aidRequests.openRequestsFiledBy(ctx.actor.personId);
  if (open.length === 1) return open[0]!;
  if (open.length === 0) throw new UserError("nothing_open", { zh: `您没有尚未审批的帮扶申请，无需${verb}。发送「我的」可查看全部申请。`, en: `You have no request waiting for a decision. Send "我的" to see yours.` });
  const numbers = open.map((r) => r.number).join("、");
  throw new UserError("which_request", { zh: `您有 ${open.length} 件尚未审批的申请（${numbers}），请发送「${verb} 编号」，例如「${verb} ${open[0]!.number}」。`, en: `You have ${open.length} requests waiting (${numbers}); send "${verb} <number>".` });
}

export interface MoveAnswer {
  toast: Toast;
  rc: RequestContext;
  /** The receipt, redrawn: the answer when the receipt itself was clicked. */
  receipt: Card;
}

const closedText = (req: AidRequestRow, what: string): Text => ({
  zh: `申请 ${req.number} 当前状态为「${STATUS_LABEL[req.status].zh}」，无法${what}。`,
  en: `${req.number} is now ${STATUS_LABEL[req.status].en}; it cannot be ${what === "撤回" ? "withdrawn" : "urged"}.`,
});

/** Why a withdrawal came too late: who decided and when, or that it was withdrawn already. */
function tooLateText(rc: RequestContext, tz: string): Text {
  const { req } = rc;
  const by = req.decidedById !== null ? rc.names.get(req.decidedById) : undefined;
  if (by && req.decidedAt) {
    const at = localDateTime(req.decidedAt, tz);
    return { zh: `无法撤回：${by} 已于 ${at} 作出决定（${STATUS_LABEL[req.status].zh}），卡片已更新。`, en: `Too late to withdraw: ${by} decided at ${at} (${STATUS_LABEL[req.status].en}).` };
  }
  const w = withdrawnView(req, rc.events, rc.names, tz);
  if (w) return { zh: `申请 ${req.number} 已于 ${w.at} 撤回，无需再次撤回。`, en: `${req.number} was withdrawn at ${w.at} already.` };
  return closedText(req, "撤回");
}

/** 撤回: the request is closed (CANCELLED, WITHDRAWN in its timeline); the deciders' cards lose their buttons. */
export async function withdrawRequest(ctx: ClickContext, req: AidRequestRow): Promise<MoveAnswer> {
  requireOwner(ctx, req);
  const done = isOpen(req.status) ? await ctx.store.aidRequests.withdraw(req.id, { byId: ctx.actor.personId, at: ctx.clock.now() }) : null;
  const rc = await loadRequest(ctx, req.id);
  if (!done) {
    // Decided first (or by a second click): nothing changes; the receipt shows what did.
    return { toast: { type: "info", text: tooLateText(rc, ctx.config.timezone) }, rc, receipt: receiptCardOf(rc, ctx) };
  }
  await ctx.audit({ action: "aid.request.withdraw", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { status: [req.status, "CANCELLED"] } });
  // Every decider's copy becomes "已撤回" without buttons, including ones not yet sent.
  await refreshCopies(ctx, rc.copies, approvalCardOf(rc, ctx), undefined);
  refreshReceipt(ctx, rc);
  return {
    toast: { type: "success", text: { zh: `已撤回申请 ${req.number}，审批人不会再处理。如仍需帮助，可重新发送「求助」。`, en: `Withdrew ${req.number}; the deciders will not handle it. Send 求助 again if you still need help.` } },
    rc,
    receipt: receiptCardOf(rc, ctx),
  };
}

/** 催办: the deciders get a message, once a calendar day. */
export async function urgeRequest(ctx: ClickContext, req: AidRequestRow): Promise<MoveAnswer> {
  requireOwner(ctx, req);
  const tz = ctx.config.timezone;
  const today = todayOf(ctx);
  if (req.status === "NEEDS_INFO") {
    throw new UserError("answer_first", { zh: `审批人在等您补充说明，请先在「请补充说明」卡片中回复（${req.number}）。`, en: `The deciders are waiting for your answer to their question on ${req.number}; answer it first.` });
  }
  if (req.status !== "PENDING") throw new UserError("not_pending", closedText(req, "催办"));
  const again = nextUrgeDay(req.urgedAt ? dayIn(req.urgedAt, tz) : null, today);
  if (again) throw alreadyUrged(again);
  const deciders = (await ctx.store.aidPeople.deciders(req.orgId)).filter((d) => d.id !== req.personId);
  if (deciders.length === 0) {
    throw new UserError("no_decider", { zh: "本支部暂无可在线审批的书记或受托人，请直接联系支部书记。", en: "Nobody in the branch can decide in Lark; please contact the secretary directly." });
  }
  const now = ctx.clock.now();
  const done = await ctx.store.aidRequests.urge(req.id, { byId: ctx.actor.personId, at: now, since: startOfDayIn(today, tz) });
  if (!done) {
    // Another 催办, or a decision, got there first: say which.
    const fresh = await ctx.store.aidRequests.findRequest(req.id);
    if (fresh?.status === "PENDING") throw alreadyUrged(nextUrgeDay(today, today)!);
    throw new UserError("not_pending", closedText(fresh ?? req, "催办"));
  }
  const rc = await loadRequest(ctx, req.id);
  const card = aidUrgeCard({
    requestId: req.id,
    number: req.number,
    category: req.category,
    urgency: req.urgency,
    filedAt: localDateTime(req.createdAt, tz),
    memberName: rc.member.name,
    urgedAt: localDateTime(now, tz),
  });
  for (const d of deciders) ctx.send({ openId: d.openId }, { card }, urgeKey(req.id, today, d.id));
  await ctx.audit({ action: "aid.request.urge", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { to: deciders.map((d) => d.id) } });
  refreshReceipt(ctx, rc);
  return {
    toast: { type: "success", text: { zh: `已提醒审批人（${deciders.map((d) => d.name).join("、")}）尽快处理 ${req.number}。`, en: `Reminded ${deciders.map((d) => d.name).join(", ")} about ${req.number}.` } },
    rc,
    receipt: receiptCardOf(rc, ctx),
  };
}

const alreadyUrged = (day: string) =>
  new UserError("urged_today", { zh: `今天已经催办过了，审批人已收到提醒。${day} 起可再次催办。`, en: `You already reminded the deciders today; you can again from ${day}.` });
