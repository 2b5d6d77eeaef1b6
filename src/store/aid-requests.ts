// The aid request (帮扶申请), one aggregate and one module: `ctx.store.aidRequests.<fn>`. Its
// lookups are here; filing, the state machine and the approval card's snapshots are in the
// files named for them and answer through this module too.
import { eventOf, openRequest, requestSelect, type AidRequestRow, type TimelineEvent } from "./aid-request-row.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export type { AidRequestRow, TimelineEvent } from "./aid-request-row.ts";
export { createRequest, type NewRequest } from "./aid-request-filing.ts";
export { approve, askForInfo, markReversed, provideInfo, reject, urge, withdraw, type Decided } from "./aid-request-decisions.ts";
export { markEscalated, markReminded, waitingForDecision, type WaitingRequest } from "./aid-request-reminders.ts";
export { filingSnapshot, requestSnapshot, type FilingSnapshot, type HardshipStatus, type MemberSnapshot, type Received, type RequestSnapshot } from "./aid-request-snapshots.ts";

const opened = (tx: Tx, r: AidRequestRow | null): AidRequestRow | null => r && openRequest(sealer(tx), r);

export async function findRequest(tx: Tx, id: number): Promise<AidRequestRow | null> {
  return opened(tx, await tx.aidRequest.findUnique({ where: { id }, select: requestSelect }));
}

export async function findRequestByNumber(tx: Tx, number: string): Promise<AidRequestRow | null> {
  return opened(tx, await tx.aidRequest.findUnique({ where: { number }, select: requestSelect }));
}

/** The request a 求助 form card filed, or null while it has filed none. */
export async function requestOfForm(tx: Tx, formMessageId: string): Promise<AidRequestRow | null> {
  return opened(tx, await tx.aidRequest.findUnique({ where: { formMessageId }, select: requestSelect }));
}

/** The readable number (2026-0007) of a request, or null when there is no such request. */
export async function requestNumber(tx: Tx, id: number): Promise<string | null> {
  const r = await tx.aidRequest.findUnique({ where: { id }, select: { number: true } });
  return r?.number ?? null;
}

/** A member's own requests, newest first, each with its timeline (我的). */
export async function requestsOf(tx: Tx, personId: number, limit = 10): Promise<(AidRequestRow & { events: TimelineEvent[] })[]> {
  const rows = await tx.aidRequest.findMany({
    where: { personId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...requestSelect, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  const keys = sealer(tx);
  return rows.map((r) => ({ ...openRequest(keys, r), events: r.events.map((e) => eventOf(e, keys)) }));
}

/** The requests waiting for a decision in the given branches, the most urgent and oldest first. */
export async function openRequests(tx: Tx, orgIds: readonly number[], limit = 20): Promise<AidRequestRow[]> {
  const rows = await tx.aidRequest.findMany({
    where: { orgId: { in: [...orgIds] }, status: { in: ["PENDING", "NEEDS_INFO"] } },
    orderBy: [{ urgency: "desc" }, { createdAt: "asc" }],
    take: limit,
    select: requestSelect,
  });
  const keys = sealer(tx);
  return rows.map((r) => openRequest(keys, r));
}

/**
 * The requests not yet decided that `personId` may withdraw or urge: their own, and those they
 * filed for a member without Lark; oldest first.
 */
export async function openRequestsFiledBy(tx: Tx, personId: number): Promise<AidRequestRow[]> {
  const rows = await tx.aidRequest.findMany({
    where: { status: { in: ["PENDING", "NEEDS_INFO"] }, OR: [{ personId }, { onBehalf: true, filedById: personId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: requestSelect,
  });
  const keys = sealer(tx);
  return rows.map((r) => openRequest(keys, r));
}
