// 组织结对 rows: an organisation's pairings with other organisations (or an outside unit), their
// contact people and joint activities. What a joint activity was is sealed (OrgPairingActivity.
// content); names, dates and counts stay plain. The table's own checks hold the invariants
// (exactly one partner, one live pairing per two organisations), so a write that would break
// them inserts nothing and says so instead of failing the transaction.
import { dateToDay, dayToDate, type Day } from "../domain/calendar-day.ts";
import type { OrgPairingKind, OrgPairingStatus } from "../domain/org-pairing.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export type ContactSide = "OWN" | "PARTNER";

export interface PairingContact {
  side: ContactSide;
  personId: number | null;
  name: string;
  phone: string | null;
  duty: string | null;
}

export interface OrgPairingRow {
  id: number;
  orgId: number;
  orgName: string;
  partnerOrgId: number | null;
  /** The partner organisation's name in the system, or the outside unit's name. */
  partnerName: string;
  outside: boolean;
  kind: OrgPairingKind;
  purpose: string | null;
  status: OrgPairingStatus;
  startOn: Day;
  endOn: Day | null;
  endedReason: string | null;
  proposedById: number;
  confirmedById: number | null;
  remindedQuarter: string | null;
  contacts: PairingContact[];
  /** The day of the latest joint activity, if any. */
  lastActivity: Day | null;
  /** Joint activities held in the period the caller asked about (this quarter on the list). */
  activitiesInPeriod: number;
}

type Row = {
  id: number;
  orgId: number;
  org_name: string;
  partnerOrgId: number | null;
  partner_org_name: string | null;
  partnerName: string | null;
  kind: OrgPairingKind;
  purpose: string | null;
  status: OrgPairingStatus;
  startOn: Date;
  endOn: Date | null;
  endedReason: string | null;
  proposedById: number;
  confirmedById: number | null;
  remindedQuarter: string | null;
  last_on: Date | null;
  in_period: number;
};

const SELECT = `SELECT p."id", p."orgId", o."name" AS org_name, p."partnerOrgId", po."name" AS partner_org_name, p."partnerName",
       p."kind"::text AS "kind", p."purpose", p."status"::text AS "status", p."startOn", p."endOn", p."endedReason",
       p."proposedById", p."confirmedById", p."remindedQuarter",
       (SELECT max(a."heldOn") FROM "OrgPairingActivity" a WHERE a."pairingId" = p."id") AS last_on,
       (SELECT count(*)::int FROM "OrgPairingActivity" a WHERE a."pairingId" = p."id" AND a."heldOn" BETWEEN $1::date AND $2::date) AS in_period
  FROM "OrgPairing" p JOIN "Organization" o ON o."id" = p."orgId" LEFT JOIN "Organization" po ON po."id" = p."partnerOrgId"`;

async function withContacts(tx: Tx, rows: Row[]): Promise<OrgPairingRow[]> {
  if (rows.length === 0) return [];
  const contacts = await tx.orgPairingContact.findMany({ where: { pairingId: { in: rows.map((r) => r.id) } }, orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: r.org_name,
    partnerOrgId: r.partnerOrgId,
    partnerName: r.partner_org_name ?? r.partnerName ?? "",
    outside: r.partnerOrgId === null,
    kind: r.kind,
    purpose: r.purpose,
    status: r.status,
    startOn: dateToDay(r.startOn),
    endOn: r.endOn ? dateToDay(r.endOn) : null,
    endedReason: r.endedReason,
    proposedById: r.proposedById,
    confirmedById: r.confirmedById,
    remindedQuarter: r.remindedQuarter,
    contacts: contacts.filter((c) => c.pairingId === r.id).map((c) => ({ side: c.side as ContactSide, personId: c.personId, name: c.name, phone: c.phone, duty: c.duty })),
    lastActivity: r.last_on ? dateToDay(r.last_on) : null,
    activitiesInPeriod: r.in_period,
  }));
}

/** The pairings where any of the organisations is a side (either the one that set it up or the partner), live first, then newest. */
export async function pairingsOf(tx: Tx, orgIds: readonly number[], period: { from: Day; to: Day }, opts: { live: boolean; limit: number }): Promise<OrgPairingRow[]> {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `${SELECT} WHERE (p."orgId" = ANY($3::int[]) OR p."partnerOrgId" = ANY($3::int[])) AND ($4::boolean = false OR p."status" IN ('PROPOSED', 'ACTIVE'))
     ORDER BY (p."status" IN ('PROPOSED', 'ACTIVE')) DESC, p."startOn" DESC, p."id" DESC LIMIT $5`,
    period.from,
    period.to,
    [...orgIds],
    opts.live,
    opts.limit,
  );
  return withContacts(tx, rows);
}

