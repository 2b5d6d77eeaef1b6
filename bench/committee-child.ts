// Runs one committee scenario in its own process, so its peak RSS is the scenario's alone, and
// reports its figures to bench/committee.bench.ts over IPC. Deliveries go to a throw-away Redis
// prefix (bench/task-child.ts). What each run returned is checked against the seed here, so a
// fast wrong answer fails the bench instead of being reported.
import { FUND_SOURCES } from "../src/domain/aid-rules.ts";
import { dayIn } from "../src/domain/zoned-time.ts";
import { fundAgrees } from "../src/domain/year-report.ts";
import { workbookBytes } from "../src/export/personal-data.ts";
import { yearReportWorkbook } from "../src/export/year-report.ts";
import { digestForCommittee, runCommitteeDigest } from "../src/jobs/committee-digest.ts";
import type { ChildResult, Scenario } from "./committee.bench.ts";
import { COMMITTEE_BRANCHES, COMMITTEE_ORG_ID } from "./committee-seed.ts";
import { openTaskChild, type TaskChild } from "./task-child.ts";

const [url, scenario, iso, yearArg] = process.argv.slice(2) as [string, Scenario, string, string];
const child = openTaskChild(url, new Date(iso));

const since = (t0: number) => (performance.now() - t0) / 1000;
const secs = (s: number) => s.toFixed(2);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

type Run = (c: TaskChild, year: number) => Promise<Record<string, number | string>>;

async function committeeDigest(c: TaskChild): Promise<Record<string, number | string>> {
  const { deps } = c;
  const today = dayIn(deps.clock.now(), deps.config.timezone);
  const t0 = performance.now();
  const digest = await digestForCommittee(deps.store, COMMITTEE_ORG_ID, today, { timeZone: deps.config.timezone });
  const computeS = since(t0);
  const branches = digest.late.length + digest.clear;
  if (branches !== COMMITTEE_BRANCHES) throw new Error(`the digest covers ${branches} branches, not ${COMMITTEE_BRANCHES}`);
  const rssAfterCompute = rssMb();

  const t1 = performance.now();
  const first = await runCommitteeDigest(deps);
  const firstS = since(t1);
  if (first.skipped) throw new Error(`the task skipped ${first.week}: ${first.skipped}`);
  if (first.committees !== 1 || first.staged !== 1) throw new Error(`the task staged ${first.staged} cards for ${first.committees} committees (1 and 1 expected)`);
  const t2 = performance.now();
  const again = await runCommitteeDigest(deps);
  const againS = since(t2);
  if (again.staged !== 0) throw new Error(`the second run staged ${again.staged}`);
  const [card] = await deps.db.sql.query<{ bytes: number }>(`SELECT octet_length("content"::text)::int AS bytes FROM "OutboxMessage" WHERE "receiveId" = 'ou_cb_committee_secretary'`);
  return {
    "compute one committee's digest (s)": secs(computeS),
    "branches with something overdue / all clear": `${digest.late.length} / ${digest.clear}`,
    "overdue totals": Object.entries(digest.totals).map(([k, n]) => `${k} ${n}`).join(", "),
    "open escalations to the committee": digest.escalationsToCommittee,
    "peak RSS after computing (MB)": rssAfterCompute,
    "scheduled task: compute + stage + queue (s)": secs(firstS),
    "cards staged / queued": `${first.staged} / ${c.queued()}`,
    "card size (bytes)": card?.bytes ?? 0,
    "second run the same week (s, staged)": `${secs(againS)} (${again.staged})`,
  };
}

async function yearReport(c: TaskChild, year: number): Promise<Record<string, number | string>> {
  const { deps } = c;
  const tz = deps.config.timezone;
  const today = dayIn(deps.clock.now(), tz);
  const t0 = performance.now();
  const report = await deps.store.yearReport.yearReport({ orgId: COMMITTEE_ORG_ID, year, today, timeZone: tz });
  const computeS = since(t0);
  if (!report) throw new Error("no report for the committee");
  if (report.parts.length !== COMMITTEE_BRANCHES) throw new Error(`${report.parts.length} branch parts, not ${COMMITTEE_BRANCHES}`);
  // The fund reconciled against the ledger itself: every source's closing + later = its balance,
  // and the balances are the seed's (the sum of every ledger line).
  if (!fundAgrees(report.total.fund)) throw new Error("the year report's fund does not reconcile");
  const [ledger] = await deps.db.sql.query<{ fen: string }>(
    `SELECT sum(CASE WHEN e."kind" = 'INCOME' THEN e."amountFen" WHEN e."kind" = 'DISBURSEMENT' THEN -e."amountFen"
                     WHEN o."kind" = 'INCOME' THEN -e."amountFen" ELSE e."amountFen" END)::text AS fen
     FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"`,
  );
  const closing = FUND_SOURCES.reduce((n, s) => n + report.total.fund[s].closingFen + report.total.fund[s].laterFen, 0);
  if (String(closing) !== ledger!.fen) throw new Error(`the report's closing balances add up to ${closing}, the ledger to ${ledger!.fen}`);
  const [talks] = await deps.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Talk" WHERE "heldOn" BETWEEN DATE '${year}-01-01' AND DATE '${today}'`);
  if (report.total.talks.held !== talks!.n) throw new Error(`the report counts ${report.total.talks.held} talks, the table ${talks!.n}`);
  const rssAfterCompute = rssMb();

  const t1 = performance.now();
  const bytes = await workbookBytes(yearReportWorkbook(report, deps.clock.now().toISOString()));
  const fileS = since(t1);

  const t2 = performance.now();
  const one = await deps.store.yearReport.yearReport({ orgId: COMMITTEE_ORG_ID + 1, year, today, timeZone: tz });
  const branchS = since(t2);
  if (!one || one.parts.length !== 1) throw new Error("no report for one branch");
  const t = report.total;
  return {
    [`compute the committee's report, ${COMMITTEE_BRANCHES} branches (s)`]: secs(computeS),
    "talks held / members owed a talk / talked with": `${t.talks.held} / ${t.talks.due} / ${t.talks.talkedWith}`,
    "visits done / planned": `${t.visits.done} / ${t.visits.planned}`,
    "fund reconciled per source (closing + later = balance)": "yes, and equal to the ledger",
    "peak RSS after computing (MB)": rssAfterCompute,
    "workbook: build + write (s)": secs(fileS),
    "workbook size (KB)": Math.round(bytes.length / 1024),
    "compute one branch's report (s)": secs(branchS),
  };
}

const SCENARIOS: Record<Scenario, Run> = { "committee-digest": committeeDigest, "year-report": yearReport };

try {
  // What the process holds before the scenario runs (node, tsx, Prisma, the pool, Redis).
  const before = rssMb();
  const figures = await SCENARIOS[scenario](child, Number(yearArg));
  process.send!({ ok: true, scenario, figures: { "process RSS before the scenario (MB)": before, ...figures }, peakRssMb: rssMb() } satisfies ChildResult);
} catch (err) {
  process.send!({ ok: false, scenario, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ChildResult);
} finally {
  await child.close();
}
