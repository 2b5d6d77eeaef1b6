// The approval card and the lines other aid cards share (timeline, decision), drawn from a
// request's snapshot: pure functions of what the store returned.
import { approvalCard, type ApprovalView, type HardshipStatusView } from "../../../cards/aid-approval.ts";
import type { DecisionView, TimelineLine } from "../../../cards/aid-request.ts";
import type { Card } from "../../../cards/kit.ts";
import type { TimelineType } from "../../domain/aid-rules.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import type { AidRequestRow, HardshipStatus, RequestSnapshot, TimelineEvent } from "../../store/aid-requests.ts";

/** A request's snapshot in the year the card speaks of (what the member received "this year"). */
export type RequestContext = RequestSnapshot & { year: number };

export function timelineView(events: readonly TimelineEvent[], names: Map<number, string>, tz: string, only?: readonly TimelineType[]): TimelineLine[] {
  return events
    .filter((e) => !only || only.includes(e.type))
    .map((e) => ({ at: localDateTime(e.at, tz), type: e.type, actor: e.actorId === null ? null : (names.get(e.actorId) ?? null), note: e.note }));
}

/** The decision, and (for a reversed payment) the reversal, read from the request and its timeline. */
export function decisionView(req: AidRequestRow, names: Map<number, string>, tz: string, events: readonly TimelineEvent[] = []): DecisionView | null {
  if (req.status !== "APPROVED" && req.status !== "REJECTED" && req.status !== "REVERSED") return null;
  const undone = req.status === "REVERSED" ? [...events].reverse().find((e) => e.type === "REVERSED") : undefined;
  return {
    status: req.status === "REJECTED" ? "REJECTED" : "APPROVED",
    reversal: undone ? { by: (undone.actorId !== null ? names.get(undone.actorId) : undefined) ?? "?", at: localDateTime(undone.at, tz), reason: undone.note } : null,
    amountFen: req.approvedFen,
    source: req.fundSource,
    note: req.decisionNote,
    by: (req.decidedById !== null ? names.get(req.decidedById) : undefined) ?? "?",
    at: req.decidedAt ? localDateTime(req.decidedAt, tz) : "",
  };
}

/** Who withdrew the request (撤回) and when, when that is how it was closed. */
export function withdrawnView(req: AidRequestRow, events: readonly TimelineEvent[], names: Map<number, string>, tz: string): { by: string; at: string } | null {
  if (req.status !== "CANCELLED") return null;
  const e = [...events].reverse().find((x) => x.type === "WITHDRAWN");
  return e ? { by: (e.actorId !== null ? names.get(e.actorId) : undefined) ?? "?", at: localDateTime(e.at, tz) } : null;
}

function hardshipView(h: HardshipStatus | null): HardshipStatusView {
  return h ? { status: h.status, level: h.level, nextReviewOn: h.nextReviewOn } : { status: "NONE" };
}

function approvalView(rc: RequestContext, config: { timezone: string; aidMaxFen: number }): ApprovalView {
  const tz = config.timezone;
  const { req } = rc;
  return {
    requestId: req.id,
    basics: { number: req.number, category: req.category, urgency: req.urgency, description: req.description, requestedFen: req.requestedFen },
    status: req.status,
    member: { name: rc.member.name, branch: rc.orgName, tags: rc.member.tags },
    filedAt: localDateTime(req.createdAt, tz),
    filedBy: req.onBehalf ? (rc.names.get(req.filedById) ?? "?") : null,
    year: rc.year,
    received: rc.received,
    hardship: hardshipView(rc.hardship),
    balances: rc.balances,
    conversation: timelineView(rc.events, rc.names, tz, ["INFO_REQUESTED", "INFO_PROVIDED"]),
    attachments: (rc.attachments ?? []).map(({ createdAt, ...a }) => ({ ...a, at: localDateTime(createdAt, tz) })),
    decision: decisionView(req, rc.names, tz, rc.events),
    withdrawn: withdrawnView(req, rc.events, rc.names, tz),
    ceilingFen: config.aidMaxFen,
  };
}

export const approvalCardOf = (rc: RequestContext, ctx: { config: { timezone: string; aidMaxFen: number } }): Card => approvalCard(approvalView(rc, ctx.config));
