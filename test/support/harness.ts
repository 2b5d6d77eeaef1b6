// The whole bot, started as in production but against a fresh database, a fresh queue prefix
// on the real Redis, and the project's Lark double. Tests drive it as Lark users would.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { startApp, type App } from "../../src/app.ts";
import { MovableClock } from "../../src/clock.ts";
import { parseConfig, type Config } from "../../src/config.ts";
import { startLarkDouble, type LarkDouble, type LarkDoubleOptions } from "../../src/double/index.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import { REDIS_URL, TEST_DATA_KEYS } from "./env.ts";
import { stopBot } from "./stop-bot.ts";
import { freshDatabase, type TestDatabase } from "./db.ts";
import type { Database } from "../../src/store/db.ts";

export const TEST_LARK = {
  appId: "cli_test_app",
  appSecret: "test-app-secret",
  encryptKey: "test-encrypt-key",
  verificationToken: "test-verification-token",
};

export interface Harness {
  db: Database;
  double: LarkDouble;
  app: App;
  clock: MovableClock;
  config: Config;
  redis: Redis;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { env?: Record<string, string>; double?: Partial<LarkDoubleOptions>; clockStart?: Date; database?: () => Promise<Database>; log?: Logger } = {},
): Promise<Harness> {
  const db: Database = await (opts.database ?? freshDatabase)();
  const clock = new MovableClock(opts.clockStart);
  // The double stamps deliveries and issues tokens on the bot's own (movable) clock, as the sandbox
  // does: otherwise a test that moves time would see every signed event refused as stale.
  const double = await startLarkDouble({ ...TEST_LARK, port: 0, now: () => clock.now().getTime(), ...opts.double });
  const config = parseConfig({
    LARK_APP_ID: TEST_LARK.appId,
    LARK_APP_SECRET: TEST_LARK.appSecret,
    LARK_ENCRYPT_KEY: TEST_LARK.encryptKey,
    LARK_VERIFICATION_TOKEN: TEST_LARK.verificationToken,
    LARK_BASE_URL: double.url,
    ...("url" in db ? { DATABASE_URL: (db as TestDatabase).url } : {}),
    REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(5).toString("hex")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATA_KEYS: TEST_DATA_KEYS,
    ...opts.env,
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  // A test that reads the log passes its own (test/suggestions/anonymous.test.ts).
  const log = opts.log ?? createLogger(config.logLevel);
  const app = await startApp({ config, db, redis, clock, log });
  double.setBotUrls({ events: `${app.url}/lark/events`, cards: `${app.url}/lark/cards` });
  return {
    db,
    double,
    app,
    clock,
    config,
    redis,
    close: () => stopBot({ app, double, redis, db }),
  };
}

/** Polls until fn returns a truthy value (rows written by workers arrive asynchronously). */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
