// Acknowledgement of signed, encrypted message events: the bot's webhook (verify, decrypt,
// dedupe into the PostgreSQL inbox, enqueue in Redis) against a bare express handler on the
// same machine. Each server runs in its own process; autocannon drives it from this one.
// Throughput is measured in alternating rounds (bare, bot, bare, bot …) and summed, so a burst
// of other work on the machine weighs on both sides rather than on one; each server's own CPU
// time per acknowledgement is reported beside it, a figure such bursts hardly move.
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { cpuMsOf, profiled, startServer, stopServer } from "./server-control.ts";
import { benchDatabase } from "./support.ts";
import { signedMessages } from "./webhook-fixtures.ts";

const SERVER = fileURLToPath(new URL("./webhook-server.ts", import.meta.url));
const DURATION_S = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 3);

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
    t.failed += r.non2xx;
  };
  try {
    for (const s of [bare, bot]) offset += (await load(s.url, bodies, offset, { connections: 32, seconds: 2 })).used; // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      await round("bare");
      await round("bot");
    }
    const bare500 = await load(bare.url, bodies, offset, { connections: 32, overallRate: 500, seconds: DURATION_S });
    offset += bare500.used;
    const bot500 = await load(bot.url, bodies, offset, { connections: 32, overallRate: 500, seconds: DURATION_S });
    offset += bot500.used;
    if (offset > bodies.length) throw new Error("ran out of distinct deliveries: raise BENCH_WEBHOOK_BODIES");

    await stopServer(bot.child);
    const stored = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "InboundEvent"`))[0]?.n ?? 0);
    const rps = (t: Totals) => t.requests / t.seconds;
    const cpuUs = (t: Totals) => Math.round((1000 * t.cpuMs) / t.requests);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      [`webhook: bare express req/s (${ROUNDS} rounds of ${DURATION_S} s)`]: Math.round(rps(totals.bare)),
      [`webhook: bot req/s (${ROUNDS} rounds, alternating)`]: Math.round(rps(totals.bot)),
      "webhook: throughput ratio bot/bare (target >= 0.7)": Number((rps(totals.bot) / rps(totals.bare)).toFixed(2)),
      "webhook: server CPU µs per ack, bare / bot": `${cpuUs(totals.bare)} / ${cpuUs(totals.bot)}`,
      "webhook: bare p50/p99 ms at max (median round)": `${median(totals.bare.p50)}/${median(totals.bare.p99)}`,
      "webhook: bot p50/p99 ms at max (median round)": `${median(totals.bot.p50)}/${median(totals.bot.p99)}`,
      "webhook: bare p50/p99 ms at 500 req/s": `${bare500.p50}/${bare500.p99}`,
      "webhook: bot p50/p99 ms at 500 req/s": `${bot500.p50}/${bot500.p99}`,
      "webhook: p99 ratio at 500 req/s (target <= 1.5)": Number((bot500.p99 / Math.max(bare500.p99, 1)).toFixed(2)),
      "webhook: failed requests (bare, bot)": `${totals.bare.failed + bare500.non2xx}, ${totals.bot.failed + bot500.non2xx}`,
      "webhook: events stored by the bot": stored,
    };
  } finally {
    await stopServer(bare.child);
    await stopServer(bot.child);
    await db.close();
  }
}

function newTotals(): Totals {
  return { requests: 0, seconds: 0, cpuMs: 0, p50: [], p99: [], failed: 0 };
}
