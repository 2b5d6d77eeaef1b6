// What an approval card shows, each read in one round trip (the approval click is the hot path):
// the request with its member, branch, timeline and names, what the member received this year,
// their archive status, the branch's balances and the card's copies sent so far; or, before a
// request is filed, the same about the member plus the branch's deciders. Plain PostgreSQL
// (server and PGlite): the joined parts come back as JSON.
import { Prisma } from "../generated/prisma/client.ts";
import type { PersonTag } from "../generated/prisma/enums.ts";
import type { TimelineType } from "../domain/aid-rules.ts";
import type { HardshipLevel } from "../domain/hardship-rules.ts";
import type { Balances } from "./aid-fund.ts";
import type { AidPerson, Decider } from "./aid-people.ts";
import { eventOf, requestColumns, requestOf, type AidRequestRow, type TimelineEvent } from "./aid-request-row.ts";
import type { CardCopy } from "./outbox.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface HardshipStatus {
  status: "ACTIVE" | "RESOLVED";
  level: HardshipLevel;
  nextReviewOn: string;
}

/** What the member has been paid from the fund in the year (a payment reversed since was not received). */
export interface Received {
  totalFen: number;
  count: number;
}

/** About the member, before or without a request. */
export interface MemberSnapshot {
  orgId: number;
  orgName: string;
  member: AidPerson;
  /** Whoever filed for the member (a leader), when not the member. */
  filer: AidPerson | null;
  received: Received;
  hardship: HardshipStatus | null;
  balances: Balances;
}

export interface RequestSnapshot extends MemberSnapshot {
  req: AidRequestRow;
  events: TimelineEvent[];
  names: Map<number, string>;
  /** The approval card's copies sent so far (outbox rows). */
  copies: CardCopy[];
  /** The pictures and PDFs kept for it, oldest first (absent where none were read: a new request). */
  attachments?: KeptAttachment[];
}

/** A kept attachment as the approval card lists it (never its bytes). */
export interface KeptAttachment {
  id: number;
  kind: "IMAGE" | "FILE";
  fileName: string | null;
  sizeBytes: number | null;
  cardImageKey: string | null;
  createdAt: Date;
}

export interface FilingSnapshot extends MemberSnapshot {
  deciders: Decider[];
}

export interface YearBounds {
  yearStart: Date;
  yearEnd: Date;
}

type JsonPerson = { id: number; name: string; larkOpenId: string | null; tags: PersonTag[] } | null;
/** The member's side of a snapshot row, as the statement returns it. */
interface MemberRow {
  orgId: number;
  orgName: string | null;
  member: JsonPerson;
  filer: JsonPerson;
  received: Received | string | null;
  hardship: HardshipStatus | string | null;
  balances: Partial<Balances> | string | null;
}

const personJson = (id: Prisma.Sql, also: Prisma.Sql = Prisma.empty) =>
  Prisma.sql`(SELECT json_build_object('id', p."id", 'name', p."name", 'larkOpenId', p."larkOpenId", 'tags', coalesce(p."tags", '{}')) FROM "Person" p WHERE p."id" = ${id} ${also})`;
const receivedJson = (personId: Prisma.Sql, y: YearBounds) =>
  Prisma.sql`(SELECT json_build_object('totalFen', coalesce(sum(f."amountFen"), 0), 'count', count(*)) FROM "FundEntry" f
              WHERE f."payeeId" = ${personId} AND f."kind" = 'DISBURSEMENT' AND f."createdAt" >= ${y.yearStart} AND f."createdAt" < ${y.yearEnd}
                AND NOT EXISTS (SELECT 1 FROM "FundEntry" x WHERE x."reversesId" = f."id"))`;
const hardshipJson = (personId: Prisma.Sql) =>
  Prisma.sql`(SELECT json_build_object('status', h."status", 'level', h."level", 'nextReviewOn', to_char(h."nextReviewOn", 'YYYY-MM-DD')) FROM "HardshipEntry" h
              WHERE h."personId" = ${personId} ORDER BY h."status" ASC, h."createdAt" DESC, h."id" DESC LIMIT 1)`;
const balancesJson = (orgId: Prisma.Sql) => Prisma.sql`(SELECT json_object_agg(b."source", b."balanceFen") FROM "FundBalance" b WHERE b."orgId" = ${orgId})`;

/** Timestamps inside JSON come without a zone; Prisma stores them as UTC. */
const utc = (s: string): Date => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
/** json columns arrive parsed from pg and as text from PGlite. */
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const person = (p: JsonPerson): AidPerson | null => (p ? { id: p.id, name: p.name, openId: p.larkOpenId, tags: p.tags } : null);

function memberSnapshot(r: MemberRow): MemberSnapshot | null {
  const member = person(json<JsonPerson>(r.member));
  if (!member) return null;
  const bal = json<Partial<Balances> | null>(r.balances) ?? {};
  const received = json<Received | null>(r.received);
  return {
    orgId: r.orgId,
    orgName: r.orgName ?? "?",
    member,
    filer: person(json<JsonPerson>(r.filer)),
    received: { totalFen: Number(received?.totalFen ?? 0), count: Number(received?.count ?? 0) },
    hardship: json<HardshipStatus | null>(r.hardship),
    balances: { LOCAL_FINANCE: bal.LOCAL_FINANCE ?? 0, PARTY_FEE: bal.PARTY_FEE ?? 0, DONATION: bal.DONATION ?? 0 },
  };
}