/** One pairing, with activities counted over the period. */
export async function loadPairing(tx: Tx, id: number, period: { from: Day; to: Day }): Promise<OrgPairingRow | null> {
  const rows = await tx.$queryRawUnsafe<Row[]>(`${SELECT} WHERE p."id" = $3`, period.from, period.to, id);
  return (await withContacts(tx, rows))[0] ?? null;
}

/** The root of the organisation tree above (or at) the organisation: its top committee. */
export async function rootOf(tx: Tx, orgId: number): Promise<number | null> {
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `WITH RECURSIVE up AS (
       SELECT "id", "parentId", 0 AS depth FROM "Organization" WHERE "id" = $1
       UNION ALL SELECT o."id", o."parentId", up.depth + 1 FROM up JOIN "Organization" o ON o."id" = up."parentId" WHERE up.depth < 20
     ) SELECT "id" FROM up WHERE "parentId" IS NULL LIMIT 1`,
    orgId,
  );
  return rows[0]?.id ?? null;
}

export interface OrgChoice {
  id: number;
  code: string;
  name: string;
}

/** An organisation by its code, else its exact name, else the few whose name holds the words typed. */
export async function findOrg(tx: Tx, typed: string): Promise<{ found: OrgChoice } | { candidates: OrgChoice[] }> {
  const select = { id: true, code: true, name: true } as const;
  const byCode = await tx.organization.findUnique({ where: { code: typed }, select });
  if (byCode) return { found: byCode };
  const byName = await tx.organization.findMany({ where: { name: typed }, select, take: 6, orderBy: { id: "asc" } });
  if (byName.length === 1) return { found: byName[0]! };
  if (byName.length > 1) return { candidates: byName };
  const like = await tx.organization.findMany({ where: { name: { contains: typed } }, select, take: 6, orderBy: { id: "asc" } });
  return like.length === 1 ? { found: like[0]! } : { candidates: like };
}

/** The pairing this form card set up, if it did. */
export async function pairingOfForm(tx: Tx, formMessageId: string): Promise<number | null> {
  const r = await tx.orgPairing.findUnique({ where: { formMessageId }, select: { id: true } });
  return r?.id ?? null;
}

/** The live (proposed or active) pairing between the two organisations, either way round. */
export async function livePairingBetween(tx: Tx, a: number, b: number): Promise<number | null> {
  const r = await tx.orgPairing.findFirst({
    where: { status: { in: ["PROPOSED", "ACTIVE"] }, OR: [{ orgId: a, partnerOrgId: b }, { orgId: b, partnerOrgId: a }] },
    select: { id: true },
  });
  return r?.id ?? null;
}

/** The organisation's live pairing with an outside unit of this name. */
export async function liveOutsidePairing(tx: Tx, orgId: number, partnerName: string): Promise<number | null> {
  const r = await tx.orgPairing.findFirst({ where: { orgId, partnerName, status: { in: ["PROPOSED", "ACTIVE"] } }, select: { id: true } });
  return r?.id ?? null;
}

export interface NewPairing {
  orgId: number;
  partnerOrgId: number | null;
  partnerName: string | null;
  kind: OrgPairingKind;
  purpose: string | null;
  status: "ACTIVE" | "PROPOSED";
  startOn: Day;
  proposedById: number;
  formMessageId: string | null;
  contacts: PairingContact[];
  at: Date;
}

/**
 * Inserts the pairing and its contacts. `{ id }` when written; `{ sameForm }` when this form card
 * set up a pairing already (a second submit); `{ live }` when the two organisations have a live
 * pairing (the unique index met a concurrent one).
 */
