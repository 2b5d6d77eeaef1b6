// Gathers a branch's analysis for a period from the database: set-based counts, one statement
// per topic. Talk coverage reuses the due-talk computation as of the period's last day.
import { FUND_SOURCES } from "../domain/aid-rules.ts";
import type { BranchAnalysis, ConcernArea } from "../domain/branch-analysis.ts";
import { addDays, type Day, daysBetween } from "../domain/calendar-day.ts";
import { startOfDayIn } from "../domain/zoned-time.ts";
import type { Quarter } from "../domain/quarter.ts";
import { talkStanding } from "../domain/talk-cadence.ts";
import type { BranchRules } from "./branch-rules.ts";
import { findDueTalks } from "./talk-due.ts";
import { type Rows } from "./rows.ts";
import { sealer } from "./sealing.ts";
import { workFigures } from "./work-report.ts";
import { peerTalkFigures } from "./peer-talks.ts";
import { suggestionFigures } from "./suggestion-figures.ts";

export interface AnalysisQuery {
  org: { id: number; name: string };
  rules: BranchRules;
  period: Quarter;
  today: Day;
  timeZone: string;
}

type Count = { n: number };

// Timestamps are stored as UTC without a zone; instants passed in are compared in UTC whatever
// the session's TimeZone is, as ($n::timestamptz AT TIME ZONE 'UTC').

