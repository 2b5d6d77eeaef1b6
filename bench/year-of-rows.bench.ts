// A year of rows: does the bot keep its pace once the inbox and the outbox hold what a large
// deployment writes in a year (5,000,000 rows each, year-of-rows-seed.ts)? Two databases side by
// side, one as the other benches leave it (empty inbox and outbox) and one a copy of the seeded
// year, each with the talk sweep's population and the aid bench's branch, each with its own bot
// processes. Measured in alternating rounds (empty then full, full then empty …), one ratio per
// round, printed as the median with the rounds' spread (rounds.ts): the webhook's
// acknowledgements at full load (as webhook.bench.ts), the approval click at 20 at once (as
// aid-approval.bench.ts), the daily talk sweep (talk-sweep-child.ts), the payload prune's
// 30-minute run when nothing new is to prune (as scheduled, on a fresh connection, and the
// median of 20 runs straight after it), and the recovery sweep's reads. Target: every figure
// within 10 % of the empty side's.
//
// Before the rounds the prune's first run strips the seeded year's last three days (its backlog),
// timed; the sizes of both tables before and after, the count of rows and the unique indexes on
// the keys are checked. After them: Lark redelivering a year-old message is acknowledged and
// written nowhere, a year-old digest key stages nothing. The bench fails on any of these, on a
// delivery acknowledged and not stored, and on a ledger that does not add up.
import { fork } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import type { MovableClock } from "../src/clock.ts";
import { startLarkDouble, type LarkDouble } from "../src/double/index.ts";
import type { Enqueuer } from "../src/jobs/enqueue.ts";
import { runPrunePayloads, type PruneResult } from "../src/jobs/prune-payloads.ts";
import { recoverPending } from "../src/jobs/recovery.ts";
import { openPostgres } from "../src/store/db.ts";
import { AID_BENCH_LARK } from "./aid-approval-fixtures.ts";
import { approveRound, cardsDelivered, fileRound, seed as seedAidBranch, startAidServer, type Branch, type Server } from "./aid-approval.bench.ts";
import { alternate, median, ratioFigure, ratioRounds } from "./rounds.ts";
import { cpuMsOf, startServer, stopServer } from "./server-control.ts";
import { benchDatabase, percentile, type BenchDatabase } from "./support.ts";
import { seedTalkPopulation } from "./talk-sweep-seed.ts";
import { openTaskChild, type TaskChild } from "./task-child.ts";
import { signedMessages } from "./webhook-fixtures.ts";
import { inboxRow, keyIndexesIntact, redelivery, restageYearOldDigest, rowCounts, sizesLine, tableSizes, yearOldMessageId } from "./year-of-rows-checks.ts";
import { copyOfYear, TALK_DAY, yearTemplate } from "./year-of-rows-seed.ts";

const WEBHOOK_SERVER = fileURLToPath(new URL("./webhook-server.ts", import.meta.url));
const SWEEP_CHILD = fileURLToPath(new URL("./talk-sweep-child.ts", import.meta.url));
const ROUNDS = ratioRounds(3);
const ACK_SECONDS = Number(process.env.BENCH_YEAR_ACK_SECONDS ?? 6);
/** Distinct deliveries signed for each round (both sides send the same ones, to their own inbox). */
const ACK_BODIES = Number(process.env.BENCH_YEAR_ACK_BODIES ?? 60_000);
const CLICKS = 20;
/** Working days after the population's own, one per round: a sweep's keys are person + day. */
const SWEEP_DAYS = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15"];
/** Runs of the prune straight after the scheduled one: each a few milliseconds, so their median is the figure. */
const WARM_PRUNES = 20;

type SideName = "empty" | "full";

interface Side {
  name: SideName;
  db: BenchDatabase;
  hook: { url: string; child: import("node:child_process").ChildProcess };
  web: Server;
  worker: Server;
  prefix: string;
  branch: Branch;
  task: TaskChild;
  aidRound: number;
  acks: { rps: number[]; ok: number; failed: number; sent: number };
  click: { p50: number[]; p99: number[]; cpuMs: number[] };
  sweepS: number[];
  staged: number[];
  pruneMs: number[];
  warmPruneMs: number[];
  recoverMs: number[];
}

