// Acknowledgement of signed, encrypted message events: the bot's webhook (verify, decrypt,
// dedupe into the PostgreSQL inbox, enqueue in Redis) against a bare express handler on the
// same machine. Each server runs in its own process; autocannon drives it from this one.
// Throughput and the p99 at 500 req/s are measured in alternating rounds (bare then bot, bot
// then bare …), one ratio per round, and printed as the median with the rounds' spread
// (rounds.ts), so a burst of other work on the machine weighs on both sides rather than on one;
// each server's own CPU time per acknowledgement is reported beside it, a figure such bursts
// hardly move. BENCH_RATIO_ROUNDS sets both round counts.
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { cpuMsOf, profiled, startServer, stopServer } from "./server-control.ts";
import { alternate, median, ratioFigure, ratioRounds } from "./rounds.ts";
import { benchDatabase } from "./support.ts";
import { signedMessages } from "./webhook-fixtures.ts";

const SERVER = fileURLToPath(new URL("./webhook-server.ts", import.meta.url));
const DURATION_S = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? ratioRounds(3));
/** The p99 at a fixed 500 req/s: shorter rounds, more of them (one sample per run moved 1.14×–1.65×). */
const P99_SECONDS = Number(process.env.BENCH_WEBHOOK_P99_SECONDS ?? 4);
const P99_ROUNDS = ratioRounds(5);

type Bodies = ReturnType<typeof signedMessages>;

async function load(url: string, bodies: Bodies, start: number, opts: { connections: number; overallRate?: number; seconds: number }) {
  let i = start;
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    requests: [
      {
        method: "POST",
        path: "/lark/events",
        setupRequest: (req) => {
          const b = bodies[i++ % bodies.length]!;
          return { ...req, body: b.body, headers: b.headers };
        },
      },
    ],
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx, used: i - start };
}

interface Totals {
  requests: number;
  seconds: number;
  cpuMs: number;
  p50: number[];
  p99: number[];
  /** Requests per second of each round, in round order. */
  rps: number[];
  failed: number;
}

export async function run(): Promise<Record<string, number | string>> {
  // Enough distinct deliveries for every request the bot's runs send (ids must not repeat).
  const bodies = signedMessages(Number(process.env.BENCH_WEBHOOK_BODIES ?? 200_000));
  const db = await benchDatabase(2);
  let offset = 0;

  const bare = await startServer(SERVER, ["bare"]);
  const bot = await startServer(SERVER, ["bot", db.url]);
  const totals = { bare: newTotals(), bot: newTotals() };
  // One maximum-load round on a server, added to its totals.
  const round = async (name: "bare" | "bot") => {
    const s = name === "bare" ? bare : bot;
    const c0 = await cpuMsOf(s.child);
    const r = await profiled(s.child, () => load(s.url, bodies, offset, { connections: 32, seconds: DURATION_S }));
    const t = totals[name];
    t.cpuMs += (await cpuMsOf(s.child)) - c0;
    offset += r.used;
    t.requests += r.rps * DURATION_S;
    t.seconds += DURATION_S;
    t.p50.push(r.p50);
    t.p99.push(r.p99);
    t.rps.push(r.rps);
    t.failed += r.non2xx;
  };
  // One round at a fixed 500 req/s offered.
  const at500 = { bare: newTotals(), bot: newTotals() };
  const round500 = async (name: "bare" | "bot") => {
    const r = await load((name === "bare" ? bare : bot).url, bodies, offset, { connections: 32, overallRate: 500, seconds: P99_SECONDS });
    offset += r.used;
    at500[name].p50.push(r.p50);
    at500[name].p99.push(r.p99);
    at500[name].failed += r.non2xx;
  };
  try {
    for (const s of [bare, bot]) offset += (await load(s.url, bodies, offset, { connections: 32, seconds: 2 })).used; // warm-up
    for (let i = 0; i < ROUNDS; i++) for (const side of alternate(i, "bare" as const, "bot" as const)) await round(side);
    for (let i = 0; i < P99_ROUNDS; i++) for (const side of alternate(i, "bare" as const, "bot" as const)) await round500(side);
    if (offset > bodies.length) throw new Error("ran out of distinct deliveries: raise BENCH_WEBHOOK_BODIES");

    await stopServer(bot.child);
    const stored = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "InboundEvent"`))[0]?.n ?? 0);
    const rps = (t: Totals) => t.requests / t.seconds;
    const cpuUs = (t: Totals) => Math.round((1000 * t.cpuMs) / t.requests);
    const perRound = (a: number[], b: number[]) => a.map((x, i) => x / Math.max(b[i]!, 1));
    return {
      [`webhook: bare express req/s (${ROUNDS} rounds of ${DURATION_S} s)`]: Math.round(rps(totals.bare)),
      [`webhook: bot req/s (${ROUNDS} rounds, alternating)`]: Math.round(rps(totals.bot)),
      "webhook: throughput ratio bot/bare (target >= 0.7)": ratioFigure(perRound(totals.bot.rps, totals.bare.rps)),
      "webhook: server CPU µs per ack, bare / bot": `${cpuUs(totals.bare)} / ${cpuUs(totals.bot)}`,
      "webhook: bare p50/p99 ms at max (median round)": `${median(totals.bare.p50)}/${median(totals.bare.p99)}`,
      "webhook: bot p50/p99 ms at max (median round)": `${median(totals.bot.p50)}/${median(totals.bot.p99)}`,
      "webhook: bare p50/p99 ms at 500 req/s": `${median(at500.bare.p50)}/${median(at500.bare.p99)}`,
      "webhook: bot p50/p99 ms at 500 req/s": `${median(at500.bot.p50)}/${median(at500.bot.p99)}`,
      "webhook: p99 ratio at 500 req/s (target <= 1.5)": ratioFigure(perRound(at500.bot.p99, at500.bare.p99)),
      "webhook: rounds (at max load / at 500 req/s), ratios are medians (min–max)": `${ROUNDS} × ${DURATION_S} s / ${P99_ROUNDS} × ${P99_SECONDS} s`,
      "webhook: failed requests (bare, bot)": `${totals.bare.failed + at500.bare.failed}, ${totals.bot.failed + at500.bot.failed}`,
      "webhook: events stored by the bot": stored,
    };
  } finally {
    await stopServer(bare.child);
    await stopServer(bot.child);
    await db.close();
  }
}

function newTotals(): Totals {
  return { requests: 0, seconds: 0, cpuMs: 0, p50: [], p99: [], rps: [], failed: 0 };
}
