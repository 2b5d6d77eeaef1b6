// One role of the bot for the aid-approval benchmark, as production runs it (the compose file
// splits the bot by role): "web" answers card callbacks, "worker" delivers what they staged to
// the Lark double, which lives in the benchmark's own process. Each runs in its own process, so
// the figures are the web role's alone.
import { Redis } from "ioredis";
import { startApp } from "../src/app.ts";
import { systemClock } from "../src/clock.ts";
import { parseConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { openPostgres } from "../src/store/db.ts";
import { AID_BENCH_DATA_KEYS, AID_BENCH_LARK } from "./aid-approval-fixtures.ts";
import { serveControl } from "./server-control.ts";

const [databaseUrl, role, larkUrl, queuePrefix] = process.argv.slice(2) as [string, "web" | "worker", string, string];
const send = (msg: object) => process.send?.(msg);
const config = parseConfig({
  LARK_APP_ID: AID_BENCH_LARK.appId,
  LARK_APP_SECRET: AID_BENCH_LARK.appSecret,
  LARK_ENCRYPT_KEY: AID_BENCH_LARK.encryptKey,
  LARK_VERIFICATION_TOKEN: AID_BENCH_LARK.verificationToken,
  LARK_BASE_URL: larkUrl,
  DATABASE_URL: databaseUrl,
  QUEUE_PREFIX: queuePrefix,
  PORT: "0",
  HOST: "127.0.0.1",
  ROLE: role,
  LOG_LEVEL: "warn",
  // Sensitive columns are sealed as in production (a key only benchmarks use).
  DATA_KEYS: AID_BENCH_DATA_KEYS,
  // Delivery of the cards and patches is not what is measured; Lark's quotas (5/s per chat, and
  // 1,000 a minute per app, which the run's thousand messages would reach) would only stretch it.
  SEND_RATE_TARGET_PER_SEC: "1000",
  SEND_RATE_APP_PER_SEC: "1000",
});
const db = openPostgres(databaseUrl, { poolSize: 10 });
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const app = await startApp({ config, db, redis, clock: systemClock, log: createLogger(config.logLevel) });
serveControl(`aid-${role}`);
send({ url: app.url ?? "" });

process.on("message", async (m: { cmd?: string }) => {
  if (m.cmd !== "stop") return;
  await app.close();
  redis.disconnect();
  await db.close();
  process.exit(0);
});