export async function analyseBranch(rows: Rows, q: AnalysisQuery): Promise<BranchAnalysis> {
  const asOf = q.today < q.period.end ? q.today : q.period.end;
  const from = startOfDayIn(q.period.start, q.timeZone);
  const until = startOfDayIn(addDays(asOf, 1), q.timeZone);
  const orgId = q.org.id;

  const due = await findDueTalks(rows, { today: asOf, timeZone: q.timeZone, branches: [q.rules], horizon: "all" });
  const late = due.filter((r) => ["overdue", "escalated"].includes(talkStanding(r.dueOn, asOf, q.rules.talk)));

  const talkRows = await rows<{ form: "IN_PERSON" | "PHONE" | "VIDEO"; n: number; members: number }>(
    `SELECT "form", count(*)::int AS n, count(DISTINCT "memberId")::int AS members FROM "Talk"
     WHERE "orgId" = $1 AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY ROLLUP ("form")`,
    [orgId, q.period.start, asOf],
  );
  const total = talkRows.find((r) => r.form === null);
  const byForm = { IN_PERSON: 0, PHONE: 0, VIDEO: 0 };
  for (const r of talkRows) if (r.form !== null) byForm[r.form] = r.n;

  const concernRows = await rows<{ area: ConcernArea; n: number }>(
    `SELECT area, count(*)::int AS n FROM "Talk", unnest("concernAreas") AS area
     WHERE "orgId" = $1 AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY area`,
    [orgId, q.period.start, asOf],
  );
  const concerns = { THINKING: 0, WORK: 0, LIFE: 0 };
  for (const r of concernRows) if (r.area in concerns) concerns[r.area] = r.n;

  const openFollowUps = await rows<{ memberName: string; ownerName: string; description: string; dueOn: Day }>(
    `SELECT m."name" AS "memberName", o."name" AS "ownerName", f."description", f."dueOn"::text AS "dueOn"
     FROM "FollowUp" f JOIN "Talk" t ON t."id" = f."talkId" JOIN "Person" m ON m."id" = t."memberId" JOIN "Person" o ON o."id" = f."ownerId"
     WHERE t."orgId" = $1 AND f."status" = 'OPEN' ORDER BY f."dueOn", f."id"`,
    [orgId],
  );
  const keys = openFollowUps.length > 0 ? sealer(rows) : undefined;
  const followUps = openFollowUps.map((f) => ({ ...f, description: keys!.open("FollowUp.description", f.description) }));
  const [doneFollowUps] = await rows<Count>(
    `SELECT count(*)::int AS n FROM "FollowUp" f JOIN "Talk" t ON t."id" = f."talkId"
     WHERE t."orgId" = $1 AND f."status" = 'DONE' AND f."doneAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND f."doneAt" < ($3::timestamptz AT TIME ZONE 'UTC')`,
    [orgId, from, until],
  );

  const [urgent] = await rows<{ opened: number; done: number; open: number }>(
    `SELECT count(*) FILTER (WHERE "createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "createdAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS opened,
            count(*) FILTER (WHERE "doneAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "doneAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS done,
            count(*) FILTER (WHERE "status" = 'OPEN')::int AS open
     FROM "TalkTask" WHERE "orgId" = $1`,
    [orgId, from, until],
  );

  const archiveRows = await rows<{ status: "ACTIVE" | "RESOLVED"; level: "GENERAL" | "SERIOUS" | "SPECIAL"; n: number; in_period: number; review_overdue: number }>(
    `SELECT "status", "level", count(*)::int AS n,
            count(*) FILTER (WHERE "resolvedAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "resolvedAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS in_period,
            count(*) FILTER (WHERE "status" = 'ACTIVE' AND "nextReviewOn" < $4::date)::int AS review_overdue
     FROM "HardshipEntry" WHERE "orgId" = $1 GROUP BY "status", "level"`,
    [orgId, from, until, asOf],
  );
  const archive = { active: { GENERAL: 0, SERIOUS: 0, SPECIAL: 0 }, resolved: 0, resolvedInPeriod: 0, reviewsOverdue: 0 };
  for (const r of archiveRows) {
    if (r.status === "ACTIVE") archive.active[r.level] += r.n;
    else archive.resolved += r.n;
    archive.resolvedInPeriod += r.in_period;
    archive.reviewsOverdue += r.review_overdue;
  }

  const year = Number(asOf.slice(0, 4));
  const aidRows = await rows<{ source: (typeof FUND_SOURCES)[number]; fen: string }>(
    // Net of reversals (冲正): a payment booked back into the fund was not paid.
    `SELECT e."source", sum(CASE WHEN e."kind" = 'DISBURSEMENT' THEN e."amountFen" ELSE -e."amountFen" END)::text AS fen
     FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
     WHERE e."orgId" = $1 AND (e."kind" = 'DISBURSEMENT' OR (e."kind" = 'REVERSAL' AND o."kind" = 'DISBURSEMENT'))
       AND e."createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND e."createdAt" < ($3::timestamptz AT TIME ZONE 'UTC') GROUP BY e."source"`,
    [orgId, startOfDayIn(`${year}-01-01`, q.timeZone), until],
  );
  const bySource = { LOCAL_FINANCE: 0, PARTY_FEE: 0, DONATION: 0 };
  for (const r of aidRows) bySource[r.source] = Number(r.fen);

  return {
    orgId,
    orgName: q.org.name,
    period: { label: q.period.label, start: q.period.start, end: q.period.end },
    asOf,
    members: due.length,
    current: due.length - late.length,
    overdue: late.map((r) => ({ memberName: r.memberName, leaderName: r.leaderName, dueOn: r.dueOn, daysLate: daysBetween(r.dueOn, asOf) })),
    unassigned: due.filter((r) => r.leaderId === null).length,
    talks: { count: total?.n ?? 0, members: total?.members ?? 0, byForm },
    concerns,
    followUps: {
      open: followUps.length,
      overdue: followUps.filter((f) => f.dueOn < asOf).length,
      doneInPeriod: doneFollowUps?.n ?? 0,
      items: followUps,
    },
    urgent: urgent ?? { opened: 0, done: 0, open: 0 },
    archive,
    aidPaid: { year, bySource, totalFen: bySource.LOCAL_FINANCE + bySource.PARTY_FEE + bySource.DONATION },
    work: await workFigures(rows, { orgId, start: q.period.start, asOf, timeZone: q.timeZone }),
    peerTalks: await peerTalkFigures(rows, { orgId, start: q.period.start, end: asOf }),
    suggestions: await suggestionFigures(rows, { orgId, from, until }),
  };
}
