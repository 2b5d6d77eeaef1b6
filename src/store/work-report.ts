// Gathers the work-care figures of a branch for the analysis: one statement per topic, like the
// rest of branch-analysis.ts, through the same Rows port (pool for sweeps, transaction for commands).
import { addDays, type Day } from "../domain/calendar-day.ts";
import { startOfDayIn } from "../domain/zoned-time.ts";
import type { TrainingTopic } from "../domain/training-rules.ts";
import { emptyTopics, openCaseFigure, type WorkFigures } from "../domain/work-report.ts";
import type { Rows } from "./rows.ts";

export async function workFigures(rows: Rows, q: { orgId: number; start: Day; asOf: Day; timeZone: string }): Promise<WorkFigures> {
  const year = Number(q.asOf.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const from = startOfDayIn(q.start, q.timeZone);
  const until = startOfDayIn(addDays(q.asOf, 1), q.timeZone);

  // Everyone of the branch once, with whether they attended a training this year.
  const people = await rows<{ name: string; member: boolean; worker: boolean; trained: boolean }>(
    `SELECT p."name", bool_or(ms."role" = 'MEMBER') AS member, bool_or(ms."role" = 'AFFAIRS_WORKER') AS worker,
            EXISTS (SELECT 1 FROM "TrainingAttendance" a JOIN "TrainingSession" s ON s."id" = a."sessionId"
                    WHERE a."personId" = p."id" AND s."orgId" = $1 AND s."heldOn" BETWEEN $2::date AND $3::date) AS trained
     FROM "Membership" ms JOIN "Person" p ON p."id" = ms."personId"
     WHERE ms."orgId" = $1 AND ms."role" IN ('MEMBER', 'AFFAIRS_WORKER')
     GROUP BY p."id", p."name" ORDER BY p."id"`,
    [q.orgId, yearStart, q.asOf],
  );
  const topicRows = await rows<{ topic: TrainingTopic; people: number }>(
    `SELECT s."topic", count(DISTINCT a."personId")::int AS people FROM "TrainingSession" s JOIN "TrainingAttendance" a ON a."sessionId" = s."id"
     WHERE s."orgId" = $1 AND s."heldOn" BETWEEN $2::date AND $3::date GROUP BY s."topic"`,
    [q.orgId, yearStart, q.asOf],
  );
  const byTopic = emptyTopics();
  for (const r of topicRows) byTopic[r.topic] = r.people;
  const [sessions] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "TrainingSession" WHERE "orgId" = $1 AND "heldOn" BETWEEN $2::date AND $3::date`, [q.orgId, q.start, q.asOf]);
  const [apps] = await rows<{ filed: number; approved: number; subsidy: string | null }>(
    // A reversed (冲正) subsidy was not granted in the end: counted neither as approved nor as paid.
    `SELECT count(*)::int AS filed, count(*) FILTER (WHERE "status" = 'APPROVED')::int AS approved, sum("subsidyFen") FILTER (WHERE "status" = 'APPROVED')::text AS subsidy
     FROM "TrainingApplication" WHERE "orgId" = $1 AND "createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "createdAt" < ($3::timestamptz AT TIME ZONE 'UTC')`,
    [q.orgId, from, until],
  );

  const open = await rows<{ memberName: string; leaderName: string | null; openedOn: Day; lastCheckInOn: Day | null; pushes: number }>(
    `SELECT p."name" AS "memberName", l."name" AS "leaderName", c."openedOn"::text AS "openedOn", c."lastCheckInOn"::text AS "lastCheckInOn",
            (SELECT count(*)::int FROM "JobPush" j WHERE j."caseId" = c."id" AND j."week" IS NOT NULL) AS pushes
     FROM "EmploymentCase" c JOIN "Person" p ON p."id" = c."personId" LEFT JOIN "Person" l ON l."id" = p."responsibleLeaderId"
     WHERE c."orgId" = $1 AND c."status" = 'OPEN' ORDER BY c."openedOn", c."id"`,
    [q.orgId],
  );
  const [cases] = await rows<{ opened: number; employed: number }>(
    `SELECT count(*) FILTER (WHERE "openedOn" BETWEEN $2::date AND $3::date)::int AS opened,
            count(*) FILTER (WHERE "status" = 'EMPLOYED' AND "employedOn" BETWEEN $2::date AND $3::date)::int AS employed
     FROM "EmploymentCase" WHERE "orgId" = $1`,
    [q.orgId, q.start, q.asOf],
  );
  const [postings] = await rows<{ n: number }>(
    `SELECT count(*)::int AS n FROM "JobPosting" WHERE "orgId" = $1 AND "createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "createdAt" < ($3::timestamptz AT TIME ZONE 'UTC')`,
    [q.orgId, from, until],
  );

  const members = people.filter((p) => p.member);
  const workers = people.filter((p) => p.worker);
  return {
    training: {
      year,
      members: members.length,
      trained: members.filter((p) => p.trained).length,
      workers: workers.length,
      workersTrained: workers.filter((p) => p.trained).length,
      byTopic,
      sessionsInPeriod: sessions?.n ?? 0,
      untrained: members.filter((p) => !p.trained).map((p) => p.name),
      applications: { filed: apps?.filed ?? 0, approved: apps?.approved ?? 0, subsidyFen: Number(apps?.subsidy ?? 0) },
    },
    employment: {
      open: open.map((c) => openCaseFigure(c, q.asOf)),
      openedInPeriod: cases?.opened ?? 0,
      employedInPeriod: cases?.employed ?? 0,
      postingsInPeriod: postings?.n ?? 0,
    },
  };
}