const log = (line: string) => process.stdout.write(`  ${line}\n`);
const load1 = () => loadavg()[0]!.toFixed(1);

async function acknowledge(url: string, bodies: ReturnType<typeof signedMessages>, seconds: number) {
  let i = 0;
  const r = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/lark/events",
        setupRequest: (req) => {
          const b = bodies[i++];
          if (!b) throw new Error("ran out of distinct deliveries: raise BENCH_YEAR_ACK_BODIES");
          return { ...req, body: b.body, headers: b.headers };
        },
      },
    ],
  });
  return { rps: r.requests.average, ok: r["2xx"], failed: r.non2xx + r.errors + r.timeouts, sent: i };
}

interface SweepReport {
  ok: boolean;
  error?: string;
  firstS: number;
  first: { skipped?: string; staged: number; leaders: number };
  again: { staged: number };
}

/** The daily talk sweep for `day` in its own process (talk-sweep-child.ts runs it twice: the second must stage nothing). */
async function sweep(url: string, day: string): Promise<SweepReport> {
  const child = fork(SWEEP_CHILD, [url, `${day}T01:00:00Z`], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const r = await new Promise<SweepReport>((resolve, reject) => {
    child.once("message", (m) => resolve(m as SweepReport));
    child.once("exit", (code) => reject(new Error(`sweep process exited ${code} before reporting`)));
  });
  await new Promise((res) => child.once("exit", res));
  if (!r.ok) throw new Error(r.error);
  if (r.first.skipped) throw new Error(`the sweep skipped ${day}: ${r.first.skipped}`);
  if (r.again.staged !== 0) throw new Error(`the sweep's second run on ${day} staged ${r.again.staged}`);
  return r;
}

async function timedPrune(task: TaskChild, at: Date): Promise<{ ms: number; r: PruneResult }> {
  (task.deps.clock as MovableClock).set(at);
  const t0 = performance.now();
  const r = await runPrunePayloads(task.deps);
  return { ms: performance.now() - t0, r };
}

/** The recovery sweep's reads (pending inbox, outbox and attachments), with the queue left out: what the tables cost it. */
const counting: Enqueuer = { inbound: async () => undefined, delivery: async () => undefined, attachments: async () => undefined };


export async function run(): Promise<Record<string, number | string>> {
  const problems: string[] = [];
  const loadAtStart = load1();
  const tpl = await yearTemplate(log);
  log(`template ${tpl.name}: ${tpl.reused ? "reused" : "seeded now"}, seeding took ${tpl.seededS} s, ${tpl.sizeMb} MB, year ending ${tpl.anchor.toISOString()}`);
  const copy = await copyOfYear(tpl.name);
  log(`copied in ${copy.copyS.toFixed(1)} s (load ${load1()})`);
  const fullDb = openPostgres(copy.url, { poolSize: 2 });
  const full: BenchDatabase = { ...fullDb, url: copy.url, close: async () => (await fullDb.close(), await copy.drop()) };
  const empty = await benchDatabase(2);
  await seedTalkPopulation(empty.sql, TALK_DAY);

  const double: LarkDouble = await startLarkDouble({ ...AID_BENCH_LARK, port: 0, quotas: { perTargetPerSec: 1000, appPerSec: 1000, appPerMin: 60_000, perMessagePatchPerSec: 100 } });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const sides: Side[] = [];
  const tSched = new Date();
  const prune = { empty: openTaskChild(empty.url, tSched), full: openTaskChild(full.url, tSched) };
  try {
    // ── The prune's first run over the seeded year, and what it leaves ──
    const before = { sizes: await tableSizes(full.sql), rows: await rowCounts(full.sql) };
    const first = await timedPrune(prune.full, tSched);
    await full.sql.exec(`VACUUM ANALYZE "InboundEvent", "OutboxMessage"`); // as autovacuum would after it
    const after = { sizes: await tableSizes(full.sql), rows: await rowCounts(full.sql) };
    if (after.rows.inbound !== before.rows.inbound || after.rows.outbox !== before.rows.outbox) problems.push(`the prune changed the row counts: ${JSON.stringify(before.rows)} → ${JSON.stringify(after.rows)}`);
    const broken = await keyIndexesIntact(full.sql);
    if (broken.length > 0) problems.push(`key indexes not intact after the prune: ${broken.join(", ")}`);
    if (first.r.inbound === 0 || first.r.outbox === 0) problems.push(`the prune's first run stripped nothing: ${JSON.stringify(first.r)}`);
    await timedPrune(prune.empty, tSched);
    log(`prune first run: ${(first.ms / 1000).toFixed(2)} s, ${first.r.inbound} events + ${first.r.outbox} messages stripped (load ${load1()})`);

    // ── Each side's bot: a web role for the webhook, a web and a worker role for the clicks ──
    for (const [name, db] of [["empty", empty], ["full", full]] as const) {
      const prefix = `benchyear${name}${process.pid}`;
      const hook = await startServer(WEBHOOK_SERVER, ["bot", db.url]);
      const worker = await startAidServer([db.url, "worker", double.url, prefix]);
      const web = await startAidServer([db.url, "web", double.url, prefix]);
      const branch = await seedAidBranch(db, CLICKS);
      if (name === "empty") for (const u of branch.users) double.addUser({ open_id: u.openId, name: u.name });
      sides.push({ name, db, hook, web, worker, prefix, branch, task: prune[name], aidRound: 0, acks: { rps: [], ok: 0, failed: 0, sent: 0 }, click: { p50: [], p99: [], cpuMs: [] }, sweepS: [], staged: [], pruneMs: [], warmPruneMs: [], recoverMs: [] });
    }
    const [E, F] = sides as [Side, Side];

    const clickRound = async (s: Side, measured: boolean) => {
      const ids = await fileRound(s.web.url, s.db, s.branch, s.aidRound++);
      await cardsDelivered(s.db, ids);
      const c0 = await cpuMsOf(s.web.child);
      const ms = (await approveRound(s.web.url, s.db, s.branch, ids)).sort((a, b) => a - b);
      const c1 = await cpuMsOf(s.web.child);
      if (!measured) return;
      s.click.p50.push(percentile(ms, 50));
      s.click.p99.push(percentile(ms, 99));
      s.click.cpuMs.push((c1 - c0) / ids.length);
    };

    // Warm-up, not measured: every statement's first run, the first sweep of the population.
    const warmBodies = signedMessages(20_000);
    for (const s of sides) {
      const r = await acknowledge(s.hook.url, warmBodies, 2);
      s.acks.ok += r.ok;
      s.acks.failed += r.failed;
      s.acks.sent += r.sent;
      await clickRound(s, false);
      await sweep(s.db.url, TALK_DAY);
    }
    log(`warmed up (load ${load1()}); ${ROUNDS} rounds`);

    for (let i = 0; i < ROUNDS; i++) {
      const order = alternate(i, E, F);
      const bodies = signedMessages(ACK_BODIES);
      for (const s of order) {
        const r = await acknowledge(s.hook.url, bodies, ACK_SECONDS);
        s.acks.rps.push(r.rps);
        s.acks.ok += r.ok;
        s.acks.failed += r.failed;
        s.acks.sent += r.sent;
      }
      for (const s of order) await clickRound(s, true);
      const day = SWEEP_DAYS[i % SWEEP_DAYS.length]!;
      for (const s of order) {
        const r = await sweep(s.db.url, day);
        s.sweepS.push(r.firstS);
        s.staged.push(r.first.staged);
      }
      for (const s of order) {
        const r = await timedPrune(s.task, tSched);
        s.pruneMs.push(r.ms);
        if (r.r.inbound + r.r.outbox > 0) problems.push(`${s.name}: a scheduled prune with nothing new stripped ${JSON.stringify(r.r)}`);
      }
      for (const s of order) {
        const warm: number[] = [];
        for (let k = 0; k < WARM_PRUNES; k++) warm.push((await timedPrune(s.task, tSched)).ms);
        s.warmPruneMs.push(median(warm));
      }
      for (const s of order) {
        const t0 = performance.now();
        await recoverPending(s.db.sql, counting, new Date());
        s.recoverMs.push(performance.now() - t0);
      }
      if (E.staged[i] !== F.staged[i]) problems.push(`the sweep on ${day} staged ${E.staged[i]} (empty) and ${F.staged[i]} (full)`);
      log(`round ${i + 1}: ack ${Math.round(E.acks.rps[i]!)} / ${Math.round(F.acks.rps[i]!)} req/s, click p99 ${E.click.p99[i]!.toFixed(0)} / ${F.click.p99[i]!.toFixed(0)} ms, sweep ${E.sweepS[i]!.toFixed(2)} / ${F.sweepS[i]!.toFixed(2)} s, prune ${E.pruneMs[i]!.toFixed(1)} / ${F.pruneMs[i]!.toFixed(1)} ms, again ${E.warmPruneMs[i]!.toFixed(1)} / ${F.warmPruneMs[i]!.toFixed(1)} ms (empty / full; load ${load1()})`);
    }

    // ── Correctness ──
    for (const s of sides) {
      await stopServer(s.hook.child); // its last inserts are in before the count
      const [stored] = await s.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "InboundEvent" WHERE "status" = 'PENDING' AND "key" LIKE 'msg:om_bench_%'`);
      if (s.acks.failed > 0) problems.push(`${s.name}: ${s.acks.failed} deliveries not acknowledged`);
      if (stored!.n < s.acks.ok) problems.push(`${s.name}: ${s.acks.ok} deliveries acknowledged, ${stored!.n} stored (acknowledged and lost)`);
      if (stored!.n > s.acks.sent) problems.push(`${s.name}: ${stored!.n} stored of ${s.acks.sent} sent`);
      const approvals = (ROUNDS + 1) * CLICKS;
      const paid = await s.db.prisma.fundEntry.count({ where: { kind: "DISBURSEMENT", orgId: s.branch.orgId } });
      const balance = await s.db.prisma.fundBalance.findFirstOrThrow({ where: { orgId: s.branch.orgId, source: "PARTY_FEE" } });
      if (paid !== approvals || balance.balanceFen !== 1_000_000_000 - approvals * 10_000) problems.push(`${s.name}: the ledger does not add up (${paid} disbursements for ${approvals} approvals)`);
    }
    // A year-old message redelivered by Lark: acknowledged, stored nowhere again, not queued again.
    const oldKey = `msg:${yearOldMessageId()}`;
    const hook = await startServer(WEBHOOK_SERVER, ["bot", full.url]);
    let redelivered: { status: number; ageDays: number; row: Awaited<ReturnType<typeof inboxRow>> };
    try {
      const rowsBefore = await rowCounts(full.sql);
      const oldBefore = await inboxRow(full.sql, oldKey);
      if (!oldBefore?.prunedAt) throw new Error(`the seeded year's first message ${oldKey} is missing or was never pruned`);
      const req = redelivery(yearOldMessageId());
      const res = await fetch(`${hook.url}/lark/events`, { method: "POST", headers: req.headers, body: req.body });
      await res.arrayBuffer();
      const row = await inboxRow(full.sql, oldKey);
      redelivered = { status: res.status, ageDays: Math.round((Date.now() - oldBefore.receivedAt.getTime()) / 86_400_000), row };
      if (res.status !== 200) problems.push(`a year-old redelivery was answered ${res.status}`);
      if ((await rowCounts(full.sql)).inbound !== rowsBefore.inbound) problems.push("a year-old redelivery was stored again");
      if (row?.status !== "DONE" || JSON.stringify(row.payload) !== "{}") problems.push(`a year-old redelivery changed its row: ${JSON.stringify(row)}`);
    } finally {
      await stopServer(hook.child);
    }
    const digest = await restageYearOldDigest(full);
    if (digest.staged.length > 0) problems.push(`a re-run of the year-old digest ${digest.key} staged ${digest.staged.length} message(s)`);

    const f = (x: number, d = 1) => x.toFixed(d);
    const pair = (e: number[], fl: number[], d = 1, unit = "") => `${f(median(e), d)} / ${f(median(fl), d)}${unit}`;
    const fullOverEmpty = (e: number[], fl: number[]) => fl.map((x, i) => x / e[i]!);
    const within = (ratios: number[]) => `${ratioFigure(ratios)} ${median(ratios) <= 1.1 ? "met" : "NOT met"}`;
    const figures: Record<string, string | number> = {
      "rows (inbox / outbox, full side)": `${before.rows.inbound} / ${before.rows.outbox}`,
      "template: seeding (s) / size (MB) / reused": `${tpl.seededS} / ${tpl.sizeMb} / ${tpl.reused ? "yes" : "no, seeded in this run"}`,
      "copy of the template for this run (s)": f(copy.copyS),
      [`webhook ack req/s, empty / full (${ROUNDS} rounds of ${ACK_SECONDS} s)`]: pair(E.acks.rps, F.acks.rps, 0),
      "webhook ack: empty/full throughput (target <= 1.10)": within(E.acks.rps.map((x, i) => x / F.acks.rps[i]!)),
      [`approval click p50 ms at ${CLICKS} concurrent, empty / full`]: pair(E.click.p50, F.click.p50),
      "approval click p50: full/empty (target <= 1.10)": within(fullOverEmpty(E.click.p50, F.click.p50)),
      [`approval click p99 ms at ${CLICKS} concurrent, empty / full`]: pair(E.click.p99, F.click.p99),
      "approval click p99: full/empty (target <= 1.10)": within(fullOverEmpty(E.click.p99, F.click.p99)),
      "approval click web-role CPU ms/click, empty / full": pair(E.click.cpuMs, F.click.cpuMs),
      "talk sweep (100,000 members) s, empty / full": pair(E.sweepS, F.sweepS, 2),
      "talk sweep: full/empty (target <= 1.10)": within(fullOverEmpty(E.sweepS, F.sweepS)),
      "prune, scheduled run with nothing new, ms, empty / full": pair(E.pruneMs, F.pruneMs),
      "prune scheduled: full/empty (target <= 1.10)": within(fullOverEmpty(E.pruneMs, F.pruneMs)),
      [`prune, run again at once (median of ${WARM_PRUNES}), ms, empty / full`]: pair(E.warmPruneMs, F.warmPruneMs, 2),
      "prune again: full/empty (target <= 1.10)": within(fullOverEmpty(E.warmPruneMs, F.warmPruneMs)),
      "prune, first run over the seeded year (s; events + messages stripped)": `${f(first.ms / 1000, 2)} (${first.r.inbound} + ${first.r.outbox})`,
      "recovery sweep reads ms, empty / full": pair(E.recoverMs, F.recoverMs),
      "recovery sweep: full/empty (target <= 1.10)": within(fullOverEmpty(E.recoverMs, F.recoverMs)),
      "sizes before the first prune": sizesLine(before.sizes),
      "sizes after it (and a VACUUM)": sizesLine(after.sizes),
      "rows before / after the prune (inbox, outbox)": `${before.rows.inbound}, ${before.rows.outbox} / ${after.rows.inbound}, ${after.rows.outbox}`,
      "key unique indexes intact (InboundEvent_pkey, OutboxMessage_idempotencyKey_key)": broken.length === 0 ? "yes" : `NO: ${broken.join(", ")}`,
      "year-old message redelivered: answer, age (days), row after": `${redelivered.status}, ${redelivered.ageDays}, ${redelivered.row?.status} payload ${JSON.stringify(redelivered.row?.payload)}`,
      "year-old digest key re-staged: messages staged, age (days)": `${digest.staged.length}, ${digest.ageDays}`,
      "deliveries acknowledged (empty, full), none lost": `${E.acks.ok}, ${F.acks.ok}`,
      "machine load average (1 min) at start / end": `${loadAtStart} / ${load1()}`,
    };
    if (problems.length > 0) throw new Error(`${problems.join("\n")}\nfigures: ${JSON.stringify(figures, null, 1)}`);
    return figures;
  } finally {
    for (const s of sides) {
      await stopServer(s.hook.child);
      await stopServer(s.web.child);
      await stopServer(s.worker.child);
      const keys = await redis.keys(`${s.prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
    await prune.empty.close();
    await prune.full.close();
    redis.disconnect();
    await double.close();
    await empty.close();
    await full.close();
  }
}
