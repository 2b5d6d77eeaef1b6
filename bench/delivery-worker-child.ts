// One worker process of the delivery bench: the bot started with ROLE=worker, as in production
// (the delivery worker at its production concurrency, the inbound worker and maintenance idle),
// against the bench's database, queue prefix and Lark double. Says "ready" and stops on "stop".
import { Redis } from "ioredis";
import { startApp } from "../src/app.ts";
import { systemClock } from "../src/clock.ts";
import { parseConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { openPostgres } from "../src/store/db.ts";
import { BENCH_DATA_KEYS, BENCH_LARK } from "./delivery-support.ts";

const [databaseUrl, larkUrl, prefix] = process.argv.slice(2) as [string, string, string];
const config = parseConfig({
  ROLE: "worker",
  LARK_APP_ID: BENCH_LARK.appId,
  LARK_APP_SECRET: BENCH_LARK.appSecret,
  LARK_ENCRYPT_KEY: BENCH_LARK.encryptKey,
  LARK_VERIFICATION_TOKEN: BENCH_LARK.verificationToken,
  LARK_BASE_URL: larkUrl,
  DATABASE_URL: databaseUrl,
  QUEUE_PREFIX: prefix,
  DATA_KEYS: BENCH_DATA_KEYS,
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
});
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const db = openPostgres(databaseUrl, { poolSize: 4 });
const app = await startApp({ config, db, redis, clock: systemClock, log: createLogger("warn") });
process.send?.({ ready: true });
let cpu = process.cpuUsage();
process.on("message", async (m) => {
  // "mark": start counting CPU from now (after the warm-up); "stop": report it and leave.
  if ((m as { mark?: boolean }).mark) cpu = process.cpuUsage();
  if ((m as { stop?: boolean }).stop) {
    const used = process.cpuUsage(cpu);
    process.send?.({ cpuMs: (used.user + used.system) / 1000 });
    await app.close();
    redis.disconnect();
    await db.close();
    process.exit(0);
  }
});
