// The bot as `npm start` runs it without Lark credentials (in-process Lark double, demo branch,
// sandbox routes), but on a fresh PostgreSQL database, a fresh queue prefix and random ports.
import { keyringFrom } from "../../../src/lib/sealing.ts";
import { sealDatabase } from "../../../src/store/sealing.ts";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { startApp, type App } from "../../../src/app.ts";
import { MovableClock } from "../../../src/clock.ts";
import { parseConfig, SANDBOX_LARK } from "../../../src/config.ts";
import { startLarkDouble, type LarkDouble } from "../../../src/double/index.ts";
import { createLogger } from "../../../src/log.ts";
import { sandboxRoutes } from "../../../src/sandbox/routes.ts";
import { seedDemo } from "../../../src/sandbox/seed.ts";
import { freshDatabase, type TestDatabase } from "../../support/db.ts";
import { REDIS_URL, TEST_DATA_KEYS } from "../../support/env.ts";
import { stopBot } from "../../support/stop-bot.ts";

export interface Sandbox {
  url: string;
  app: App;
  double: LarkDouble;
  clock: MovableClock;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function startSandbox(opts: { clockStart?: Date; env?: Record<string, string> } = {}): Promise<Sandbox> {
  const clock = new MovableClock(opts.clockStart);
  // As in src/main.ts: the double keeps sandbox time, so moved time still verifies.
  const double = await startLarkDouble({ ...SANDBOX_LARK, port: 0, host: "127.0.0.1", now: () => clock.now().getTime() });
  const db = await freshDatabase();
  const config = parseConfig({
    SANDBOX: "true",
    LARK_DOUBLE_PORT: new URL(double.url).port,
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(5).toString("hex")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATA_KEYS: TEST_DATA_KEYS,
    ...opts.env,
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  // main.ts seals the database before the demo is seeded (its hardship case is sealed too).
  sealDatabase(db, keyringFrom(TEST_DATA_KEYS, undefined));
  await seedDemo(db.prisma, double);
  const app = await startApp({
    config,
    db,
    redis,
    clock,
    log: createLogger(config.logLevel),
    extraRoutes: (web, ctx) => sandboxRoutes(web, { app: ctx.app, double, clock }),
  });
  double.setBotUrls({ events: `${app.url}/lark/events`, cards: `${app.url}/lark/cards` });
  return {
    url: app.url!,
    app,
    double,
    clock,
    db,
    close: () => stopBot({ app, double, redis, db }),
  };
}
