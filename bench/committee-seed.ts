// The population the committee benches read, made in SQL (generate_series, INSERT … SELECT) so
// seeding takes seconds to minutes and no Node memory: one community committee (社区党委) over
// 100 branches of 1,000 members each (100,000 members), and a year of care in every branch:
//   - people: per branch a secretary (k = 0), nine more leaders (k = 1..9), an affairs worker
//     (k = 10), the rest members; every member's responsible leader one of the ten; old members,
//     veterans and mobile members spread through; the committee's secretary and affairs worker;
//   - talks: one in the report year for 96% of the members, one the year before for all, a
//     follow-up on every twentieth, open talk tasks;
//   - visits: four festivals for every tenth member (done, some open past their day, a few
//     cancelled), some with money from the fund, and event visits;
//   - aid: 2,000 requests (20 a branch) in every status, each approved one paid from one of the
//     three sources, 5% of them reversed (冲正); the fund's opening income the year before, a
//     quarterly income on each source, a few income reversals, and balances that are exactly what
//     the ledger adds up to (so the year report's reconciliation holds);
//   - hardship: 1,000 archive entries (10 a branch) with their history (opened, level changed,
//     reviewed, resolved), some reviews overdue;
//   - work: training sessions with attendance, training applications, employment cases with
//     events, commendations;
//   - the committee's tables: member-to-member talks, suggestions (named and anonymous, some open
//     long), organisation pairings with contacts and joint activities, escalations.
// Sensitive text columns hold a plain '压测' (a value from before sealing reads as itself).
import type { SqlExecutor } from "../src/store/db.ts";

export const COMMITTEE_BRANCHES = Number(process.env.BENCH_COMMITTEE_BRANCHES ?? 100);
export const MEMBERS_PER_BRANCH = 1000;
export const COMMITTEE_MEMBERS = COMMITTEE_BRANCHES * MEMBERS_PER_BRANCH;
/** The committee's organisation id; branch b (1..B) is organisation b + 1. */
export const COMMITTEE_ORG_ID = 1;
/** The committee's secretary (a person id after every member's). */
export const COMMITTEE_SECRETARY_ID = COMMITTEE_MEMBERS + 1;

/** Counts of what the seed wrote, table by table, for the bench's report. */
export type SeedCounts = Record<string, number>;

const TABLES = [
  "Organization", "Person", "Membership", "Talk", "FollowUp", "TalkTask", "VisitTask", "AidRequest", "AidRequestEvent", "FundEntry", "FundBalance",
  "HardshipEntry", "HardshipHistory", "TrainingSession", "TrainingAttendance", "TrainingApplication", "EmploymentCase", "EmploymentEvent",
  "Commendation", "PeerTalk", "Suggestion", "OrgPairing", "OrgPairingContact", "OrgPairingActivity", "Escalation",
] as const;

/**
 * `year` is the report year; `today` (YYYY-MM-DD, in that year, late in it) the day the digest
 * and the report run on. Everything dated lies before `today`.
 */
