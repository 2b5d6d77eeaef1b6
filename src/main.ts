// Composition root: config -> store -> Redis -> (sandbox: Lark double + demo branch) -> app.
// SIGTERM and SIGINT close everything in order: stop taking work, finish in-flight jobs, then
// drop connections.
import { existsSync } from "node:fs";
import { startApp, type App } from "./app.ts";
import { MovableClock, systemClock, type Clock } from "./clock.ts";
import { ConfigError, parseConfig, SANDBOX_LARK, type Config } from "./config.ts";
import { startLarkDouble, type LarkDouble } from "./double/index.ts";
import { connectRedis, RedisUnavailableError } from "./jobs/redis.ts";
import { createLogger, type Logger } from "./log.ts";
import { chooseLogFormat, readableLogStream } from "./sandbox/log-lines.ts";
import { printBotMessages } from "./sandbox/printer.ts";
import { seedDemo } from "./sandbox/seed.ts";
import { sandboxRoutes } from "./sandbox/routes.ts";
import { openDatabase, type Database } from "./store/db.ts";
import { migrate } from "./store/migrate.ts";
import { checkStartup, MISSING_DATA_KEY } from "./startup-checks.ts";
import { keyringFrom } from "./lib/sealing.ts";
import { sandboxDataKeys } from "./sandbox/data-key.ts";
import { checkKeyProbes, sealDatabase } from "./store/sealing.ts";

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // `npm start` reads .env as docker compose (env_file) and `npm run lark:check` do, so the README's
  // "copy .env.example to .env" works without compose; a variable set in the environment wins.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  // Before anything is opened: a refused start must leave the database untouched.
  const verdict = checkStartup(config, process.env);
  if (verdict.refusal) fail(verdict.refusal);
  // JSON lines for machines; in the sandbox on a terminal (or LOG_FORMAT=text), one readable line each.
  const readable = chooseLogFormat({ sandbox: config.sandbox, logFormat: config.logFormat, isTTY: Boolean(process.stdout.isTTY) }) === "text";
  const log = createLogger(
    config.logLevel,
    readable ? readableLogStream({ write: (s) => process.stdout.write(s), colour: Boolean(process.stdout.isTTY), lark: config.sandbox ? "飞书替身" : "飞书" }) : undefined,
  );
  for (const warning of verdict.warnings) {
    // On stderr as well as in the log: JSON log lines scroll past, this must be seen.
    process.stderr.write(`\n\x1b[1;33m${warning}\x1b[0m\n\n`);
    log.warn({ startup: true }, warning);
  }
  // The sandbox clock can be moved from the sandbox page; production time is the system's.
  const clock: Clock = config.sandbox ? new MovableClock() : systemClock;

  let double: LarkDouble | undefined;
  if (config.sandbox) {
    // The double keeps the sandbox's time: the bot rejects deliveries whose timestamp is far
    // from its clock, so both must move together when the sandbox page moves time.
    double = await startLarkDouble({ ...SANDBOX_LARK, port: config.larkDoublePort, host: "127.0.0.1", now: () => clock.now().getTime() });
  }

  // The keys sealing sensitive columns: from DATA_KEYS (checkStartup refused a real bot without
  // them); the sandbox makes its own once. Never a start that would write notes in plain text.
  const dataKeys = config.dataKeys ?? (config.sandbox ? sandboxDataKeys(config.pgliteDir) : undefined);
  if (!dataKeys) fail(`同心拒绝启动：${MISSING_DATA_KEY}`);
  const keyring = keyringFrom(dataKeys.keys, dataKeys.currentId);

  const db: Database = await openDatabase(config);
  const { applied } = await migrate(db.sql, { log: (m) => log.info(m) });
  if (applied.length > 0) log.info({ applied }, "migrations applied");
  // A key id whose value changed would leave every record sealed before unreadable: refuse now.
  const keyProblems = await checkKeyProbes(db.sql, keyring);
  if (keyProblems.length > 0) {
    await db.close();
    fail(`同心拒绝启动：\n${keyProblems.join("\n")}`);
  }
  sealDatabase(db, keyring);

  let redis;
  try {
    redis = await connectRedis(config.redisUrl, 3000, (err) => log.warn({ err: err.message }, "redis connection error; reconnecting"));
  } catch (err) {
    if (err instanceof RedisUnavailableError) fail(err.message);
    throw err;
  }

  if (double && config.sandboxSeed) await seedDemo(db.prisma, double);

  const app: App = await startApp({
    config,
    db,
    redis,
    clock,
    log,
    ...(double ? { extraRoutes: (web, ctx) => sandboxRoutes(web, { app: ctx.app, double: double!, clock: clock as MovableClock, log }) } : {}),
  });

  if (double && app.url) {
    double.setBotUrls({ events: `${app.url}/lark/events`, cards: `${app.url}/lark/cards` });
    printBotMessages(double);
    printSandboxBanner(app, double, log);
  } else {
    log.info({ url: app.url, role: config.role, transport: config.lark.transport }, "tongxin started");
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.close();
    await double?.close();
    await redis.quit().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function printSandboxBanner(app: App, double: LarkDouble, log: Logger): void {
  const lines = [
    "",
    "\x1b[1m同心 Tongxin 沙盒已启动 (sandbox: no Lark app configured)\x1b[0m",
    `  机器人 Bot:            ${app.url}   (/healthz, /readyz)`,
    `  沙盒页面 Sandbox page: ${app.url}/sandbox`,
    `  飞书替身 Lark double:  ${double.url}   (API: ${double.url}/_double/…, see docs/lark-double.md)`,
    `  试一试 Try:            npm run say -- 张三 帮助      |  npm run say -- 王建国 help`,
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
  log.debug({ url: app.url, double: double.url }, "sandbox started");
}

main().catch((err: unknown) => {
  process.stderr.write(`tongxin failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
