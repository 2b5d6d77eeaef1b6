// The approval click's hot path: one read of everything the approval card shows (request,
// member, branch, timeline, names, what the member received this year, archive status,
// balances, the card's other copies), and one write that records the decision and the ledger
// line; the withdrawal from the balance comes last (see recordApproval). Each statement is one
// round trip, plain PostgreSQL (server and PGlite).
import type { FundSource, TimelineType } from "../domain/aid-rules.ts";
import type { HardshipLevel } from "../domain/hardship-rules.ts";
import type { PersonTag } from "../generated/prisma/enums.ts";
import type { Balances } from "./aid-fund.ts";
import type { AidPerson } from "./aid-people.ts";
import type { AidRequestRow, TimelineEvent } from "./aid-requests.ts";
import type { Tx } from "./tx.ts";

export interface HardshipStatus {
  status: "ACTIVE" | "RESOLVED";
  level: HardshipLevel;
  nextReviewOn: string;
}

export interface Copy {
  id: number;
  larkMessageId: string | null;
  status: "PENDING" | "SENT" | "FAILED";
}

export interface RequestSnapshot {
  req: AidRequestRow;
  member: AidPerson;
  filer: AidPerson | null;
  orgName: string;
  received: { totalFen: number; count: number };
  hardship: HardshipStatus | null;
  balances: Balances;
  events: TimelineEvent[];
  names: Map<number, string>;
  copies: Copy[];
}

type JsonPerson = { id: number; name: string; larkOpenId: string | null; tags: PersonTag[] } | null;
/** One row of the snapshot query: the request's own columns plus what it joins, as JSON. */
interface Row extends AidRequestRow {
  member: JsonPerson;
  filer: JsonPerson;
  orgName: string | null;
  receivedFen: number;
  receivedCount: number;
  hardship: { status: "ACTIVE" | "RESOLVED"; level: HardshipLevel; nextReviewOn: string } | null;
  balances: Partial<Balances> | null;
  events: { id: number; at: string; actorId: number | null; type: TimelineType; note: string | null }[] | null;
  names: Record<string, string> | null;
  copies: Copy[] | null;
}

/** Timestamps inside JSON come without a zone; Prisma stores them as UTC. */
const utc = (s: string): Date => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const person = (p: JsonPerson): AidPerson | null => (p ? { id: p.id, name: p.name, openId: p.larkOpenId, tags: p.tags } : null);

