// The rows of the branch ledger (台账) beyond the analysis figures: the talks of the period and
// the hardship archive. Talk notes only when asked for (and the caller audits that export).
import { type Day } from "../domain/calendar-day.ts";
import type { Rows } from "./rows.ts";
import { openFields, sealer } from "./sealing.ts";

export interface LedgerTalk {
  id: number;
  heldOn: Day;
  memberId: number;
  memberName: string;
  leaderName: string;
  form: "IN_PERSON" | "PHONE" | "VIDEO";
  concernAreas: string[];
  followUps: number;
  thinking?: string | null;
  work?: string | null;
  life?: string | null;
  concerns?: string | null;
}

export async function ledgerTalks(rows: Rows, q: { orgId: number; start: Day; end: Day; withNotes: boolean }): Promise<LedgerTalk[]> {
  const notes = q.withNotes ? `, t."thinking", t."work", t."life", t."concerns"` : "";
  const talks = await rows<LedgerTalk>(
    `SELECT t."id", t."heldOn"::text AS "heldOn", t."memberId", m."name" AS "memberName", l."name" AS "leaderName", t."form", COALESCE(t."concernAreas", '{}') AS "concernAreas",
            (SELECT count(*)::int FROM "FollowUp" f WHERE f."talkId" = t."id") AS "followUps"${notes}
     FROM "Talk" t JOIN "Person" m ON m."id" = t."memberId" JOIN "Person" l ON l."id" = t."leaderId"
     WHERE t."orgId" = $1 AND t."heldOn" BETWEEN $2::date AND $3::date ORDER BY t."heldOn", t."id"`,
    [q.orgId, q.start, q.end],
  );
  if (!q.withNotes) return talks;
  const keys = sealer(rows);
  return talks.map((t) => openFields(keys, "Talk", t, ["thinking", "work", "life", "concerns"]));
}

export interface LedgerEntry {
  memberName: string;
  status: "ACTIVE" | "RESOLVED";
  level: "GENERAL" | "SERIOUS" | "SPECIAL";
  causes: string[];
  nextReviewOn: Day;
  resolvedOn: Day | null;
}

export async function ledgerArchive(rows: Rows, q: { orgId: number; timeZone: string }): Promise<LedgerEntry[]> {
  return rows<LedgerEntry>(
    `SELECT p."name" AS "memberName", e."status", e."level", e."causes"::text[] AS "causes", e."nextReviewOn"::text AS "nextReviewOn",
            ((e."resolvedAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date::text AS "resolvedOn"
     FROM "HardshipEntry" e JOIN "Person" p ON p."id" = e."personId"
     WHERE e."orgId" = $1 ORDER BY e."status", e."nextReviewOn", e."id"`,
    [q.orgId, q.timeZone],
  );
}