type JsonEvent = { id: number; at: string; actorId: number | null; type: TimelineType; note: string | null };
interface RequestRow extends AidRequestRow, Omit<MemberRow, "orgId"> {
  events: JsonEvent[] | string | null;
  names: Record<string, string> | string | null;
  copies: CardCopy[] | string | null;
  attachments: (Omit<KeptAttachment, "createdAt"> & { createdAt: string })[] | string | null;
}

/** Everything about one request the approval card needs, or null when there is no such request. */
export async function requestSnapshot(tx: Tx, id: number, opts: YearBounds & { copyPrefix: string }): Promise<RequestSnapshot | null> {
  const rows = await tx.$queryRaw<RequestRow[]>`
    SELECT ${requestColumns("r")},
           ${personJson(Prisma.sql`r."personId"`)} AS "member",
           ${personJson(Prisma.sql`r."filedById"`, Prisma.sql`AND r."onBehalf" AND r."filedById" <> r."personId"`)} AS "filer",
           (SELECT o."name" FROM "Organization" o WHERE o."id" = r."orgId") AS "orgName",
           ${receivedJson(Prisma.sql`r."personId"`, opts)} AS "received",
           ${hardshipJson(Prisma.sql`r."personId"`)} AS "hardship",
           ${balancesJson(Prisma.sql`r."orgId"`)} AS "balances",
           (SELECT json_agg(json_build_object('id', e."id", 'at', e."at", 'actorId', e."actorId", 'type', e."type", 'note', e."note") ORDER BY e."at", e."id")
              FROM "AidRequestEvent" e WHERE e."requestId" = r."id") AS "events",
           (SELECT json_object_agg(p."id", p."name") FROM "Person" p
             WHERE p."id" IN (r."personId", r."filedById", r."decidedById")
                OR p."id" IN (SELECT e."actorId" FROM "AidRequestEvent" e WHERE e."requestId" = r."id")) AS "names",
           (SELECT json_agg(json_build_object('id', m."id", 'larkMessageId', m."larkMessageId", 'status', m."status") ORDER BY m."id")
              FROM "OutboxMessage" m WHERE m."idempotencyKey" LIKE ${`${opts.copyPrefix}%`} AND m."kind" = 'SEND') AS "copies",
           (SELECT json_agg(json_build_object('id', a."id", 'kind', a."kind", 'fileName', a."fileName", 'sizeBytes', a."sizeBytes", 'cardImageKey', a."cardImageKey", 'createdAt', a."createdAt") ORDER BY a."id")
              FROM "AidAttachment" a WHERE a."requestId" = r."id" AND a."status" = 'KEPT') AS "attachments"
    FROM "AidRequest" r WHERE r."id" = ${id}`;
  const r = rows[0];
  if (!r) return null;
  const about = memberSnapshot(r);
  if (!about) return null;
  const names = json<Record<string, string> | null>(r.names) ?? {};
  const keys = sealer(tx);
  return {
    ...about,
    req: requestOf(r, keys),
    events: (json<JsonEvent[] | null>(r.events) ?? []).map((e) => eventOf({ ...e, at: utc(e.at) }, keys)),
    names: new Map(Object.entries(names).map(([k, v]) => [Number(k), v])),
    copies: json<CardCopy[] | null>(r.copies) ?? [],
    attachments: (json<(Omit<KeptAttachment, "createdAt"> & { createdAt: string })[] | null>(r.attachments) ?? []).map((a) => ({
      ...a,
      fileName: keys.open("AidAttachment.fileName", a.fileName),
      createdAt: utc(a.createdAt),
    })),
  };
}

/**
 * Everything a new request's approval card shows, read before filing in one query: the member's
 * branch (a 党支部 membership as MEMBER first), who files, what the member received this year,
 * their archive status, the branch's balances and its deciders reachable in Lark.
 */
export async function filingSnapshot(tx: Tx, personId: number, filedById: number, year: YearBounds): Promise<FilingSnapshot | null> {
  const rows = await tx.$queryRaw<(MemberRow & { deciders: Decider[] | string | null })[]>`
    WITH b AS (
      SELECT m."orgId", o."name" AS "orgName" FROM "Membership" m JOIN "Organization" o ON o."id" = m."orgId"
      WHERE m."personId" = ${personId}
      ORDER BY (m."role" <> 'MEMBER'), (o."kind" <> 'BRANCH'), m."id" LIMIT 1
    )
    SELECT b."orgId", b."orgName",
           ${personJson(Prisma.sql`${personId}::int`)} AS "member",
           ${personJson(Prisma.sql`${filedById}::int`, Prisma.sql`AND ${filedById}::int <> ${personId}::int`)} AS "filer",
           ${receivedJson(Prisma.sql`${personId}::int`, year)} AS "received",
           ${hardshipJson(Prisma.sql`${personId}::int`)} AS "hardship",
           ${balancesJson(Prisma.sql`b."orgId"`)} AS "balances",
           (SELECT json_agg(json_build_object('id', d."id", 'name', d."name", 'openId', d."larkOpenId") ORDER BY d."id") FROM (
              SELECT DISTINCT p."id", p."name", p."larkOpenId" FROM "Membership" m JOIN "Person" p ON p."id" = m."personId"
              WHERE m."orgId" = b."orgId" AND m."role" IN ('SECRETARY', 'AID_DELEGATE') AND p."larkOpenId" IS NOT NULL) d) AS "deciders"
    FROM b`;
  const r = rows[0];
  if (!r) return null;
  const about = memberSnapshot(r);
  return about ? { ...about, deciders: json<Decider[] | null>(r.deciders) ?? [] } : null;
}
