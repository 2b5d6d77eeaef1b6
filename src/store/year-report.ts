// The year-end report's figures (年度报告), read set-based over every branch below an
// organisation at once: a fixed number of statements, each grouped by branch, whatever the
// number of branches (a committee of 100 branches costs the same round trips as one branch).
// Figures only: no names, no notes. Sealed text is opened in one place (the hardship history's
// level changes), never compared in SQL.
import { AID_CATEGORIES, FUND_SOURCES, type AidCategory, type FundEntryKind, type FundSource } from "../domain/aid-rules.ts";
import { addDays, type Day } from "../domain/calendar-day.ts";
import {
  COMMEND_LEVELS,
  emptyFigures,
  reconcileFund,
  reportAsOf,
  sumFigures,
  type CommendLevelName,
  type FundSum,
  type TalkFormName,
  type VisitCount,
  type YearFigures,
  type YearReport,
} from "../domain/year-report.ts";
import { startOfDayIn } from "../domain/zoned-time.ts";
import type { Rows } from "./rows.ts";
import { openJson, sealer } from "./sealing.ts";

export interface YearQuery {
  /** A branch, or an organisation above branches (its report covers every branch below, at any depth). */
  orgId: number;
  year: number;
  /** Today in the configured zone: the current year's figures are as of today. */
  today: Day;
  timeZone: string;
}

type OrgRow = { id: number; name: string; kind: "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH" };

// Timestamps are stored as UTC without a zone: instants passed in are compared as
// ($n::timestamptz AT TIME ZONE 'UTC'), as everywhere in the store.
const AT = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

/** The report of one year for `orgId`: each branch's part and their total; null when there is no such organisation. */
export async function yearReport(rows: Rows, q: YearQuery): Promise<YearReport | null> {
  const tree = await rows<OrgRow>(
    `WITH RECURSIVE t AS (SELECT "id", 0 AS depth FROM "Organization" WHERE "id" = $1
                          UNION ALL SELECT o."id", t.depth + 1 FROM "Organization" o JOIN t ON o."parentId" = t."id" WHERE t.depth < 20)
     SELECT o."id", o."name", o."kind"::text AS "kind" FROM "Organization" o JOIN t ON t."id" = o."id" ORDER BY o."id"`,
    [q.orgId],
  );
  const root = tree.find((o) => o.id === q.orgId);
  if (!root) return null;
  const branches = tree.filter((o) => o.kind === "BRANCH");
  const asOf = reportAsOf(q.year, q.today);
  const first: Day = `${q.year}-01-01`;
  const last: Day = `${q.year}-12-31`;
  const start = startOfDayIn(first, q.timeZone);
  const end = startOfDayIn(addDays(last, 1), q.timeZone);
  const ids = branches.map((b) => b.id);
  const figures = new Map(ids.map((id) => [id, emptyFigures()]));
  const of = (orgId: number): YearFigures => figures.get(orgId)!;

  if (ids.length > 0) {
    await readTalks(rows, ids, { first, last, asOf, timeZone: q.timeZone }, of);
    await readVisits(rows, ids, { year: q.year, first, last }, of);
    await readAid(rows, ids, { start, end }, of);
    await readFund(rows, ids, { start, end }, of);
    await readHardship(rows, ids, { start, end }, of);
    await readWork(rows, ids, { first, last, start, end, timeZone: q.timeZone }, of);
    await readVoice(rows, ids, { first, last, start, end }, of);
  }

  const parts = branches.map((b) => ({ orgId: b.id, name: b.name, figures: of(b.id) }));
  const total = sumFigures(parts.map((p) => p.figures));
  // A pairing of two branches of the same committee is one pairing in its total.
  if (ids.length > 1) total.pairings.active = await distinctPairings(rows, ids, { first, last });
  return { org: { id: root.id, name: root.name, committee: root.kind !== "BRANCH" }, year: q.year, asOf, total, parts };
}

type Span = { first: Day; last: Day };