export async function createPairing(tx: Tx, p: NewPairing): Promise<{ id: number } | { sameForm: number } | { live: true }> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OrgPairing" ("orgId", "partnerOrgId", "partnerName", "kind", "purpose", "status", "startOn", "proposedById", "formMessageId", "createdAt", "updatedAt")
    VALUES (${p.orgId}, ${p.partnerOrgId}, ${p.partnerName}, ${p.kind}::"OrgPairingKind", ${p.purpose}, ${p.status}::"OrgPairingStatus", ${dayToDate(p.startOn)}::date,
            ${p.proposedById}, ${p.formMessageId}, ${p.at}, ${p.at})
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id;
  if (id === undefined) {
    const earlier = p.formMessageId ? await tx.orgPairing.findUnique({ where: { formMessageId: p.formMessageId }, select: { id: true } }) : null;
    return earlier ? { sameForm: earlier.id } : { live: true };
  }
  if (p.contacts.length > 0) await tx.orgPairingContact.createMany({ data: p.contacts.map((c) => ({ pairingId: id, ...c, createdAt: p.at })) });
  return { id };
}

/** The partner's secretary accepts a proposed pairing; false when it was no longer proposed. */
export async function confirmPairing(tx: Tx, id: number, byId: number, at: Date): Promise<boolean> {
  const r = await tx.orgPairing.updateMany({ where: { id, status: "PROPOSED" }, data: { status: "ACTIVE", confirmedById: byId, confirmedAt: at, updatedAt: at } });
  return r.count === 1;
}

/**
 * The partner's secretary declines a proposed pairing (who declined is in the audit: confirmedById
 * names only one who agreed); false when it was no longer proposed.
 */
export async function declinePairing(tx: Tx, id: number, reason: string | null, at: Date): Promise<boolean> {
  const r = await tx.orgPairing.updateMany({ where: { id, status: "PROPOSED" }, data: { status: "DECLINED", endedReason: reason, updatedAt: at } });
  return r.count === 1;
}

/** Ends an active pairing on `endOn` with the reason given; false when it was not active. */
export async function endPairing(tx: Tx, id: number, endOn: Day, reason: string, at: Date): Promise<boolean> {
  const r = await tx.orgPairing.updateMany({ where: { id, status: "ACTIVE" }, data: { status: "ENDED", endOn: dayToDate(endOn), endedReason: reason, updatedAt: at } });
  return r.count === 1;
}

export interface PairingActivity {
  id: number;
  pairingId: number;
  orgId: number;
  heldOn: Day;
  content: string;
  participants: number | null;
  recordedById: number;
}

/** Records a joint activity (content sealed); `{ sameForm }` when this form card recorded one already. */
export async function recordActivity(
  tx: Tx,
  a: { pairingId: number; orgId: number; heldOn: Day; content: string; participants: number | null; recordedById: number; formMessageId: string | null; at: Date },
): Promise<{ id: number } | { sameForm: number }> {
  const content = sealer(tx).seal("OrgPairingActivity.content", a.content);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OrgPairingActivity" ("pairingId", "orgId", "heldOn", "content", "participants", "recordedById", "formMessageId", "createdAt")
    VALUES (${a.pairingId}, ${a.orgId}, ${dayToDate(a.heldOn)}::date, ${content}, ${a.participants}, ${a.recordedById}, ${a.formMessageId}, ${a.at})
    ON CONFLICT ("formMessageId") DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id;
  if (id !== undefined) return { id };
  const earlier = await tx.orgPairingActivity.findUniqueOrThrow({ where: { formMessageId: a.formMessageId! }, select: { id: true } });
  return { sameForm: earlier.id };
}

/** One joint activity, its content opened. */
export async function loadActivity(tx: Tx, id: number): Promise<PairingActivity | null> {
  const r = await tx.orgPairingActivity.findUnique({ where: { id }, select: { id: true, pairingId: true, orgId: true, heldOn: true, content: true, participants: true, recordedById: true } });
  return r ? { ...r, heldOn: dateToDay(r.heldOn), content: sealer(tx).open("OrgPairingActivity.content", r.content) ?? "" } : null;
}

/** Stamps the quarter on the pairings not yet reminded for it; returns the ids stamped now (a second run stamps none). */
export async function markReminded(tx: Tx, ids: readonly number[], quarter: string, at: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: number }[]>`
    UPDATE "OrgPairing" SET "remindedQuarter" = ${quarter}, "updatedAt" = ${at}
    WHERE "id" = ANY(${[...ids]}::int[]) AND "status" = 'ACTIVE' AND "remindedQuarter" IS DISTINCT FROM ${quarter}
    RETURNING "id"`;
  return new Set(rows.map((r) => r.id));
}

/** The idempotency key of a quarter's reminder to one secretary about one pairing. */
export const reminderKey = (pairingId: number, quarter: string, personId: number) => `org-pairing-remind-${pairingId}-${quarter}-${personId}`;
