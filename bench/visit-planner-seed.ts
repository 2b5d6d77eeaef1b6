// The population the visit-planner bench plans for, made in SQL (generate_series) so seeding
// 100,000 members takes seconds and no Node memory: 20 branches with a secretary each, 2,000
// leaders each responsible for 50 members, tags, ages and party standing spread over the
// range the rules look at, 3% in the hardship archive, 2% paired with a helper.
import type { SqlExecutor } from "../src/store/db.ts";

// `npm run bench -- visit-planner --members 1000000` (BENCH_MEMBERS) seeds the shape of a large
// deployment: 1,000 members per branch and one leader per 20 members (1,000 branches, 50,000 leaders).
const scaled = process.env.BENCH_MEMBERS !== undefined;
export const BENCH_MEMBERS = Number(process.env.BENCH_MEMBERS ?? process.env.BENCH_VISIT_MEMBERS ?? 100_000);
export const BENCH_BRANCHES = scaled ? Math.max(1, Math.floor(BENCH_MEMBERS / 1000)) : 20;
export const BENCH_LEADERS = Math.max(1, Math.floor(BENCH_MEMBERS / (scaled ? 20 : 50)));

export async function seedVisitPopulation(sql: SqlExecutor): Promise<void> {
  const m = BENCH_MEMBERS;
  const b = BENCH_BRANCHES;
  const l = BENCH_LEADERS;
  await sql.exec(`
    INSERT INTO "Organization" ("code", "name", "kind", "updatedAt")
      SELECT 'bench-' || i, '压测第' || i || '党支部', 'BRANCH', now() FROM generate_series(1, ${b}) i;

    -- Secretaries, then leaders, then members; ids follow in that order.
    INSERT INTO "Person" ("name", "larkOpenId", "birthDate", "joinedPartyOn", "updatedAt")
      SELECT '书记' || i, 'ou_bench_sec_' || i, DATE '1970-01-01', DATE '1995-07-01', now() FROM generate_series(1, ${b}) i;
    INSERT INTO "Person" ("name", "larkOpenId", "birthDate", "joinedPartyOn", "updatedAt")
      SELECT '领导' || i, 'ou_bench_leader_' || i, DATE '1975-01-01', DATE '2000-07-01', now() FROM generate_series(1, ${l}) i;
    INSERT INTO "Person" ("name", "birthDate", "joinedPartyOn", "tags", "responsibleLeaderId", "updatedAt")
      SELECT '党员' || i,
             DATE '1925-01-01' + ((i::bigint * 7919) % 27000)::int,
             DATE '1925-01-01' + ((i::bigint * 7919) % 27000)::int + 6570 + ((i::bigint * 104729) % 9000)::int,
             CASE WHEN i % 20 = 0 THEN ARRAY['OLD_MEMBER']::"PersonTag"[]
                  WHEN i % 50 = 1 THEN ARRAY['OLD_CADRE']::"PersonTag"[]
                  WHEN i % 100 = 2 THEN ARRAY['OLD_MODEL']::"PersonTag"[]
                  WHEN i % 40 = 3 THEN ARRAY['VETERAN']::"PersonTag"[]
                  ELSE ARRAY[]::"PersonTag"[] END,
             ${b} + 1 + ((i - 1) % ${l}),
             now()
      FROM generate_series(1, ${m}) i;

    INSERT INTO "Membership" ("personId", "orgId", "role")
      SELECT i, i, 'SECRETARY' FROM generate_series(1, ${b}) i;
    INSERT INTO "Membership" ("personId", "orgId", "role")
      SELECT ${b} + i, 1 + ((i - 1) % ${b}), 'LEADER' FROM generate_series(1, ${l}) i;
    INSERT INTO "Membership" ("personId", "orgId", "role")
      SELECT ${b} + ${l} + i, 1 + (((i - 1) % ${l}) % ${b}), 'MEMBER' FROM generate_series(1, ${m}) i;

    INSERT INTO "HardshipEntry" ("orgId", "personId", "causes", "level", "household", "nextReviewOn", "updatedAt")
      SELECT 1 + (((i - 1) % ${l}) % ${b}), ${b} + ${l} + i, ARRAY['ILLNESS']::"HardshipCause"[], 'GENERAL', '-', DATE '2028-01-01', now()
      FROM generate_series(1, ${m}) i WHERE i % 33 = 5;

    INSERT INTO "Pairing" ("orgId", "memberId", "helperKind", "helperPersonId", "startOn")
      SELECT 1 + (((i - 1) % ${l}) % ${b}), ${b} + ${l} + i, 'LEADER', ${b} + 1 + ((i::bigint * 31) % ${l})::int, DATE '2027-01-01'
      FROM generate_series(1, ${m}) i WHERE i % 50 = 7;
  `);
  // As autovacuum leaves a table that has been there a while: statistics, and the visibility map
  // that lets index-only scans skip the table.
  await sql.exec("VACUUM ANALYZE");
}
