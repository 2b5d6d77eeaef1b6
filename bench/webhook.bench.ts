// Acknowledgement of signed, encrypted message events: the bot's webhook (verify, decrypt,
// dedupe into the PostgreSQL inbox, enqueue in Redis) against a bare express handler on the
// same machine. Each server runs in its own process; autocannon drives it from this one.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { profiled } from "./profiler.ts";
import { benchDatabase } from "./support.ts";
import { signedMessages } from "./webhook-fixtures.ts";

const SERVER = fileURLToPath(new URL("./webhook-server.ts", import.meta.url));
const DURATION_S = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 8);

async function startServer(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(SERVER, args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: { url?: string }) => (m.url ? resolve(m.url) : reject(new Error("no url"))));
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  if (child.connected) child.send({ cmd: "stop" });
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

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

export async function run(): Promise<Record<string, number | string>> {
  // Enough distinct deliveries for every request the bot's runs send (ids must not repeat).
  const bodies = signedMessages(Number(process.env.BENCH_WEBHOOK_BODIES ?? 160_000));
  const db = await benchDatabase(2);
  let offset = 0;

  const bare = await startServer(["bare"]);
  await load(bare.url, bodies, 0, { connections: 32, seconds: 2 }); // warm-up
  const bareMax = await profiled(bare.child, () => load(bare.url, bodies, 0, { connections: 32, seconds: DURATION_S }));
  const bare500 = await load(bare.url, bodies, 0, { connections: 32, overallRate: 500, seconds: DURATION_S });
  await stopServer(bare.child);

  const bot = await startServer(["bot", db.url]);
  const warm = await load(bot.url, bodies, offset, { connections: 32, seconds: 2 });
  offset += warm.used;
  const botMax = await profiled(bot.child, () => load(bot.url, bodies, offset, { connections: 32, seconds: DURATION_S }));
  offset += botMax.used;
  const bot500 = await load(bot.url, bodies, offset, { connections: 32, overallRate: 500, seconds: DURATION_S });
  offset += bot500.used;
  await stopServer(bot.child);
  const stored = (await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "InboundEvent"`))[0]?.n;
  await db.close();
  if (offset > bodies.length) throw new Error("ran out of distinct deliveries: raise BENCH_WEBHOOK_BODIES");

  return {
    "webhook: bare express req/s": Math.round(bareMax.rps),
    "webhook: bot req/s": Math.round(botMax.rps),
    "webhook: throughput ratio bot/bare (target >= 0.7)": Number((botMax.rps / bareMax.rps).toFixed(2)),
    "webhook: bare p50/p99 ms at max": `${bareMax.p50}/${bareMax.p99}`,
    "webhook: bot p50/p99 ms at max": `${botMax.p50}/${botMax.p99}`,
    "webhook: bare p50/p99 ms at 500 req/s": `${bare500.p50}/${bare500.p99}`,
    "webhook: bot p50/p99 ms at 500 req/s": `${bot500.p50}/${bot500.p99}`,
    "webhook: p99 ratio at 500 req/s (target <= 1.5)": Number((bot500.p99 / Math.max(bare500.p99, 1)).toFixed(2)),
    "webhook: failed requests (bare, bot)": `${bareMax.non2xx + bare500.non2xx}, ${botMax.non2xx + bot500.non2xx + warm.non2xx}`,
    "webhook: events stored by the bot": Number(stored ?? 0),
  };
}