export async function seedCommitteePopulation(sql: SqlExecutor, year: number, today: string): Promise<SeedCounts> {
  const B = COMMITTEE_BRANCHES;
  const P = MEMBERS_PER_BRANCH;
  const M = COMMITTEE_MEMBERS;
  const Y = year;
  const T = `DATE '${today}'`;
  // Days from 1 January of the report year to today.
  const span = `(${T} - DATE '${Y}-01-01')`;
  // Person i (1..M): branch organisation (i - 1) / P + 2, place in the branch k = (i - 1) % P.
  const org = (i: string) => `((${i} - 1) / ${P} + 2)`;
  const k = (i: string) => `((${i} - 1) % ${P})`;
  const base = (i: string) => `(((${i} - 1) / ${P}) * ${P})`;
  const leaderOf = (i: string) => `(${base(i)} + 1 + (${k(i)} % 10))`;
  const at = (day: string, hour = 2) => `((${day})::timestamp + interval '${hour} hours')`;

  await sql.exec(`
    INSERT INTO "Organization" ("id", "code", "name", "kind", "updatedAt") VALUES (${COMMITTEE_ORG_ID}, 'cb', '压测社区党委', 'COMMITTEE', now());
    INSERT INTO "Organization" ("id", "code", "name", "kind", "parentId", "updatedAt")
      SELECT b + 1, 'cb-' || b, '压测社区第' || b || '党支部', 'BRANCH', ${COMMITTEE_ORG_ID}, now() FROM generate_series(1, ${B}) b;
    SELECT setval(pg_get_serial_sequence('"Organization"', 'id'), ${B + 1});

    INSERT INTO "Person" ("id", "name", "larkOpenId", "birthDate", "joinedPartyOn", "tags", "whereabouts", "responsibleLeaderId", "updatedAt")
      SELECT i, '党员' || i, 'ou_cb_' || i,
             DATE '1930-01-01' + ((i::bigint * 7919) % 23000)::int,
             DATE '1930-01-01' + ((i::bigint * 7919) % 23000)::int + 6600 + ((i::bigint * 104729) % 4000)::int,
             CASE WHEN ${k("i")} < 11 THEN ARRAY[]::"PersonTag"[]
                  WHEN i % 20 = 0 THEN ARRAY['OLD_MEMBER']::"PersonTag"[]
                  WHEN i % 50 = 1 THEN ARRAY['MOBILE']::"PersonTag"[]
                  WHEN i % 40 = 3 THEN ARRAY['VETERAN']::"PersonTag"[]
                  WHEN i % 97 = 5 THEN ARRAY['OLD_MEMBER', 'OLD_CADRE']::"PersonTag"[]
                  ELSE ARRAY[]::"PersonTag"[] END,
             CASE WHEN ${k("i")} >= 11 AND i % 50 = 1 THEN '外地务工' END,
             CASE WHEN ${k("i")} >= 10 THEN ${leaderOf("i")} END,
             now()
      FROM generate_series(1, ${M}) i;
    INSERT INTO "Person" ("id", "name", "larkOpenId", "updatedAt") VALUES
      (${M + 1}, '党委书记', 'ou_cb_committee_secretary', now()), (${M + 2}, '党委党务', 'ou_cb_committee_worker', now());
    SELECT setval(pg_get_serial_sequence('"Person"', 'id'), ${M + 2});

    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT i, ${org("i")}, 'MEMBER', TIMESTAMP '2020-01-01' FROM generate_series(1, ${M}) i;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT i, ${org("i")}, 'LEADER', TIMESTAMP '2020-01-01' FROM generate_series(1, ${M}) i WHERE ${k("i")} < 10;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT i, ${org("i")}, 'SECRETARY', TIMESTAMP '2020-01-01' FROM generate_series(1, ${M}) i WHERE ${k("i")} = 0;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt")
      SELECT i, ${org("i")}, 'AFFAIRS_WORKER', TIMESTAMP '2020-01-01' FROM generate_series(1, ${M}) i WHERE ${k("i")} = 10;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt") VALUES
      (${M + 1}, ${COMMITTEE_ORG_ID}, 'MEMBER', TIMESTAMP '2020-01-01'), (${M + 1}, ${COMMITTEE_ORG_ID}, 'SECRETARY', TIMESTAMP '2020-01-01'),
      (${M + 2}, ${COMMITTEE_ORG_ID}, 'MEMBER', TIMESTAMP '2020-01-01'), (${M + 2}, ${COMMITTEE_ORG_ID}, 'AFFAIRS_WORKER', TIMESTAMP '2020-01-01');
  `);

  // Talks: one the year before for every member, one in the report year for 96% of them.
  await sql.exec(`
    INSERT INTO "Talk" ("orgId", "memberId", "leaderId", "heldOn", "form", "life", "concernAreas", "createdAt")
      SELECT ${org("i")}, i, ${leaderOf("i")}, DATE '${Y - 1}-01-05' + ((i::bigint * 31) % 350)::int, 'IN_PERSON', '压测', ARRAY['LIFE'], TIMESTAMP '${Y - 1}-06-01'
      FROM generate_series(1, ${M}) i WHERE ${k("i")} >= 10;
    INSERT INTO "Talk" ("orgId", "memberId", "leaderId", "heldOn", "form", "life", "concernAreas", "createdAt")
      SELECT ${org("i")}, i, ${leaderOf("i")}, DATE '${Y}-01-02' + ((i::bigint * 7919) % (${span} - 2))::int,
             (CASE WHEN i % 10 < 7 THEN 'IN_PERSON' WHEN i % 10 < 9 THEN 'PHONE' ELSE 'VIDEO' END)::"TalkForm",
             '压测', CASE i % 4 WHEN 0 THEN ARRAY['LIFE'] WHEN 1 THEN ARRAY['WORK'] WHEN 2 THEN ARRAY['THINKING', 'LIFE'] ELSE ARRAY[]::text[] END,
             ${at(`DATE '${Y}-01-02' + ((i::bigint * 7919) % (${span} - 2))::int`)}
      FROM generate_series(1, ${M}) i WHERE ${k("i")} >= 10 AND i % 25 <> 0;
    INSERT INTO "FollowUp" ("talkId", "ownerId", "description", "dueOn", "status")
      SELECT t."id", t."leaderId", '压测', t."heldOn" + 30, (CASE WHEN t."id" % 3 = 0 THEN 'OPEN' ELSE 'DONE' END)::"TaskStatus"
      FROM "Talk" t WHERE t."id" % 20 = 0 AND t."heldOn" >= DATE '${Y}-01-01';
    INSERT INTO "TalkTask" ("orgId", "memberId", "leaderId", "reason", "note", "dueOn", "createdAt")
      SELECT ${org("i")}, i, ${leaderOf("i")}, 'FLAGGED', '压测', ${T} - (i % 20)::int, ${at(`${T} - 25`)}
      FROM generate_series(1, ${M}) i WHERE ${k("i")} >= 10 AND i % 200 = 11;
  `);

  // Visits: four festivals for every tenth member, event visits for every fiftieth.
  await sql.exec(`
    INSERT INTO "VisitTask" ("orgId", "memberId", "visitorId", "festival", "year", "dueOn", "status", "doneAt", "visitedOn", "how", "amountFen", "fundSource", "goods", "notes", "closedReason", "createdAt")
      SELECT ${org("i")}, i, ${leaderOf("i")}, f.code, ${Y}, f.due,
             (CASE WHEN (i / 10 + f.n) % 20 = 0 THEN 'OPEN' WHEN (i / 10 + f.n) % 33 = 1 THEN 'CANCELLED' ELSE 'DONE' END)::"TaskStatus",
             CASE WHEN (i / 10 + f.n) % 20 <> 0 AND (i / 10 + f.n) % 33 <> 1 THEN ${at("f.due - (i % 7)")} END,
             CASE WHEN (i / 10 + f.n) % 20 <> 0 AND (i / 10 + f.n) % 33 <> 1 THEN f.due - (i % 7) END,
             CASE WHEN (i / 10 + f.n) % 20 <> 0 AND (i / 10 + f.n) % 33 <> 1 THEN (ARRAY['HOME', 'HOME', 'PHONE', 'VIDEO', 'MESSAGE'])[1 + (i / 10) % 5] END,
             CASE WHEN (i / 10 + f.n) % 20 <> 0 AND (i / 10 + f.n) % 33 <> 1 AND i % 30 = 0 THEN 20000 END,
             CASE WHEN (i / 10 + f.n) % 20 <> 0 AND (i / 10 + f.n) % 33 <> 1 AND i % 30 = 0 THEN 'LOCAL_FINANCE'::"FundSource" END,
             '米、油', '压测',
             CASE WHEN (i / 10 + f.n) % 20 <> 0 AND (i / 10 + f.n) % 33 = 1 THEN '压测' END,
             ${at("f.due - 14")}
      FROM generate_series(1, ${M}) i,
           (VALUES (0, 'SPRING_FESTIVAL', DATE '${Y}-02-16'), (1, 'JULY_FIRST', DATE '${Y}-07-01'), (2, 'MID_AUTUMN', DATE '${Y}-09-25'), (3, 'DOUBLE_NINTH', DATE '${Y}-10-18')) AS f(n, code, due)
      WHERE ${k("i")} >= 10 AND i % 10 = 0 AND f.due < ${T};
    INSERT INTO "VisitTask" ("orgId", "memberId", "visitorId", "eventKind", "reason", "dueOn", "status", "doneAt", "visitedOn", "how", "notes", "createdAt")
      SELECT ${org("i")}, i, ${leaderOf("i")}, (ARRAY['ILLNESS', 'BEREAVEMENT', 'DISASTER', 'HARDSHIP', 'FAMILY_CHANGE'])[1 + i % 5], '压测',
             DATE '${Y}-01-10' + ((i::bigint * 13) % (${span} - 10))::int,
             (CASE WHEN i % 7 = 0 THEN 'OPEN' ELSE 'DONE' END)::"TaskStatus",
             CASE WHEN i % 7 <> 0 THEN ${at(`DATE '${Y}-01-10' + ((i::bigint * 13) % (${span} - 10))::int`)} END,
             CASE WHEN i % 7 <> 0 THEN DATE '${Y}-01-10' + ((i::bigint * 13) % (${span} - 10))::int END,
             CASE WHEN i % 7 <> 0 THEN 'HOME' END, '压测',
             ${at(`DATE '${Y}-01-03' + ((i::bigint * 13) % (${span} - 10))::int`)}
      FROM generate_series(1, ${M}) i WHERE ${k("i")} >= 10 AND i % 50 = 27;
  `);

  // Aid requests: 20 a branch, in every status; deciders are the branch's secretary.
  const j = "j";
  const reqOrg = `(${j} / 20 + 2)`;
  const reqPerson = `((${j} / 20) * ${P} + 12 + ((${j}::bigint * 37) % ${P - 12})::int)`;
  const reqDay = `(DATE '${Y}-01-05' + ((${j}::bigint * 13) % (${span} - 8))::int)`;
  const status = `(CASE WHEN ${j} % 100 < 70 THEN 'APPROVED' WHEN ${j} % 100 < 80 THEN 'REJECTED' WHEN ${j} % 100 < 86 THEN 'PENDING'
                        WHEN ${j} % 100 < 90 THEN 'NEEDS_INFO' WHEN ${j} % 100 < 95 THEN 'CANCELLED' ELSE 'REVERSED' END)`;
  const paid = `(${j} % 100 < 70 OR ${j} % 100 >= 95)`;
  const decided = `(${j} % 100 < 80 OR ${j} % 100 >= 95)`;
  await sql.exec(`
    INSERT INTO "AidRequest" ("id", "number", "orgId", "personId", "filedById", "category", "description", "requestedFen", "urgency", "status",
                              "approvedFen", "fundSource", "decidedById", "decidedAt", "decisionNote", "createdAt", "updatedAt")
      SELECT ${j} + 1, '${Y}-' || lpad((${j} + 1)::text, 4, '0'), ${reqOrg}, ${reqPerson}, ${reqPerson},
             (ARRAY['LIVING', 'ILLNESS', 'EMPLOYMENT', 'TRAINING', 'DISASTER', 'OTHER'])[1 + ${j} % 6]::"AidCategory", '压测',
             50000 + ((${j}::bigint * 7919) % 200000)::int, (CASE WHEN ${j} % 9 = 0 THEN 'URGENT' ELSE 'NORMAL' END)::"AidUrgency", ${status}::"AidStatus",
             CASE WHEN ${paid} THEN 50000 + ((${j}::bigint * 7919) % 200000)::int END,
             CASE WHEN ${paid} THEN (ARRAY['LOCAL_FINANCE', 'PARTY_FEE', 'DONATION'])[1 + ${j} % 3]::"FundSource" END,
             CASE WHEN ${decided} THEN (${j} / 20) * ${P} + 1 END,
             CASE WHEN ${decided} THEN ${at(`${reqDay} + 3`, 3)} END,
             CASE WHEN ${decided} THEN '压测' END,
             ${at(reqDay)}, ${at(reqDay)}
      FROM generate_series(0, ${B * 20 - 1}) ${j};
    SELECT setval(pg_get_serial_sequence('"AidRequest"', 'id'), ${B * 20});
    INSERT INTO "AidRequestEvent" ("requestId", "at", "actorId", "type", "note")
      SELECT r."id", r."createdAt", r."personId", 'FILED', NULL FROM "AidRequest" r;
    INSERT INTO "AidRequestEvent" ("requestId", "at", "actorId", "type", "note")
      SELECT r."id", r."decidedAt", r."decidedById", CASE WHEN r."status" = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END, '压测'
      FROM "AidRequest" r WHERE r."decidedAt" IS NOT NULL;
  `);

  // The fund: opening income the year before, quarterly income, payments, reversals; then the
  // balances the ledger adds up to.
  await sql.exec(`
    INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "payer", "note", "recordedById", "createdAt")
      SELECT b + 1, s.source::"FundSource", 'INCOME', s.opening, '压测拨付单位', '期初', (b - 1) * ${P} + 11, TIMESTAMP '${Y - 1}-12-15 02:00'
      FROM generate_series(1, ${B}) b, (VALUES ('LOCAL_FINANCE', 4000000), ('PARTY_FEE', 2500000), ('DONATION', 2000000)) AS s(source, opening);
    INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "payer", "note", "recordedById", "createdAt")
      SELECT b + 1, s.source::"FundSource", 'INCOME', s.amount, '压测拨付单位', '季度拨付', (b - 1) * ${P} + 11, ${at(`DATE '${Y}-01-10' + q * 91`)}
      FROM generate_series(1, ${B}) b, generate_series(0, 3) q, (VALUES ('LOCAL_FINANCE', 500000), ('PARTY_FEE', 200000), ('DONATION', 150000)) AS s(source, amount)
      WHERE DATE '${Y}-01-10' + q * 91 < ${T};
    INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "payeeId", "note", "aidRequestId", "recordedById", "createdAt")
      SELECT r."orgId", r."fundSource", 'DISBURSEMENT', r."approvedFen", r."personId", '帮扶', r."id", r."decidedById", r."decidedAt"
      FROM "AidRequest" r WHERE r."approvedFen" IS NOT NULL;
    INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "payeeId", "note", "visitTaskId", "recordedById", "createdAt")
      SELECT v."orgId", v."fundSource", 'DISBURSEMENT', v."amountFen", v."memberId", '走访慰问', v."id", v."visitorId", v."doneAt"
      FROM "VisitTask" v WHERE v."amountFen" IS NOT NULL;
    INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "reversesId", "reason", "recordedById", "createdAt")
      SELECT e."orgId", e."source", 'REVERSAL', e."amountFen", e."id", '压测冲正', e."recordedById", e."createdAt" + interval '2 days'
      FROM "FundEntry" e JOIN "AidRequest" r ON r."id" = e."aidRequestId" WHERE r."status" = 'REVERSED';
    INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "reversesId", "reason", "recordedById", "createdAt")
      SELECT e."orgId", e."source", 'REVERSAL', e."amountFen", e."id", '压测冲正', e."recordedById", e."createdAt" + interval '1 day'
      FROM "FundEntry" e WHERE e."kind" = 'INCOME' AND e."note" = '季度拨付' AND e."orgId" % 10 = 0 AND e."source" = 'DONATION' AND e."createdAt" < TIMESTAMP '${Y}-02-01';
    INSERT INTO "FundBalance" ("orgId", "source", "balanceFen", "updatedAt")
      SELECT e."orgId", e."source",
             sum(CASE WHEN e."kind" = 'INCOME' THEN e."amountFen" WHEN e."kind" = 'DISBURSEMENT' THEN -e."amountFen"
                      WHEN o."kind" = 'INCOME' THEN -e."amountFen" ELSE e."amountFen" END)::int, now()
      FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
      GROUP BY e."orgId", e."source";
  `);

  // Hardship: 10 entries a branch with their history; a fifth resolved this year, reviews due.
  const h = "h";
  const hPerson = `((${h} / 10) * ${P} + 17 + (${h} % 10) * 50)`;
  await sql.exec(`
    INSERT INTO "HardshipEntry" ("id", "orgId", "personId", "causes", "level", "household", "status", "nextReviewOn", "resolvedReason", "resolvedAt", "createdById", "createdAt", "updatedAt")
      SELECT ${h} + 1, ${h} / 10 + 2, ${hPerson},
             (CASE ${h} % 5 WHEN 0 THEN ARRAY['ILLNESS'] WHEN 1 THEN ARRAY['OLD_AGE'] WHEN 2 THEN ARRAY['UNEMPLOYMENT'] WHEN 3 THEN ARRAY['ILLNESS', 'UNEMPLOYMENT'] ELSE ARRAY['DISASTER'] END)::"HardshipCause"[],
             (ARRAY['GENERAL', 'SERIOUS', 'SPECIAL'])[1 + ${h} % 3]::"HardshipLevel", '压测',
             (CASE WHEN ${h} % 5 = 4 THEN 'RESOLVED' ELSE 'ACTIVE' END)::"HardshipStatus",
             ${T} + ((${h} * 17) % 120)::int - 30,
             CASE WHEN ${h} % 5 = 4 THEN '压测' END,
             CASE WHEN ${h} % 5 = 4 THEN ${at(`DATE '${Y}-03-01' + (${h} % 200)`)} END,
             (${h} / 10) * ${P} + 1,
             CASE WHEN ${h} % 2 = 0 THEN TIMESTAMP '${Y - 1}-05-01 02:00' ELSE ${at(`DATE '${Y}-01-15' + (${h} % 200)`)} END, now()
      FROM generate_series(0, ${B * 10 - 1}) ${h};
    SELECT setval(pg_get_serial_sequence('"HardshipEntry"', 'id'), ${B * 10});
    INSERT INTO "HardshipHistory" ("entryId", "at", "actorId", "action", "changes")
      SELECT e."id", e."createdAt", e."createdById", 'OPENED', jsonb_build_object('level', e."level") FROM "HardshipEntry" e;
    INSERT INTO "HardshipHistory" ("entryId", "at", "actorId", "action", "changes")
      SELECT e."id", TIMESTAMP '${Y}-06-01 02:00' + (e."id" % 100) * interval '1 day', e."createdById", 'UPDATED', jsonb_build_object('level', jsonb_build_array('GENERAL', e."level"))
      FROM "HardshipEntry" e WHERE e."id" % 3 = 0;
    INSERT INTO "HardshipHistory" ("entryId", "at", "actorId", "action", "changes")
      SELECT e."id", TIMESTAMP '${Y}-04-01 02:00' + (e."id" % 150) * interval '1 day', e."createdById", 'REVIEWED', NULL
      FROM "HardshipEntry" e WHERE e."id" % 2 = 1;
    INSERT INTO "HardshipHistory" ("entryId", "at", "actorId", "action", "changes")
      SELECT e."id", e."resolvedAt", e."createdById", 'RESOLVED', jsonb_build_object('status', jsonb_build_array('ACTIVE', 'RESOLVED'))
      FROM "HardshipEntry" e WHERE e."status" = 'RESOLVED';
  `);

  // Work: trainings, applications, employment cases, commendations.
  await sql.exec(`
    INSERT INTO "TrainingSession" ("id", "orgId", "topic", "title", "heldOn", "hours", "recordedById", "createdAt")
      SELECT s + 1, s / 5 + 2, (ARRAY['THEORY', 'LAW', 'MARKET_ECONOMY', 'PRACTICAL_SKILLS', 'PARTY_AFFAIRS'])[1 + s % 5]::"TrainingTopic",
             '压测培训' || s, DATE '${Y}-02-01' + (s % 5) * 60, 3, (s / 5) * ${P} + 11, TIMESTAMP '${Y}-02-01'
      FROM generate_series(0, ${B * 5 - 1}) s;
    SELECT setval(pg_get_serial_sequence('"TrainingSession"', 'id'), ${B * 5});
    INSERT INTO "TrainingAttendance" ("sessionId", "personId")
      SELECT s + 1, (s / 5) * ${P} + 11 + ((s % 5) * 150 + a) FROM generate_series(0, ${B * 5 - 1}) s, generate_series(1, 60) a;
    INSERT INTO "TrainingApplication" ("orgId", "personId", "course", "provider", "startOn", "endOn", "costFen", "asks", "requestedFen", "reason", "status",
                                       "grantedAsks", "decidedById", "decidedAt", "createdAt", "updatedAt")
      SELECT a / 3 + 2, (a / 3) * ${P} + 300 + (a % 3) * 7, '压测课程', '压测培训机构', DATE '${Y}-03-01' + (a % 200), DATE '${Y}-03-01' + (a % 200) + 30,
             300000, ARRAY['TIME_OFF']::"TrainingAsk"[], NULL, '压测',
             (CASE WHEN a % 4 = 0 THEN 'PENDING' WHEN a % 4 = 1 THEN 'REJECTED' ELSE 'APPROVED' END)::"AidStatus",
             CASE WHEN a % 4 >= 2 THEN ARRAY['TIME_OFF']::"TrainingAsk"[] ELSE ARRAY[]::"TrainingAsk"[] END,
             CASE WHEN a % 4 <> 0 THEN (a / 3) * ${P} + 1 END, CASE WHEN a % 4 <> 0 THEN ${at(`DATE '${Y}-02-20' + (a % 200)`)} END,
             ${at(`DATE '${Y}-02-15' + (a % 200)`)}, now()
      FROM generate_series(0, ${B * 3 - 1}) a;
    INSERT INTO "EmploymentCase" ("id", "orgId", "personId", "registeredById", "skills", "kinds", "area", "status", "openedOn", "lastCheckInOn", "employedOn", "outcome", "createdAt", "updatedAt")
      SELECT c + 1, c / 10 + 2, (c / 10) * ${P} + 500 + (c % 10) * 11, (c / 10) * ${P} + 11, '压测',
             ARRAY[(ARRAY['SERVICE', 'LOGISTICS', 'OFFICE', 'CARE'])[1 + c % 4]]::"JobKind"[], '本区',
             (CASE WHEN c % 3 = 0 THEN 'EMPLOYED' WHEN c % 7 = 1 THEN 'CLOSED' ELSE 'OPEN' END)::"EmploymentStatus",
             DATE '${Y}-01-20' + (c % 250), DATE '${Y}-01-20' + (c % 250) + 30,
             CASE WHEN c % 3 = 0 THEN DATE '${Y}-01-20' + (c % 250) + 45 END, CASE WHEN c % 3 = 0 THEN '压测' END,
             ${at(`DATE '${Y}-01-20' + (c % 250)`)}, now()
      FROM generate_series(0, ${B * 10 - 1}) c;
    SELECT setval(pg_get_serial_sequence('"EmploymentCase"', 'id'), ${B * 10});
    INSERT INTO "EmploymentEvent" ("caseId", "at", "actorId", "type", "note")
      SELECT c."id", c."createdAt", c."registeredById", 'REGISTERED', NULL FROM "EmploymentCase" c;
    INSERT INTO "EmploymentEvent" ("caseId", "at", "actorId", "type", "note")
      SELECT c."id", c."createdAt" + interval '30 days', c."personId", CASE WHEN c."status" = 'EMPLOYED' THEN 'EMPLOYED' ELSE 'CHECK_IN' END, '压测' FROM "EmploymentCase" c;
    INSERT INTO "Commendation" ("orgId", "personId", "nominatedById", "title", "level", "deeds", "status", "awardedOn", "decidedById", "decidedAt", "createdAt", "updatedAt")
      SELECT c / 5 + 2, (c / 5) * ${P} + 700 + (c % 5) * 13, (c / 5) * ${P} + 2, '优秀共产党员', (ARRAY['BRANCH', 'BRANCH', 'COMMITTEE', 'HIGHER'])[1 + c % 4]::"CommendLevel", '压测',
             (CASE WHEN c % 6 = 0 THEN 'PENDING' WHEN c % 11 = 1 THEN 'DECLINED' ELSE 'APPROVED' END)::"CommendStatus",
             CASE WHEN c % 6 <> 0 AND c % 11 <> 1 THEN DATE '${Y}-07-01' END,
             CASE WHEN c % 6 <> 0 THEN (c / 5) * ${P} + 1 END, CASE WHEN c % 6 <> 0 THEN TIMESTAMP '${Y}-06-28 02:00' END,
             TIMESTAMP '${Y}-06-20 02:00', now()
      FROM generate_series(0, ${B * 5 - 1}) c;
  `);

  // The committee's tables: member-to-member talks, suggestions, pairings, escalations.
  await sql.exec(`
    INSERT INTO "PeerTalk" ("orgId", "recordedById", "peerId", "heldOn", "form", "notes", "createdAt")
      SELECT ${org("i")}, i, i + 1, DATE '${Y}-01-10' + ((i::bigint * 17) % (${span} - 10))::int, (CASE WHEN i % 3 = 0 THEN 'PHONE' ELSE 'IN_PERSON' END)::"TalkForm", '压测',
             ${at(`DATE '${Y}-01-10' + ((i::bigint * 17) % (${span} - 10))::int`)}
      FROM generate_series(1, ${M}) i WHERE ${k("i")} >= 10 AND ${k("i")} < ${P - 1} AND i % 20 = 3;
    INSERT INTO "Suggestion" ("number", "orgId", "kind", "body", "anonymous", "authorId", "replyTo", "status", "answer", "answeredById", "answeredAt", "createdAt", "updatedAt")
      SELECT '${Y}-' || lpad((${B * 20} + s + 1)::text, 4, '0'), s / 10 + 2, (ARRAY['SUGGESTION', 'OPINION', 'CRITICISM'])[1 + s % 3]::"SuggestionKind", '压测',
             s % 4 = 0, CASE WHEN s % 4 <> 0 THEN (s / 10) * ${P} + 20 + (s % 10) * 37 END, CASE WHEN s % 4 = 0 THEN '压测' END,
             (CASE WHEN s % 3 = 0 THEN 'OPEN' ELSE 'ANSWERED' END)::"SuggestionStatus",
             CASE WHEN s % 3 <> 0 THEN '压测' END, CASE WHEN s % 3 <> 0 THEN (s / 10) * ${P} + 1 END,
             CASE WHEN s % 3 <> 0 THEN ${at(`DATE '${Y}-01-15' + (s % 300) + 4`)} END,
             ${at(`DATE '${Y}-01-15' + ((s::bigint * 7) % (${span} - 15))::int`)}, now()
      FROM generate_series(0, ${B * 10 - 1}) s;
    INSERT INTO "OrgPairing" ("id", "orgId", "partnerOrgId", "partnerName", "kind", "purpose", "status", "startOn", "proposedById", "confirmedById", "confirmedAt", "createdAt", "updatedAt")
      SELECT b, b + 1, CASE WHEN b % 2 = 0 THEN b + 2 END, CASE WHEN b % 2 = 1 THEN '压测共建单位' || b END,
             (ARRAY['URBAN_RURAL', 'DEPARTMENT_BRANCH', 'ORG_HELP', 'OTHER'])[1 + b % 4]::"OrgPairingKind", '压测',
             (CASE WHEN b % 17 = 0 THEN 'ENDED' ELSE 'ACTIVE' END)::"OrgPairingStatus", DATE '${Y - 1}-09-01', (b - 1) * ${P} + 1,
             CASE WHEN b % 2 = 0 THEN b * ${P} + 1 END, CASE WHEN b % 2 = 0 THEN TIMESTAMP '${Y - 1}-09-02 02:00' END,
             TIMESTAMP '${Y - 1}-09-01 02:00', now()
      FROM generate_series(1, ${B - 1}) b;
    SELECT setval(pg_get_serial_sequence('"OrgPairing"', 'id'), ${B - 1});
    INSERT INTO "OrgPairingContact" ("pairingId", "side", "personId", "name", "phone", "duty")
      SELECT p."id", 'OWN', (p."orgId" - 2) * ${P} + 1, '党员' || ((p."orgId" - 2) * ${P} + 1), NULL, '书记' FROM "OrgPairing" p;
    INSERT INTO "OrgPairingContact" ("pairingId", "side", "personId", "name", "phone", "duty")
      SELECT p."id", 'PARTNER', NULL, '压测联系人' || p."id", '13900000000', '联络员' FROM "OrgPairing" p;
    INSERT INTO "OrgPairingActivity" ("pairingId", "orgId", "heldOn", "content", "participants", "recordedById", "createdAt")
      SELECT p."id", p."orgId", DATE '${Y}-01-20' + q * 80, '压测共建活动', 20, (p."orgId" - 2) * ${P} + 1, ${at(`DATE '${Y}-01-20' + q * 80`)}
      FROM "OrgPairing" p, generate_series(0, 3) q WHERE DATE '${Y}-01-20' + q * 80 < ${T} AND (p."id" + q) % 3 <> 0;
    INSERT INTO "Escalation" ("fromOrgId", "toOrgId", "subjectType", "subjectId", "subjectPersonId", "reason", "note", "raisedAt", "status", "closedById", "closedAt", "closingNote")
      SELECT r."orgId", ${COMMITTEE_ORG_ID}, 'AidRequest', r."id", r."personId", 'AID_OVERDUE', NULL, r."createdAt" + interval '8 days',
             (CASE WHEN r."status" IN ('PENDING', 'NEEDS_INFO') THEN 'OPEN' ELSE 'CLOSED' END)::"EscalationStatus",
             CASE WHEN r."status" NOT IN ('PENDING', 'NEEDS_INFO') THEN ${M + 1} END,
             CASE WHEN r."status" NOT IN ('PENDING', 'NEEDS_INFO') THEN r."createdAt" + interval '10 days' END,
             CASE WHEN r."status" NOT IN ('PENDING', 'NEEDS_INFO') THEN '压测' END
      FROM "AidRequest" r WHERE r."id" % 10 IN (1, 4, 7, 8, 9) AND r."createdAt" + interval '8 days' < ${T}::timestamp;
    INSERT INTO "Escalation" ("fromOrgId", "toOrgId", "subjectType", "subjectId", "subjectPersonId", "reason", "note", "raisedById", "raisedAt", "status")
      SELECT e."orgId", ${COMMITTEE_ORG_ID}, 'HardshipEntry', e."id", e."personId", 'REFERRED', '压测', e."createdById", TIMESTAMP '${Y}-05-01 02:00', 'OPEN'
      FROM "HardshipEntry" e WHERE e."id" % 10 = 3;
    ANALYZE;
  `);

  const counts: SeedCounts = {};
  for (const t of TABLES) {
    const [r] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
    counts[t] = r?.n ?? 0;
  }
  return counts;
}
