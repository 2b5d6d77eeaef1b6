// Who is owed a talk, computed set-based in one statement over every member of the given
// branches: the last talk per member against the branch's cadence (talk-cadence.ts says the
// same in TypeScript). Dates travel as text so no driver turns them into local midnights.
import { loadBranchRules, type BranchRules } from "./branch-rules.ts";
import type { Rows } from "./rows.ts";
import { sealer } from "./sealing.ts";
import { activeMembership, alive, reachable, stillIn } from "./standing.ts";

export interface DueTalk {
  memberId: number;
  memberName: string;
  orgId: number;
  leaderId: number | null;
  leaderName: string | null;
  leaderOpenId: string | null;
  lastTalkOn: string | null;
  since: string;
  inHardship: boolean;
  dueOn: string;
}

export interface DueQuery {
  today: string;
  timeZone: string;
  branches: readonly BranchRules[];
  /** "digest": only talks due within the branch's dueSoonDays (or overdue); "all": every member. */
  horizon: "digest" | "all";
  leaderId?: number;
  memberIds?: number[];
}

/**
 * The due members, unordered (talk-due-pages.ts orders them by leader). Shaped for a million
 * members: every step over all members streams in member order (memberships sorted once, the last
 * talks read in order from the index on (memberId, heldOn) and merged, not hashed), the rules
 * join a small table instead of a million rows, and the names and leaders are read only for the
 * members due (a tenth of them), not for everyone.
 */
export const DUE_ROWS_SQL = `
WITH rules AS (
  SELECT * FROM unnest($3::int[], $4::int[], $5::int[], $6::int[]) AS r(org_id, cadence, hardship_cadence, soon_days)
), branches AS (
  -- Every branch, with its rules when it is one of those asked about: a member's branch is chosen
  -- among all branches before the rules decide whether it is swept.
  SELECT o."id" AS org_id, r.cadence, r.hardship_cadence, r.soon_days
  FROM "Organization" o LEFT JOIN rules r ON r.org_id = o."id"
  WHERE o."kind" = 'BRANCH'
), members AS (
  -- One branch per member: their ACTIVE membership as MEMBER (a departed or suspended member is
  -- owed nothing). Should two be active (a re-import added the new branch before the secretary
  -- confirmed the old one's removal), the newest is where the member now is. The cadence runs
  -- from the day the membership began (roster or transfer), else from the day it was recorded.
  SELECT DISTINCT ON (ms."personId") ms."personId" AS member_id, ms."orgId" AS org_id,
         COALESCE(ms."since", ((ms."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date) AS since,
         b.cadence, b.hardship_cadence, b.soon_days
  FROM "Membership" ms JOIN branches b ON b.org_id = ms."orgId"
  WHERE ms."role" = 'MEMBER' AND ${activeMembership("ms")}
  ORDER BY ms."personId", ms."id" DESC
), last_talk AS (
  SELECT "memberId" AS member_id, max("heldOn") AS last_on FROM "Talk" WHERE "heldOn" <= $1::date GROUP BY "memberId"
), hardship AS (
  SELECT DISTINCT "personId" AS member_id FROM "HardshipEntry" WHERE "status" = 'ACTIVE'
), due AS MATERIALIZED (
  SELECT m.member_id, m.org_id, lt.last_on, m.since, (h.member_id IS NOT NULL) AS in_hardship, d.due_on
  FROM members m
  LEFT JOIN last_talk lt ON lt.member_id = m.member_id
  LEFT JOIN hardship h ON h.member_id = m.member_id
  CROSS JOIN LATERAL (
    SELECT (COALESCE(lt.last_on, m.since)
            + make_interval(months => CASE WHEN h.member_id IS NOT NULL THEN m.hardship_cadence ELSE m.cadence END))::date AS due_on
  ) d
  WHERE m.cadence IS NOT NULL AND m.since <= $1::date
    AND ($7::boolean OR d.due_on <= $1::date + m.soon_days)
    AND ($9::int[] IS NULL OR m.member_id = ANY($9::int[]))
)
SELECT due.member_id AS "memberId", p."name" AS "memberName", due.org_id AS "orgId",
       l."id" AS "leaderId", l."name" AS "leaderName", l."larkOpenId" AS "leaderOpenId",
       due.last_on::text AS "lastTalkOn", due.since::text AS "since", due.in_hardship AS "inHardship",
       due.due_on::text AS "dueOn", due.due_on AS due_day
FROM due
JOIN "Person" p ON p."id" = due.member_id AND ${alive("p")}
-- A leader who left or died reminds nobody: the member then shows as unassigned to the secretary.
LEFT JOIN "Person" l ON l."id" = p."responsibleLeaderId" AND ${reachable("l", ["LEADER", "SECRETARY"])}
WHERE ($8::int IS NULL OR l."id" = $8::int)`;

/** DueTalk's columns of a row of DUE_ROWS_SQL. */
export const DUE_COLUMNS = `d."memberId", d."memberName", d."orgId", d."leaderId", d."leaderName", d."leaderOpenId", d."lastTalkOn", d."since", d."inHardship", d."dueOn"`;

/** The due members in due order (then by member). */
export const DUE_SQL = `SELECT ${DUE_COLUMNS} FROM (${DUE_ROWS_SQL}) d ORDER BY d.due_day, d."memberId"`;

export async function findDueTalks(rows: Rows, q: DueQuery): Promise<DueTalk[]> {
  if (q.branches.length === 0) return [];
  return rows<DueTalk>(DUE_SQL, dueParams(q));
}