async function readTalks(rows: Rows, ids: number[], p: Span & { asOf: Day; timeZone: string }, of: (id: number) => YearFigures): Promise<void> {
  // Members on the roll on asOf: a MEMBER role begun by then and not ended (or suspended) before
  // it, alive on it. The cadence owes each of them a leader's talk at least once a year; talked
  // with = a talk held with them in these branches during the year.
  const members = await rows<{ orgId: number; due: number; talked: number; mobile: number; trained: number }>(
    // Set-based: who was talked with, and who trained in their branch, as hashed sets joined to
    // the roll (a correlated probe per member cost seconds over 100,000 members).
    `WITH m AS MATERIALIZED (
       SELECT DISTINCT ms."orgId" AS org_id, ms."personId" AS person_id
       FROM "Membership" ms JOIN "Person" p ON p."id" = ms."personId"
       WHERE ms."orgId" = ANY($1::int[]) AND ms."role" = 'MEMBER'
         AND COALESCE(ms."since", ((ms."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $4)::date) <= $3::date
         AND (ms."status" = 'ACTIVE' OR ms."endedOn" > $3::date)
         AND (p."deceasedOn" IS NULL OR p."deceasedOn" > $3::date)
     ), talked AS (
       SELECT DISTINCT t."memberId" AS person_id FROM "Talk" t
       WHERE t."orgId" = ANY($1::int[]) AND t."heldOn" BETWEEN $2::date AND $3::date
     ), trained AS (
       SELECT DISTINCT s."orgId" AS org_id, a."personId" AS person_id
       FROM "TrainingAttendance" a JOIN "TrainingSession" s ON s."id" = a."sessionId"
       WHERE s."orgId" = ANY($1::int[]) AND s."heldOn" BETWEEN $2::date AND $3::date
     )
     SELECT m.org_id AS "orgId", count(*)::int AS due, count(tk.person_id)::int AS talked,
            count(*) FILTER (WHERE 'MOBILE' = ANY(p."tags"))::int AS mobile, count(tr.person_id)::int AS trained
     FROM m JOIN "Person" p ON p."id" = m.person_id
     LEFT JOIN talked tk ON tk.person_id = m.person_id
     LEFT JOIN trained tr ON tr.org_id = m.org_id AND tr.person_id = m.person_id
     GROUP BY m.org_id`,
    [ids, p.first, p.asOf, p.timeZone],
  );
  for (const r of members) {
    const f = of(r.orgId);
    f.talks.due = r.due;
    f.talks.talkedWith = r.talked;
    f.mobile.members = r.mobile;
    f.training.members = r.due;
    f.training.membersTrained = r.trained;
  }
  const held = await rows<{ orgId: number; form: TalkFormName; n: number }>(
    `SELECT "orgId", "form"::text AS "form", count(*)::int AS n FROM "Talk"
     WHERE "orgId" = ANY($1::int[]) AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY 1, 2`,
    [ids, p.first, p.last],
  );
  for (const r of held) {
    of(r.orgId).talks.byForm[r.form] += r.n;
    of(r.orgId).talks.held += r.n;
  }
  const peer = await rows<{ orgId: number; n: number; members: number }>(
    `SELECT pt."orgId", count(DISTINCT pt."id")::int AS n, count(DISTINCT who)::int AS members
     FROM "PeerTalk" pt CROSS JOIN LATERAL unnest(ARRAY[pt."recordedById", pt."peerId"]) AS who
     WHERE pt."orgId" = ANY($1::int[]) AND pt."heldOn" BETWEEN $2::date AND $3::date GROUP BY 1`,
    [ids, p.first, p.last],
  );
  for (const r of peer) {
    of(r.orgId).talks.peerTalks = r.n;
    of(r.orgId).talks.peerMembers = r.members;
  }
}

async function readVisits(rows: Rows, ids: number[], p: Span & { year: number }, of: (id: number) => YearFigures): Promise<void> {
  // Festival visits of the year's festivals; event visits (六必访) due in the year. Cancelled ones
  // (the member moved away, died) were owed to nobody in the end.
  const visits = await rows<{ orgId: number; festival: string | null; eventKind: string | null; done: boolean; source: FundSource | null; n: number; fen: string }>(
    `SELECT "orgId", "festival", "eventKind", ("status" = 'DONE') AS done, "fundSource"::text AS "source", count(*)::int AS n, COALESCE(sum("amountFen"), 0)::text AS fen
     FROM "VisitTask"
     WHERE "orgId" = ANY($1::int[]) AND "status" <> 'CANCELLED'
       AND (("festival" IS NOT NULL AND "year" = $2) OR ("festival" IS NULL AND "dueOn" BETWEEN $3::date AND $4::date))
     GROUP BY 1, 2, 3, 4, 5`,
    [ids, p.year, p.first, p.last],
  );
  for (const r of visits) {
    const v = of(r.orgId).visits;
    const book = r.festival !== null ? v.byFestival : v.byEvent;
    const key = r.festival ?? r.eventKind ?? "OTHER";
    const c: VisitCount = (book[key] ??= { done: 0, planned: 0, amountFen: 0 });
    if (r.done) {
      const fen = Number(r.fen);
      c.done += r.n;
      c.amountFen += fen;
      v.done += r.n;
      v.amountBySource[r.source ?? "NONE"] += fen;
    } else {
      c.planned += r.n;
      v.planned += r.n;
    }
  }
}

