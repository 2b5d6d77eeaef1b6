// The population the talk-sweep bench sweeps, made in SQL (generate_series) so seeding takes
// seconds and no Node memory: 1,000 branches, each with 5 leaders (the first also secretary)
// and 100 members; every member's responsible leader is one of their branch's five. Last talks
// are spread over the past 13 months (a second, older talk for half of them), so about one
// member in eight is due; one member per leader is well overdue, so every leader gets a digest.
// 2% are in the hardship archive (quarterly cadence); 5,000 follow-ups and 500 urgent talks open.
import type { SqlExecutor } from "../src/store/db.ts";

// `npm run bench -- talk-sweep --members 1000000` (BENCH_MEMBERS) keeps 1,000 branches and one
// leader per 20 members: 1,000,000 members, 50,000 leaders.
export const BENCH_BRANCHES = Number(process.env.BENCH_TALK_BRANCHES ?? 1000);
export const MEMBERS_PER_BRANCH = process.env.BENCH_MEMBERS ? Math.max(20, Math.floor(Number(process.env.BENCH_MEMBERS) / BENCH_BRANCHES)) : 100;
export const LEADERS_PER_BRANCH = Math.floor(MEMBERS_PER_BRANCH / 20);
export const BENCH_LEADERS = BENCH_BRANCHES * LEADERS_PER_BRANCH;
export const BENCH_MEMBERS = BENCH_BRANCHES * MEMBERS_PER_BRANCH;

/** `today` is the sweep's day (YYYY-MM-DD). */
export async function seedTalkPopulation(sql: SqlExecutor, today: string): Promise<void> {
  const b = BENCH_BRANCHES;
  const l = BENCH_LEADERS;
  const m = BENCH_MEMBERS;
  await sql.exec(`
    INSERT INTO "Organization" ("id", "code", "name", "kind", "updatedAt")
      SELECT i, 'tb-' || i, '谈心压测第' || i || '党支部', 'BRANCH', now() FROM generate_series(1, ${b}) i;

    -- Leaders have ids 1..${l}: branch (id - 1) / 5 + 1. Members follow: ${l} + k, k = 0..${m - 1}.
    INSERT INTO "Person" ("id", "name", "larkOpenId", "updatedAt")
      SELECT i, '领导' || i, 'ou_tb_leader_' || i, now() FROM generate_series(1, ${l}) i;
    INSERT INTO "Person" ("id", "name", "larkOpenId", "responsibleLeaderId", "updatedAt")
      SELECT ${l} + 1 + k, '党员' || k, 'ou_tb_member_' || k, (k / ${MEMBERS_PER_BRANCH}) * ${LEADERS_PER_BRANCH} + (k % ${LEADERS_PER_BRANCH}) + 1, now()
      FROM generate_series(0, ${m - 1}) k;
    SELECT setval(pg_get_serial_sequence('"Person"', 'id'), ${l + m});
    SELECT setval(pg_get_serial_sequence('"Organization"', 'id'), ${b});

    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT i, (i - 1) / ${LEADERS_PER_BRANCH} + 1, 'LEADER', TIMESTAMP '2020-01-01' FROM generate_series(1, ${l}) i;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT i, (i - 1) / ${LEADERS_PER_BRANCH} + 1, 'SECRETARY', TIMESTAMP '2020-01-01' FROM generate_series(1, ${l}, ${LEADERS_PER_BRANCH}) i;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT ${l} + 1 + k, k / ${MEMBERS_PER_BRANCH} + 1, 'MEMBER', TIMESTAMP '2020-01-01' FROM generate_series(0, ${m - 1}) k;

    -- The last talk: 0..399 days ago, well overdue (400 days) for the first five members of a branch.
    INSERT INTO "Talk" ("orgId", "memberId", "leaderId", "heldOn", "form", "life", "concernAreas")
      SELECT k / ${MEMBERS_PER_BRANCH} + 1, ${l} + 1 + k, (k / ${MEMBERS_PER_BRANCH}) * ${LEADERS_PER_BRANCH} + (k % ${LEADERS_PER_BRANCH}) + 1,
             DATE '${today}' - CASE WHEN k % ${MEMBERS_PER_BRANCH} < ${LEADERS_PER_BRANCH} THEN 400 ELSE ((k::bigint * 7919) % 400)::int END,
             'IN_PERSON', '压测', ARRAY['LIFE']
      FROM generate_series(0, ${m - 1}) k;
    INSERT INTO "Talk" ("orgId", "memberId", "leaderId", "heldOn", "form", "life", "concernAreas")
      SELECT k / ${MEMBERS_PER_BRANCH} + 1, ${l} + 1 + k, (k / ${MEMBERS_PER_BRANCH}) * ${LEADERS_PER_BRANCH} + 1, DATE '${today}' - 800, 'PHONE', '更早的谈话', ARRAY[]::text[]
      FROM generate_series(0, ${m - 1}, 2) k;

    INSERT INTO "HardshipEntry" ("orgId", "personId", "causes", "level", "household", "nextReviewOn", "updatedAt")
      SELECT k / ${MEMBERS_PER_BRANCH} + 1, ${l} + 1 + k, ARRAY['ILLNESS']::"HardshipCause"[], 'SERIOUS', '压测', DATE '${today}' + 60, now()
      FROM generate_series(0, ${m - 1}) k WHERE k % 50 = 7;

    INSERT INTO "FollowUp" ("talkId", "ownerId", "description", "dueOn")
      SELECT t."id", t."leaderId", '跟进事项' || t."id", DATE '${today}' + (t."id" % 6) - 2
      FROM "Talk" t WHERE t."id" % 20 = 0 AND t."form" = 'IN_PERSON';

    INSERT INTO "TalkTask" ("orgId", "memberId", "leaderId", "reason", "note", "dueOn", "createdAt")
      SELECT k / ${MEMBERS_PER_BRANCH} + 1, ${l} + 1 + k, (k / ${MEMBERS_PER_BRANCH}) * ${LEADERS_PER_BRANCH} + (k % ${LEADERS_PER_BRANCH}) + 1,
             'FLAGGED', '压测', DATE '${today}' + 1, now()
      FROM generate_series(0, ${m - 1}) k WHERE k % 200 = 11;
  `);
  // As autovacuum leaves a table that has been there a while: statistics, and the visibility map
  // that lets an index-only scan (the last talk per member) skip the table.
  await sql.exec("VACUUM ANALYZE");
}