/** DUE_SQL's parameters for a query (talk-due-pages.ts reads the same statement through a cursor). */
export function dueParams(q: DueQuery): unknown[] {
  return [
    q.today,
    q.timeZone,
    q.branches.map((b) => b.orgId),
    q.branches.map((b) => b.talk.cadenceMonths),
    q.branches.map((b) => b.talk.hardshipCadenceMonths),
    q.branches.map((b) => b.talk.dueSoonDays),
    q.horizon === "all",
    q.leaderId ?? null,
    q.memberIds ?? null,
  ];
}

/**
 * Per branch: members owed a talk under its cadence, those overdue on `today` (due before it), and
 * those without a leader. The same computation as findDueTalks, counted in the database, so a
 * committee's view over 100,000 members moves a row per branch, not one per member.
 */
export async function countDueTalks(rows: Rows, q: { today: string; timeZone: string; branches: readonly BranchRules[] }): Promise<{ orgId: number; members: number; late: number; unassigned: number }[]> {
  if (q.branches.length === 0) return [];
  return rows(
    `SELECT d."orgId", count(*)::int AS members, count(*) FILTER (WHERE d."dueOn"::date < $1::date)::int AS late, count(*) FILTER (WHERE d."leaderId" IS NULL)::int AS unassigned
     FROM (${DUE_ROWS_SQL}) d GROUP BY d."orgId"`,
    [q.today, q.timeZone, q.branches.map((b) => b.orgId), q.branches.map((b) => b.talk.cadenceMonths), q.branches.map((b) => b.talk.hardshipCadenceMonths), q.branches.map((b) => b.talk.dueSoonDays), true, null, null],
  );
}

/** When the member's next talk falls due under their branch's cadence; null when they are in no branch's roster as a member (or only joined after today). */
export async function nextTalkDueOn(rows: Rows, q: { memberId: number; today: string; timeZone: string }): Promise<string | null> {
  const rules = await loadBranchRules(rows);
  const [due] = await findDueTalks(rows, { today: q.today, timeZone: q.timeZone, branches: [...rules.values()].filter((b) => b.kind === "BRANCH"), horizon: "all", memberIds: [q.memberId] });
  return due?.dueOn ?? null;
}

export interface OpenFollowUp {
  id: number;
  ownerId: number;
  ownerName: string;
  ownerOpenId: string | null;
  description: string;
  dueOn: string;
  memberId: number;
  memberName: string;
  orgId: number;
}

/** Open follow-ups due within the branch's followUpSoonDays, or overdue. */
export async function findDueFollowUps(rows: Rows, q: { today: string; branches: readonly BranchRules[]; ownerId?: number }): Promise<OpenFollowUp[]> {
  if (q.branches.length === 0) return [];
  const due = await rows<OpenFollowUp>(
    `WITH rules AS (SELECT * FROM unnest($2::int[], $3::int[]) AS r(org_id, soon_days))
     SELECT f."id", f."ownerId", o."name" AS "ownerName", o."larkOpenId" AS "ownerOpenId", f."description", f."dueOn"::text AS "dueOn", t."memberId", p."name" AS "memberName", t."orgId"
     FROM "FollowUp" f JOIN "Talk" t ON t."id" = f."talkId" JOIN rules r ON r.org_id = t."orgId" JOIN "Person" p ON p."id" = t."memberId"
     JOIN "Person" o ON o."id" = f."ownerId"
     WHERE f."status" = 'OPEN' AND f."dueOn" <= $1::date + r.soon_days AND ($4::int IS NULL OR f."ownerId" = $4::int)
       AND ${stillIn("p", 't."orgId"')} AND ${reachable("o")}
     ORDER BY f."dueOn", f."id"`,
    [q.today, q.branches.map((b) => b.orgId), q.branches.map((b) => b.talk.followUpSoonDays), q.ownerId ?? null],
  );
  if (due.length === 0) return due;
  const keys = sealer(rows);
  return due.map((f) => ({ ...f, description: keys.open("FollowUp.description", f.description) }));
}

export interface OpenTalkTask {
  id: number;
  orgId: number;
  memberId: number;
  memberName: string;
  leaderId: number;
  leaderName: string;
  leaderOpenId: string | null;
  reason: string;
  note: string | null;
  dueOn: string;
  openedOn: string;
}

/** Open urgent talk tasks in the given branches (few at any time: no horizon needed). */
export async function findOpenTalkTasks(rows: Rows, q: { orgIds: number[]; timeZone: string; leaderId?: number; memberId?: number }): Promise<OpenTalkTask[]> {
  if (q.orgIds.length === 0) return [];
  const open = await rows<OpenTalkTask>(
    `SELECT tt."id", tt."orgId", tt."memberId", m."name" AS "memberName", tt."leaderId", l."name" AS "leaderName",
            -- A leader who left is not written to; the late task still reaches the secretary.
            CASE WHEN ${reachable("l")} THEN l."larkOpenId" END AS "leaderOpenId",
            tt."reason", tt."note", tt."dueOn"::text AS "dueOn", ((tt."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date::text AS "openedOn"
     FROM "TalkTask" tt JOIN "Person" m ON m."id" = tt."memberId" JOIN "Person" l ON l."id" = tt."leaderId"
     WHERE tt."status" = 'OPEN' AND tt."orgId" = ANY($1::int[]) AND ${stillIn("m", 'tt."orgId"')}
       AND ($3::int IS NULL OR tt."leaderId" = $3::int) AND ($4::int IS NULL OR tt."memberId" = $4::int)
     ORDER BY tt."dueOn", tt."id"`,
    [q.orgIds, q.timeZone, q.leaderId ?? null, q.memberId ?? null],
  );
  if (open.length === 0) return open;
  const keys = sealer(rows);
  return open.map((t) => ({ ...t, note: keys.open("TalkTask.note", t.note) }));
}