async function readAid(rows: Rows, ids: number[], p: { start: Date; end: Date }, of: (id: number) => YearFigures): Promise<void> {
  const requests = await rows<{ orgId: number; category: AidCategory; source: FundSource | null; status: string; n: number }>(
    `SELECT "orgId", "category"::text AS "category", "fundSource"::text AS "source", "status"::text AS "status", count(*)::int AS n
     FROM "AidRequest" WHERE "orgId" = ANY($1::int[]) AND "createdAt" >= ${AT(2)} AND "createdAt" < ${AT(3)} GROUP BY 1, 2, 3, 4`,
    [ids, p.start, p.end],
  );
  for (const r of requests) {
    const a = of(r.orgId).aid;
    if (!AID_CATEGORIES.includes(r.category)) continue;
    a.byCategory[r.category].filed += r.n;
    if (r.status === "APPROVED") {
      a.byCategory[r.category].approved += r.n;
      if (r.source) a.bySource[r.source].approved += r.n;
    }
    if (r.status === "REJECTED") a.byCategory[r.category].rejected += r.n;
  }
  // Paid: the year's payments for aid requests, less the reversals of such payments booked in the
  // year (a reversal carries no request: it is found through the entry it undid).
  const paid = await rows<{ orgId: number; category: AidCategory; source: FundSource; fen: string }>(
    `SELECT e."orgId", r."category"::text AS "category", e."source"::text AS "source",
            sum(CASE WHEN e."kind" = 'DISBURSEMENT' THEN e."amountFen" ELSE -e."amountFen" END)::text AS fen
     FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
     JOIN "AidRequest" r ON r."id" = COALESCE(e."aidRequestId", o."aidRequestId")
     WHERE e."orgId" = ANY($1::int[]) AND e."createdAt" >= ${AT(2)} AND e."createdAt" < ${AT(3)}
       AND (e."kind" = 'DISBURSEMENT' OR (e."kind" = 'REVERSAL' AND o."kind" = 'DISBURSEMENT'))
     GROUP BY 1, 2, 3`,
    [ids, p.start, p.end],
  );
  for (const r of paid) {
    const a = of(r.orgId).aid;
    const fen = Number(r.fen);
    if (AID_CATEGORIES.includes(r.category)) a.byCategory[r.category].paidFen += fen;
    a.bySource[r.source].paidFen += fen;
  }
}

async function readFund(rows: Rows, ids: number[], p: { start: Date; end: Date }, of: (id: number) => YearFigures): Promise<void> {
  const sums = await rows<{ orgId: number; source: FundSource; kind: FundEntryKind; reverses: FundEntryKind | null; when: FundSum["when"]; fen: string; n: number }>(
    `SELECT e."orgId", e."source"::text AS "source", e."kind"::text AS "kind", o."kind"::text AS "reverses",
            CASE WHEN e."createdAt" < ${AT(2)} THEN 'before' WHEN e."createdAt" < ${AT(3)} THEN 'during' ELSE 'after' END AS "when",
            sum(e."amountFen")::text AS fen, count(*)::int AS n
     FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
     WHERE e."orgId" = ANY($1::int[]) GROUP BY 1, 2, 3, 4, 5`,
    [ids, p.start, p.end],
  );
  const balances = await rows<{ orgId: number; source: FundSource; balanceFen: number }>(`SELECT "orgId", "source"::text AS "source", "balanceFen" FROM "FundBalance" WHERE "orgId" = ANY($1::int[])`, [ids]);
  for (const id of ids) {
    const mine = sums.filter((s) => s.orgId === id).map((s) => ({ source: s.source, kind: s.kind, reverses: s.reverses, when: s.when, amountFen: Number(s.fen), count: s.n }));
    const bal: Partial<Record<FundSource, number>> = {};
    for (const b of balances) if (b.orgId === id && FUND_SOURCES.includes(b.source)) bal[b.source] = b.balanceFen;
    of(id).fund = reconcileFund(mine, bal);
  }
}