/** Everything about one request the approval card needs, or null when there is no such request. */
export async function requestSnapshot(tx: Tx, id: number, opts: { yearStart: Date; yearEnd: Date; copyPrefix: string }): Promise<RequestSnapshot | null> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT r."id", r."number", r."orgId", r."personId", r."filedById", r."onBehalf", r."category"::text AS "category", r."description",
           r."requestedFen", r."urgency"::text AS "urgency", r."status"::text AS "status", r."approvedFen", r."fundSource"::text AS "fundSource",
           r."decidedById", r."decidedAt", r."decisionNote", r."createdAt",
           (SELECT json_build_object('id', p."id", 'name', p."name", 'larkOpenId', p."larkOpenId", 'tags', coalesce(p."tags", '{}')) FROM "Person" p WHERE p."id" = r."personId") AS "member",
           (SELECT json_build_object('id', p."id", 'name', p."name", 'larkOpenId', p."larkOpenId", 'tags', coalesce(p."tags", '{}')) FROM "Person" p
             WHERE p."id" = r."filedById" AND r."onBehalf" AND r."filedById" <> r."personId") AS "filer",
           (SELECT o."name" FROM "Organization" o WHERE o."id" = r."orgId") AS "orgName",
           (SELECT coalesce(sum(f."amountFen"), 0)::float8 FROM "FundEntry" f
             WHERE f."payeeId" = r."personId" AND f."kind" = 'DISBURSEMENT' AND f."createdAt" >= ${opts.yearStart} AND f."createdAt" < ${opts.yearEnd}) AS "receivedFen",
           (SELECT count(*)::int FROM "FundEntry" f
             WHERE f."payeeId" = r."personId" AND f."kind" = 'DISBURSEMENT' AND f."createdAt" >= ${opts.yearStart} AND f."createdAt" < ${opts.yearEnd}) AS "receivedCount",
           (SELECT json_build_object('status', h."status", 'level', h."level", 'nextReviewOn', to_char(h."nextReviewOn", 'YYYY-MM-DD')) FROM "HardshipEntry" h
             WHERE h."personId" = r."personId" ORDER BY h."status" ASC, h."createdAt" DESC, h."id" DESC LIMIT 1) AS "hardship",
           (SELECT json_object_agg(b."source", b."balanceFen") FROM "FundBalance" b WHERE b."orgId" = r."orgId") AS "balances",
           (SELECT json_agg(json_build_object('id', e."id", 'at', e."at", 'actorId', e."actorId", 'type', e."type", 'note', e."note") ORDER BY e."at", e."id")
              FROM "AidRequestEvent" e WHERE e."requestId" = r."id") AS "events",
           (SELECT json_object_agg(p."id", p."name") FROM "Person" p
             WHERE p."id" IN (r."personId", r."filedById", r."decidedById")
                OR p."id" IN (SELECT e."actorId" FROM "AidRequestEvent" e WHERE e."requestId" = r."id")) AS "names",
           (SELECT json_agg(json_build_object('id', m."id", 'larkMessageId', m."larkMessageId", 'status', m."status") ORDER BY m."id")
              FROM "OutboxMessage" m WHERE m."idempotencyKey" LIKE ${`${opts.copyPrefix}%`} AND m."kind" = 'SEND') AS "copies"
    FROM "AidRequest" r WHERE r."id" = ${id}`;
  const r = rows[0];
  if (!r) return null;
  const member = person(json<JsonPerson>(r.member));
  if (!member) return null;
  const bal = json<Partial<Balances> | null>(r.balances) ?? {};
  const names = json<Record<string, string> | null>(r.names) ?? {};
  return {
    req: {
      id: r.id,
      number: r.number,
      orgId: r.orgId,
      personId: r.personId,
      filedById: r.filedById,
      onBehalf: r.onBehalf,
      category: r.category,
      description: r.description,
      requestedFen: r.requestedFen,
      urgency: r.urgency,
      status: r.status,
      approvedFen: r.approvedFen,
      fundSource: r.fundSource,
      decidedById: r.decidedById,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
      createdAt: r.createdAt,
    },
    member,
    filer: person(json<JsonPerson>(r.filer)),
    orgName: r.orgName ?? "?",
    received: { totalFen: Number(r.receivedFen), count: Number(r.receivedCount) },
    hardship: json<HardshipStatus | null>(r.hardship),
    balances: { LOCAL_FINANCE: bal.LOCAL_FINANCE ?? 0, PARTY_FEE: bal.PARTY_FEE ?? 0, DONATION: bal.DONATION ?? 0 },
    events: (json<Row["events"]>(r.events) ?? []).map((e) => ({ id: e.id, at: utc(e.at), actorId: e.actorId, type: e.type, note: e.note })),
    names: new Map(Object.entries(names).map(([k, v]) => [Number(k), v])),
    copies: json<Copy[] | null>(r.copies) ?? [],
  };
}

export type DecideOutcome = { kind: "approved"; entryId: number; event: TimelineEvent } | { kind: "decided" };

/**
 * Records an approval in one statement: the request leaves PENDING/NEEDS_INFO, the ledger gets
 * the disbursement and the timeline its event. "decided": someone else was first, nothing
 * changed. The money itself leaves the source's balance in the transaction's last statement
 * (withdraw, aid-fund.ts), so the balance row, which every approval of the branch updates, is
 * locked only from there to the commit; if it cannot pay, the caller rolls all of this back.
 */
export async function recordApproval(tx: Tx, d: { requestId: number; amountFen: number; source: FundSource; note: string | null; byId: number; at: Date }): Promise<DecideOutcome> {
  const rows = await tx.$queryRaw<{ decided: number; entryId: number | null; eventId: number | null }[]>`
    WITH req AS (
      UPDATE "AidRequest" SET "status" = 'APPROVED', "approvedFen" = ${d.amountFen}, "fundSource" = ${d.source}::"FundSource",
             "decidedById" = ${d.byId}, "decidedAt" = ${d.at}, "decisionNote" = ${d.note}, "updatedAt" = ${d.at}
      WHERE "id" = ${d.requestId} AND "status" IN ('PENDING', 'NEEDS_INFO')
      RETURNING "id", "orgId", "personId"
    ), entry AS (
      INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "payeeId", "aidRequestId", "note", "recordedById", "createdAt")
      SELECT req."orgId", ${d.source}::"FundSource", 'DISBURSEMENT', ${d.amountFen}, req."personId", req."id", ${d.note}, ${d.byId}, ${d.at} FROM req
      RETURNING "id"
    ), ev AS (
      INSERT INTO "AidRequestEvent" ("requestId", "at", "actorId", "type", "note")
      SELECT req."id", ${d.at}, ${d.byId}, 'APPROVED', ${d.note} FROM req
      RETURNING "id"
    )
    SELECT (SELECT count(*) FROM req)::int AS "decided", (SELECT "id" FROM entry) AS "entryId", (SELECT "id" FROM ev) AS "eventId"`;
  const r = rows[0];
  if (!r || r.decided === 0 || r.entryId === null || r.eventId === null) return { kind: "decided" };
  return { kind: "approved", entryId: r.entryId, event: { id: r.eventId, at: d.at, actorId: d.byId, type: "APPROVED", note: d.note } };
}

export interface FilingSnapshot {
  orgId: number;
  orgName: string;
  member: AidPerson;
  filer: AidPerson | null;
  received: { totalFen: number; count: number };
  hardship: HardshipStatus | null;
  balances: Balances;
  deciders: { id: number; name: string; openId: string }[];
}

/**
 * Everything a new request's approval card shows, read before filing in one query: the member's
 * branch (a 党支部 membership as MEMBER first), who files, what the member received this year,
 * their archive status, the branch's balances and its deciders reachable in Lark.
 */
export async function filingSnapshot(tx: Tx, personId: number, filedById: number, opts: { yearStart: Date; yearEnd: Date }): Promise<FilingSnapshot | null> {
  const rows = await tx.$queryRaw<
    {
      orgId: number;
      orgName: string;
      member: JsonPerson;
      filer: JsonPerson;
      receivedFen: number;
      receivedCount: number;
      hardship: HardshipStatus | null;
      balances: Partial<Balances> | null;
      deciders: { id: number; name: string; openId: string }[] | null;
    }[]
  >`
    WITH b AS (
      SELECT m."orgId", o."name" AS "orgName" FROM "Membership" m JOIN "Organization" o ON o."id" = m."orgId"
      WHERE m."personId" = ${personId}
      ORDER BY (m."role" <> 'MEMBER'), (o."kind" <> 'BRANCH'), m."id" LIMIT 1
    )
    SELECT b."orgId", b."orgName",
           (SELECT json_build_object('id', p."id", 'name', p."name", 'larkOpenId', p."larkOpenId", 'tags', coalesce(p."tags", '{}')) FROM "Person" p WHERE p."id" = ${personId}) AS "member",
           (SELECT json_build_object('id', p."id", 'name', p."name", 'larkOpenId', p."larkOpenId", 'tags', coalesce(p."tags", '{}')) FROM "Person" p
             WHERE p."id" = ${filedById} AND ${filedById}::int <> ${personId}::int) AS "filer",
           (SELECT coalesce(sum(f."amountFen"), 0)::float8 FROM "FundEntry" f
             WHERE f."payeeId" = ${personId} AND f."kind" = 'DISBURSEMENT' AND f."createdAt" >= ${opts.yearStart} AND f."createdAt" < ${opts.yearEnd}) AS "receivedFen",
           (SELECT count(*)::int FROM "FundEntry" f
             WHERE f."payeeId" = ${personId} AND f."kind" = 'DISBURSEMENT' AND f."createdAt" >= ${opts.yearStart} AND f."createdAt" < ${opts.yearEnd}) AS "receivedCount",
           (SELECT json_build_object('status', h."status", 'level', h."level", 'nextReviewOn', to_char(h."nextReviewOn", 'YYYY-MM-DD')) FROM "HardshipEntry" h
             WHERE h."personId" = ${personId} ORDER BY h."status" ASC, h."createdAt" DESC, h."id" DESC LIMIT 1) AS "hardship",
           (SELECT json_object_agg(fb."source", fb."balanceFen") FROM "FundBalance" fb WHERE fb."orgId" = b."orgId") AS "balances",
           (SELECT json_agg(json_build_object('id', d."id", 'name', d."name", 'openId', d."larkOpenId") ORDER BY d."id") FROM (
              SELECT DISTINCT p."id", p."name", p."larkOpenId" FROM "Membership" m JOIN "Person" p ON p."id" = m."personId"
              WHERE m."orgId" = b."orgId" AND m."role" IN ('SECRETARY', 'AID_DELEGATE') AND p."larkOpenId" IS NOT NULL) d) AS "deciders"
    FROM b`;
  const r = rows[0];
  if (!r) return null;
  const member = person(json<JsonPerson>(r.member));
  if (!member) return null;
  const bal = json<Partial<Balances> | null>(r.balances) ?? {};
  return {
    orgId: r.orgId,
    orgName: r.orgName,
    member,
    filer: person(json<JsonPerson>(r.filer)),
    received: { totalFen: Number(r.receivedFen), count: Number(r.receivedCount) },
    hardship: json<HardshipStatus | null>(r.hardship),
    balances: { LOCAL_FINANCE: bal.LOCAL_FINANCE ?? 0, PARTY_FEE: bal.PARTY_FEE ?? 0, DONATION: bal.DONATION ?? 0 },
    deciders: json<FilingSnapshot["deciders"] | null>(r.deciders) ?? [],
  };
}
