// What every aid handler needs around one request: load it with everything the approval card
// shows, check who may decide, send the card to the deciders, and tell the member. Copies of the
// card are found by their outbox keys: `aid-approval-<requestId>-…`.
import type { Card } from "../../../cards/kit.ts";
import { mayDecide } from "../../domain/aid-rules.ts";
import type { Actor } from "../../domain/roles.ts";
import { localYear, yearBounds } from "../../domain/zoned-time.ts";
import type { Decider } from "../../store/aid-people.ts";
import type { AidRequestRow, Decided } from "../../store/aid-requests.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { approvalCardOf, type RequestContext } from "./approval-view.ts";
import { ownRequest, unknownRequest } from "./errors.ts";

export const approvalKeyPrefix = (requestId: number) => `aid-approval-${requestId}-`;

export async function requireRequest(ctx: BaseContext, id: number): Promise<AidRequestRow> {
  const r = await ctx.store.aidRequests.findRequest(id);
  if (!r) throw unknownRequest();
  return r;
}

/** Only a decider of the request's own branch, and not about their own request. */
export function requireDecider(actor: Actor, req: { orgId: number; personId: number }): void {
  if (mayDecide(actor, req)) return;
  if (actor.personId === req.personId && actor.grants.some((g) => g.orgId === req.orgId && (g.role === "SECRETARY" || g.role === "AID_DELEGATE"))) throw ownRequest();
  throw notAllowed();
}

/** The year a handler's card speaks of, and its bounds (what the member received "this year"). */
export function thisYear(ctx: Pick<BaseContext, "clock" | "config">): { year: number; yearStart: Date; yearEnd: Date } {
  const year = localYear(ctx.clock.now(), ctx.config.timezone);
  const { start, end } = yearBounds(year, ctx.config.timezone);
  return { year, yearStart: start, yearEnd: end };
}

/** The request with everything its approval card shows, in one query; unknown ids are the user's to fix. */
export async function loadRequest(ctx: BaseContext, id: number): Promise<RequestContext> {
  const { year, yearStart, yearEnd } = thisYear(ctx);
  const snap = await ctx.store.aidRequests.requestSnapshot(id, { yearStart, yearEnd, copyPrefix: approvalKeyPrefix(id) });
  if (!snap) throw unknownRequest();
  return { ...snap, year };
}

/**
 * The card's data after an approval: the request row (amount, source, decider), the event and the
 * decider's name that the decision statement returned, on the snapshot read before it (one read
 * and one write on the click path). The balance is the one figure not yet written when the card
 * is drawn: the withdrawal is the transaction's last statement (ctx.last), so it is shown as read
 * less this payment; what the member received this year likewise counts the payment just booked.
 */
export function withApproval(rc: RequestContext, done: Decided & { deciderName: string }): RequestContext {
  const { req, event, deciderName } = done;
  const fen = req.approvedFen ?? 0;
  return {
    ...rc,
    req,
    events: [...rc.events, event],
    names: req.decidedById === null ? rc.names : new Map(rc.names).set(req.decidedById, deciderName),
    received: { totalFen: rc.received.totalFen + fen, count: rc.received.count + 1 },
    balances: req.fundSource ? { ...rc.balances, [req.fundSource]: rc.balances[req.fundSource] - fen } : rc.balances,
  };
}

/** Sends a fresh approval card to every decider of the branch except the member; returns how many. */
export async function sendApprovalCards(ctx: KeyedContext, rc: RequestContext, round: string, known?: Decider[], opts: { audit: boolean } = { audit: true }): Promise<number> {
  const to = (known ?? (await ctx.store.aidPeople.deciders(rc.req.orgId))).filter((d) => d.id !== rc.req.personId);
  const card = approvalCardOf(rc, ctx);
  for (const d of to) ctx.send({ openId: d.openId }, { card }, `${approvalKeyPrefix(rc.req.id)}${round}-${d.id}`);
  if (to.length > 0 && opts.audit) {
    await ctx.audit({ action: "aid.request.notify", subjectType: "AidRequest", subjectId: rc.req.id, orgId: rc.req.orgId, subjectPersonId: rc.req.personId, changes: { to: to.map((d) => d.id), round } });
  }
  return to.length;
}

/**
 * Tells the member, and whoever filed for them, about their request. A member without Lark is
 * reached through the leader who filed for them.
 */
export function tellMember(ctx: KeyedContext, rc: RequestContext, build: (forName: string | undefined) => Card, key: string): void {
  if (rc.member.openId) ctx.send({ openId: rc.member.openId }, { card: build(undefined) }, `${key}-${rc.member.id}`);
  if (rc.filer?.openId && rc.filer.id !== rc.member.id) ctx.send({ openId: rc.filer.openId }, { card: build(rc.member.name) }, `${key}-${rc.filer.id}`);
}