async function readHardship(rows: Rows, ids: number[], p: { start: Date; end: Date }, of: (id: number) => YearFigures): Promise<void> {
  const entries = await rows<{ orgId: number; atStart: number; opened: number; resolved: number; atEnd: number }>(
    `SELECT "orgId",
            count(*) FILTER (WHERE "createdAt" < ${AT(2)} AND ("status" = 'ACTIVE' OR "resolvedAt" >= ${AT(2)}))::int AS "atStart",
            count(*) FILTER (WHERE "createdAt" >= ${AT(2)} AND "createdAt" < ${AT(3)})::int AS opened,
            count(*) FILTER (WHERE "resolvedAt" >= ${AT(2)} AND "resolvedAt" < ${AT(3)})::int AS resolved,
            count(*) FILTER (WHERE "createdAt" < ${AT(3)} AND ("status" = 'ACTIVE' OR "resolvedAt" >= ${AT(3)}))::int AS "atEnd"
     FROM "HardshipEntry" WHERE "orgId" = ANY($1::int[]) GROUP BY 1`,
    [ids, p.start, p.end],
  );
  for (const r of entries) Object.assign(of(r.orgId).hardship, { activeAtStart: r.atStart, opened: r.opened, resolved: r.resolved, activeAtEnd: r.atEnd });
  // A level change is an UPDATED line (a correction) or a REVIEWED one (a review that kept the
  // entry at another level) whose sealed changes name the level: opened here, in memory.
  const updates = await rows<{ orgId: number; changes: unknown }>(
    `SELECT e."orgId", h."changes" FROM "HardshipHistory" h JOIN "HardshipEntry" e ON e."id" = h."entryId"
     WHERE e."orgId" = ANY($1::int[]) AND h."action" IN ('UPDATED', 'REVIEWED') AND h."at" >= ${AT(2)} AND h."at" < ${AT(3)}`,
    [ids, p.start, p.end],
  );
  if (updates.length === 0) return;
  const keys = sealer(rows);
  for (const u of updates) {
    const changes = openJson<Record<string, unknown>>(keys, "HardshipHistory.changes", u.changes);
    if (changes && typeof changes === "object" && "level" in changes) of(u.orgId).hardship.levelChanges += 1;
  }
}

async function readWork(rows: Rows, ids: number[], p: Span & { start: Date; end: Date; timeZone: string }, of: (id: number) => YearFigures): Promise<void> {
  const sessions = await rows<{ orgId: number; sessions: number; attendance: number }>(
    `SELECT s."orgId", count(DISTINCT s."id")::int AS sessions, count(a."id")::int AS attendance
     FROM "TrainingSession" s LEFT JOIN "TrainingAttendance" a ON a."sessionId" = s."id"
     WHERE s."orgId" = ANY($1::int[]) AND s."heldOn" BETWEEN $2::date AND $3::date GROUP BY 1`,
    [ids, p.first, p.last],
  );
  for (const r of sessions) Object.assign(of(r.orgId).training, { sessions: r.sessions, attendance: r.attendance });
  // A reversed (冲正) subsidy was not granted in the end: its application is REVERSED, not APPROVED.
  const apps = await rows<{ orgId: number; filed: number; granted: number; fen: string | null }>(
    `SELECT "orgId", count(*)::int AS filed, count(*) FILTER (WHERE "status" = 'APPROVED')::int AS granted,
            sum("subsidyFen") FILTER (WHERE "status" = 'APPROVED')::text AS fen
     FROM "TrainingApplication" WHERE "orgId" = ANY($1::int[]) AND "createdAt" >= ${AT(2)} AND "createdAt" < ${AT(3)} GROUP BY 1`,
    [ids, p.start, p.end],
  );
  for (const r of apps) Object.assign(of(r.orgId).training, { applications: r.filed, granted: r.granted, subsidyFen: Number(r.fen ?? 0) });
  const cases = await rows<{ orgId: number; registered: number; employed: number }>(
    `SELECT "orgId", count(*) FILTER (WHERE "openedOn" BETWEEN $2::date AND $3::date)::int AS registered,
            count(*) FILTER (WHERE "status" = 'EMPLOYED' AND "employedOn" BETWEEN $2::date AND $3::date)::int AS employed
     FROM "EmploymentCase" WHERE "orgId" = ANY($1::int[]) GROUP BY 1`,
    [ids, p.first, p.last],
  );
  for (const r of cases) of(r.orgId).employment = { registered: r.registered, employed: r.employed };
  const commend = await rows<{ orgId: number; level: CommendLevelName; n: number }>(
    `SELECT "orgId", "level"::text AS "level", count(*)::int AS n FROM "Commendation"
     WHERE "orgId" = ANY($1::int[]) AND "status" = 'APPROVED'
       AND COALESCE("awardedOn", (("decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE $4)::date) BETWEEN $2::date AND $3::date
     GROUP BY 1, 2`,
    [ids, p.first, p.last, p.timeZone],
  );
  for (const r of commend) if (COMMEND_LEVELS.includes(r.level)) of(r.orgId).commendations[r.level] += r.n;
  const contacts = await rows<{ orgId: number; n: number }>(
    `SELECT "orgId", count(*)::int AS n FROM "ContactLog" WHERE "orgId" = ANY($1::int[]) AND "kind" = 'MOBILE' AND "at" >= ${AT(2)} AND "at" < ${AT(3)} GROUP BY 1`,
    [ids, p.start, p.end],
  );
  for (const r of contacts) of(r.orgId).mobile.contacts = r.n;
}

