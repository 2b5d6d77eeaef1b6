// A server process for the webhook benchmark, so the load generator does not share its event
// loop. Mode "bare": an express handler that answers {} and does nothing else. Mode "bot": the
// bot's own web role (verify, decrypt, dedupe into the inbox, enqueue), as in production.
import express from "express";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { startApp } from "../src/app.ts";
import { systemClock } from "../src/clock.ts";
import { parseConfig } from "../src/config.ts";
import { startLarkDouble } from "../src/double/index.ts";
import { createLogger } from "../src/log.ts";
import { openPostgres } from "../src/store/db.ts";
import { serveControl } from "./server-control.ts";
import { BENCH_LARK } from "./webhook-fixtures.ts";

const mode = process.argv[2];
const send = (msg: object) => process.send?.(msg);
serveControl(`webhook-${mode}`);

if (mode === "bare") {
  const app = express();
  app.post("/lark/events", express.raw({ type: () => true, limit: "1mb" }), (_req, res) => void res.json({}));
  const server = app.listen(0, "127.0.0.1", () => {
    const addr = server.address();
    send({ url: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}` });
  });
  process.on("message", (m: { cmd?: string }) => m.cmd === "stop" && server.close(() => process.exit(0)));
} else {
  const databaseUrl = process.argv[3]!;
  const double = await startLarkDouble({ ...BENCH_LARK, port: 0 });
  const config = parseConfig({
    LARK_APP_ID: BENCH_LARK.appId,
    LARK_APP_SECRET: BENCH_LARK.appSecret,
    LARK_ENCRYPT_KEY: BENCH_LARK.encryptKey,
    LARK_VERIFICATION_TOKEN: BENCH_LARK.verificationToken,
    LARK_BASE_URL: double.url,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `bench${randomBytes(4).toString("hex")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    ROLE: "web",
    LOG_LEVEL: "warn",
  // Sensitive columns are sealed as in production (a key only benchmarks use).
  DATA_KEYS: process.env.DATA_KEYS ?? "bench1:YmVuY2gtZGF0YS1rZXktMzItYnl0ZXMtbG9uZy1vayE=",
  });
  const db = openPostgres(databaseUrl, { poolSize: 10 });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const app = await startApp({ config, db, redis, clock: systemClock, log: createLogger(config.logLevel) });
  send({ url: app.url, prefix: config.queuePrefix });
  process.on("message", async (m: { cmd?: string }) => {
    if (m.cmd !== "stop") return;
    await app.close();
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.close();
    await double.close();
    process.exit(0);
  });
}
