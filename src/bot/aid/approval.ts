// What every aid handler needs around one request: load it with everything the approval card
// shows, draw the card, send it to the deciders, keep every copy of it current, and tell the
// member. Copies are found by their outbox keys: `aid-approval-<requestId>-…`.
import { approvalCard, type ApprovalView, type HardshipStatusView } from "../../../cards/aid-approval.ts";
import type { DecisionView, TimelineLine } from "../../../cards/aid-request.ts";
import type { Card } from "../../../cards/kit.ts";
import { mayDecide, type TimelineType } from "../../domain/aid-rules.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import type { Actor } from "../../domain/roles.ts";
import type { Balances } from "../../store/aid-fund.ts";
import { requestSnapshot, type Copy, type HardshipStatus } from "../../store/aid-approval.ts";
import { deciders, type AidPerson, type Branch, type Decider } from "../../store/aid-people.ts";
import { findRequest, type AidRequestRow, type TimelineEvent } from "../../store/aid-requests.ts";
import type { Tx } from "../../store/tx.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { ownRequest, unknownRequest } from "./errors.ts";

export type AidCtx = BaseContext & { inbound: { key: string } };

/** Everything about the member an approval card shows, before or without a request. */
export interface PersonContext {
  member: AidPerson;
  filer: AidPerson | null;
  branch: Branch;
  year: number;
  received: { totalFen: number; count: number };
  hardship: HardshipStatus | null;
  balances: Balances;
}

export interface RequestContext extends PersonContext {
  req: AidRequestRow;
  events: TimelineEvent[];
  names: Map<number, string>;
  /** The approval card's copies sent so far (outbox rows). */
  copies: Copy[];
}

export const approvalKeyPrefix = (requestId: number) => `aid-approval-${requestId}-`;

export async function requireRequest(tx: Tx, id: number): Promise<AidRequestRow> {
  const r = await findRequest(tx, id);
  if (!r) throw unknownRequest();
  return r;
}

/** Only a decider of the request's own branch, and not about their own request. */
export function requireDecider(actor: Actor, req: { orgId: number; personId: number }): void {
  if (mayDecide(actor, req)) return;
  if (actor.personId === req.personId && actor.grants.some((g) => g.orgId === req.orgId && (g.role === "SECRETARY" || g.role === "AID_DELEGATE"))) throw ownRequest();
  throw notAllowed();
}

/** The request with everything its approval card shows, in one query; unknown ids are the user's to fix. */
export async function loadRequest(ctx: BaseContext, id: number): Promise<RequestContext> {
  const tz = ctx.config.timezone;
  const year = localYear(ctx.clock.now(), tz);
  const { start, end } = yearBounds(year, tz);
  const snap = await requestSnapshot(ctx.tx, id, { yearStart: start, yearEnd: end, copyPrefix: approvalKeyPrefix(id) });
  if (!snap) throw unknownRequest();
  const { orgName, ...rest } = snap;
  return { ...rest, branch: { orgId: snap.req.orgId, orgName }, year };
}

export function timelineView(events: readonly TimelineEvent[], names: Map<number, string>, tz: string, only?: readonly TimelineType[]): TimelineLine[] {
  return events
    .filter((e) => !only || only.includes(e.type))
    .map((e) => ({ at: localDateTime(e.at, tz), type: e.type, actor: e.actorId === null ? null : (names.get(e.actorId) ?? null), note: e.note }));
}

export function decisionView(req: AidRequestRow, names: Map<number, string>, tz: string): DecisionView | null {
  if (req.status !== "APPROVED" && req.status !== "REJECTED") return null;
  return {
    status: req.status,
    amountFen: req.approvedFen,
    source: req.fundSource,
    note: req.decisionNote,
    by: (req.decidedById !== null ? names.get(req.decidedById) : undefined) ?? "?",
    at: req.decidedAt ? localDateTime(req.decidedAt, tz) : "",
  };
}

function hardshipView(h: HardshipStatus | null): HardshipStatusView {
  return h ? { status: h.status, level: h.level, nextReviewOn: h.nextReviewOn } : { status: "NONE" };
}

export function approvalView(rc: RequestContext, ctx: BaseContext): ApprovalView {
  const tz = ctx.config.timezone;
  const { req } = rc;
  return {
    requestId: req.id,
    basics: { number: req.number, category: req.category, urgency: req.urgency, description: req.description, requestedFen: req.requestedFen },
    status: req.status,
    member: { name: rc.member.name, branch: rc.branch.orgName, tags: rc.member.tags },
    filedAt: localDateTime(req.createdAt, tz),
    filedBy: req.onBehalf ? (rc.names.get(req.filedById) ?? "?") : null,
    year: rc.year,
    received: rc.received,
    hardship: hardshipView(rc.hardship),
    balances: rc.balances,
    conversation: timelineView(rc.events, rc.names, tz, ["INFO_REQUESTED", "INFO_PROVIDED"]),
    decision: decisionView(req, rc.names, tz),
    ceilingFen: ctx.config.aidMaxFen,
  };
}

export const approvalCardOf = (rc: RequestContext, ctx: BaseContext): Card => approvalCard(approvalView(rc, ctx));

/** Sends a fresh approval card to every decider of the branch except the member; returns how many. */
export async function sendApprovalCards(ctx: AidCtx, rc: RequestContext, round: string, known?: Decider[], opts: { audit: boolean } = { audit: true }): Promise<number> {
  const to = (known ?? (await deciders(ctx.tx, rc.req.orgId))).filter((d) => d.id !== rc.req.personId);
  const card = approvalCardOf(rc, ctx);
  for (const d of to) ctx.send({ openId: d.openId }, { card }, `${approvalKeyPrefix(rc.req.id)}${round}-${d.id}`);
  if (to.length > 0 && opts.audit) {
    await ctx.audit({ action: "aid.request.notify", subjectType: "AidRequest", subjectId: rc.req.id, orgId: rc.req.orgId, changes: { to: to.map((d) => d.id), round } });
  }
  return to.length;
}

export type { Copy };

/**
 * Redraws every other copy of the approval card: sent ones are patched after commit, ones
 * still waiting in the outbox go out with the new content.
 */
export async function refreshCopies(ctx: AidCtx, copies: readonly Copy[], card: Card, exceptMessageId: string | undefined): Promise<void> {
  const waiting: number[] = [];
  for (const c of copies) {
    if (c.status === "SENT" && c.larkMessageId && c.larkMessageId !== exceptMessageId) ctx.patch(c.larkMessageId, card, `aid-sync-${c.id}-${ctx.inbound.key}`);
    else if (c.status === "PENDING") waiting.push(c.id);
  }
  if (waiting.length > 0) await ctx.tx.outboxMessage.updateMany({ where: { id: { in: waiting }, status: "PENDING" }, data: { content: card as object } });
}

/**
 * Tells the member, and whoever filed for them, about their request. A member without Lark is
 * reached through the leader who filed for them.
 */
export function tellMember(ctx: AidCtx, rc: RequestContext, build: (forName: string | undefined) => Card, key: string): void {
  if (rc.member.openId) ctx.send({ openId: rc.member.openId }, { card: build(undefined) }, `${key}-${rc.member.id}`);
  if (rc.filer?.openId && rc.filer.id !== rc.member.id) ctx.send({ openId: rc.filer.openId }, { card: build(rc.member.name) }, `${key}-${rc.filer.id}`);
}