// A pairing counts for the year when it was live at some time in it.
const LIVE_PAIRING = `p."status" IN ('ACTIVE', 'ENDED') AND p."startOn" <= $3::date AND (p."status" = 'ACTIVE' OR p."endOn" >= $2::date)`;

async function readVoice(rows: Rows, ids: number[], p: Span & { start: Date; end: Date }, of: (id: number) => YearFigures): Promise<void> {
  // Organisation pairings: each side in these branches counts it (a branch set up or was asked into it).
  const pairings = await rows<{ orgId: number; n: number }>(
    `SELECT side AS "orgId", count(DISTINCT p."id")::int AS n
     FROM "OrgPairing" p CROSS JOIN LATERAL unnest(ARRAY[p."orgId", p."partnerOrgId"]) AS side
     WHERE side = ANY($1::int[]) AND ${LIVE_PAIRING} GROUP BY 1`,
    [ids, p.first, p.last],
  );
  for (const r of pairings) of(r.orgId).pairings.active = r.n;
  const activities = await rows<{ orgId: number; n: number }>(
    `SELECT "orgId", count(*)::int AS n FROM "OrgPairingActivity" WHERE "orgId" = ANY($1::int[]) AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY 1`,
    [ids, p.first, p.last],
  );
  for (const r of activities) of(r.orgId).pairings.activities = r.n;
  const suggestions = await rows<{ orgId: number; received: number; answered: number; anonymous: number }>(
    `SELECT "orgId", count(*)::int AS received, count(*) FILTER (WHERE "status" = 'ANSWERED')::int AS answered, count(*) FILTER (WHERE "anonymous")::int AS anonymous
     FROM "Suggestion" WHERE "orgId" = ANY($1::int[]) AND "createdAt" >= ${AT(2)} AND "createdAt" < ${AT(3)} GROUP BY 1`,
    [ids, p.start, p.end],
  );
  for (const r of suggestions) of(r.orgId).suggestions = { received: r.received, answered: r.answered, anonymous: r.anonymous };
}

async function distinctPairings(rows: Rows, ids: number[], p: Span): Promise<number> {
  const [r] = await rows<{ n: number }>(
    `SELECT count(*)::int AS n FROM "OrgPairing" p WHERE (p."orgId" = ANY($1::int[]) OR p."partnerOrgId" = ANY($1::int[])) AND ${LIVE_PAIRING}`,
    [ids, p.first, p.last],
  );
  return r?.n ?? 0;
}

export interface ScopeOrg {
  id: number;
  name: string;
  code: string;
  kind: "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH";
  /** The organisation of `orgIds` it was found under. */
  rootId: number;
}

/** The given organisations and every one below them (a committee secretary's reach), with names and codes. */
export async function reportScopes(rows: Rows, orgIds: number[]): Promise<ScopeOrg[]> {
  if (orgIds.length === 0) return [];
  return rows<ScopeOrg>(
    `WITH RECURSIVE t AS (SELECT "id", "id" AS root, 0 AS depth FROM "Organization" WHERE "id" = ANY($1::int[])
                          UNION ALL SELECT o."id", t.root, t.depth + 1 FROM "Organization" o JOIN t ON o."parentId" = t."id" WHERE t.depth < 20)
     SELECT o."id", o."name", o."code", o."kind"::text AS "kind", t.root AS "rootId" FROM "Organization" o JOIN t ON t."id" = o."id" ORDER BY t.root, o."id"`,
    [orgIds],
  );
}

/** The December reminder's key: one card per organisation, year and secretary, however often the task runs. */
export const yearReportReminderKey = (orgId: number, year: number, personId: number): string => `year-report-reminder-${orgId}-${year}-${personId}`;
