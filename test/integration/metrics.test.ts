// /metrics for whoever runs the bot, scraped after real traffic through the Lark double: members'
// messages, a redelivery, forged deliveries, card clicks, failed and rate-limited sends, a
// scheduled run. It is served only on its own listener or behind the token, never openly on
// the public port. And TRUST_PROXY: by default a forged X-Forwarded-For is not believed.
import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../../src/app.ts";
import { MovableClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import { startLarkDouble, type LarkDouble } from "../../src/double/index.ts";
import { createLogger } from "../../src/log.ts";
import { createMetrics } from "../../src/metrics.ts";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";
import { REDIS_URL, TEST_DATA_KEYS } from "../support/env.ts";
import { eventually, startHarness, TEST_LARK, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { stopBot } from "../support/stop-bot.ts";

const TOKEN = "metrics-token-0123456789";

interface Bot {
  app: App;
  double: LarkDouble;
  db: TestDatabase;
  /** Every line the bot logged, parsed. */
  logs: () => Record<string, unknown>[];
  close(): Promise<void>;
}

/** The bot as the harness starts it, with its log lines kept for the test to read. */
async function startBot(env: Record<string, string>): Promise<Bot> {
  const db = await freshDatabase();
  const clock = new MovableClock();
  const double = await startLarkDouble({ ...TEST_LARK, port: 0, now: () => clock.now().getTime() });
  const config = parseConfig({
    LARK_APP_ID: TEST_LARK.appId,
    LARK_APP_SECRET: TEST_LARK.appSecret,
    LARK_ENCRYPT_KEY: TEST_LARK.encryptKey,
    LARK_VERIFICATION_TOKEN: TEST_LARK.verificationToken,
    LARK_BASE_URL: double.url,
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(5).toString("hex")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_KEYS: TEST_DATA_KEYS,
    ...env,
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const chunks: string[] = [];
  const log = createLogger("info", { write: (s: string) => void chunks.push(s) });
  const app = await startApp({ config, db, redis, clock, log });
  double.setBotUrls({ events: `${app.url}/lark/events`, cards: `${app.url}/lark/cards` });
  return {
    app,
    double,
    db,
    logs: () => chunks.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    close: () => stopBot({ app, double, redis, db }),
  };
}

/** The value of one sample in Prometheus text format: the series whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const forged = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/lark/events`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ encrypt: "not-really" }) });

describe("metrics", () => {
  let bot: Bot;
  let member: SeededPerson;
  const scrape = async () => {
    const res = await fetch(`${bot.app.metricsUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    // One message per second per chat: the second answer in a row waits for our own quota.
    bot = await startBot({ METRICS_PORT: "0", METRICS_TOKEN: TOKEN, SEND_RATE_TARGET_PER_SEC: "1", TRUST_PROXY: "loopback" });
    const org = await seedOrg(bot.db.prisma);
    member = await seedPerson(bot.db.prisma, bot.double, { name: "张三", orgId: org.id, roles: [] });
  });
  afterAll(async () => bot?.close());

  it("is served on its own listener and on the public port only with the token", async () => {
    expect(bot.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const open = await fetch(`${bot.app.url}/metrics`);
    expect(open.status).toBe(401);
    expect(await open.text()).toContain("需要 Authorization: Bearer");
    const wrong = await fetch(`${bot.app.url}/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${bot.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(right.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await right.text();
    expect(text).toContain("# TYPE tongxin_lark_deliveries_total counter");
    // Process figures come with it when metrics are served.
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect((await fetch(`${bot.app.metricsUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${bot.app.metricsUrl}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("counts deliveries accepted, deduplicated and refused by reason, and commands by outcome", async () => {
    const first = await bot.double.say({ from: member.openId, text: "帮助" });
    const second = await bot.double.say({ from: member.openId, text: "我是谁" });
    await bot.double.say({ from: member.openId, text: "没有这个命令" });
    expect("status" in first && first.status).toBe(200);
    const again = await bot.double.redeliver(first.eventId!);
    expect(again.status).toBe(200);
    expect("status" in second && second.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await forged(bot.app.url!)).status).toBe(401);

    const text = await eventually(async () => {
      const t = await scrape();
      return (sample(t, "tongxin_handler_runs_total", { kind: "command", name: "(unknown)" }) ?? 0) >= 1 &&
        (sample(t, "tongxin_lark_send_calls_total", { op: "reply", code: "0" }) ?? 0) >= 3
        ? t
        : undefined;
    }, 15_000);
    expect(sample(text, "tongxin_lark_deliveries_total", { transport: "webhook", outcome: "accepted" })).toBe(3);
    expect(sample(text, "tongxin_lark_deliveries_total", { transport: "webhook", outcome: "duplicate" })).toBe(1);
    expect(sample(text, "tongxin_lark_deliveries_total", { transport: "webhook", outcome: "refused" })).toBe(3);
    const refusedByReason = text.split("\n").filter((l) => l.startsWith("tongxin_lark_deliveries_refused_total{"));
    expect(refusedByReason).toHaveLength(1);
    expect(refusedByReason[0]).toMatch(/reason="[^"]+"} 3$/);
    expect(sample(text, "tongxin_handler_runs_total", { kind: "command", name: "帮助", outcome: "ok" })).toBe(1);
    expect(sample(text, "tongxin_handler_runs_total", { kind: "command", name: "我是谁", outcome: "ok" })).toBe(1);
    expect(sample(text, "tongxin_handler_runs_total", { kind: "command", name: "(unknown)", outcome: "unknown_command" })).toBe(1);
    expect(sample(text, "tongxin_handler_duration_seconds_count", { kind: "command", name: "帮助" })).toBe(1);
    // Three answers into one chat at one per second: our quota held at least one back.
    expect(sample(text, "tongxin_send_quota_waits_total", { window: "target" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "tongxin_send_quota_wait_seconds_total", { window: "target" })).toBeGreaterThan(0);
  });

  it("counts card clicks by action and outcome", async () => {
    const card = await bot.double.waitForMessage({ to: member.openId, where: (m) => m.msg_type === "interactive" });
    const unknown = await bot.double.click({ from: member.openId, messageId: card.message_id, value: { a: "no-such-action" } });
    expect(unknown.status).toBe(200);
    // Refused: there is no such aid request. A refusal writes nothing, so its redelivery runs again.
    const refused = await bot.double.click({ from: member.openId, messageId: card.message_id, value: { a: "aid-open", r: 999_999 } });
    expect(refused.status).toBe(200);
    // Handled once, and its redelivery answered as a duplicate.
    const ok = await bot.double.click({ from: member.openId, messageId: card.message_id, value: { a: "visit-list" } });
    expect(ok.status).toBe(200);
    expect((await bot.double.redeliver(ok.eventId)).status).toBe(200);

    const text = await scrape();
    expect(sample(text, "tongxin_handler_runs_total", { kind: "action", name: "(unknown)", outcome: "unknown_action" })).toBe(1);
    expect(sample(text, "tongxin_handler_runs_total", { kind: "action", name: "aid-open", outcome: "refused" })).toBe(1);
    expect(sample(text, "tongxin_handler_runs_total", { kind: "action", name: "visit-list", outcome: "ok" })).toBe(1);
    expect(sample(text, "tongxin_handler_runs_total", { kind: "action", name: "visit-list", outcome: "duplicate" })).toBe(1);
    expect(sample(text, "tongxin_handler_duration_seconds_count", { kind: "action", name: "visit-list" })).toBe(2);
    expect(sample(text, "tongxin_lark_deliveries_total", { transport: "webhook", outcome: "accepted" })).toBeGreaterThanOrEqual(5);
  });

  it("counts sends by Lark's code, retries and failures", async () => {
    bot.double.injectFault({ kind: "429", resetSeconds: 1, match: { pathPrefix: "/open-apis/im/v1/messages" } });
    bot.double.injectFault({ kind: "5xx", match: { pathPrefix: "/open-apis/im/v1/messages" } });
    const ids = await stageOutgoing(bot.db.prisma, [
      { kind: "SEND", to: { openId: member.openId }, text: "限流之后再发", key: `m-${randomBytes(4).toString("hex")}` },
      { kind: "SEND", to: { openId: "ou_not_in_the_app" }, text: "发不到", key: `m-${randomBytes(4).toString("hex")}` },
    ]);
    await bot.app.enqueue.delivery(ids);
    await eventually(async () => {
      const rows = await bot.db.prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      return rows.every((r) => r.status !== "PENDING") ? rows : undefined;
    }, 20_000);

    const text = await scrape();
    expect(sample(text, "tongxin_lark_send_calls_total", { op: "send", code: "99991400" })).toBe(1);
    expect(sample(text, "tongxin_lark_send_calls_total", { op: "send", code: "2200" })).toBe(1);
    expect(sample(text, "tongxin_lark_send_calls_total", { op: "send", code: "230013" })).toBe(1);
    expect(sample(text, "tongxin_send_retries_total", { reason: "rate_limited" })).toBe(1);
    expect(sample(text, "tongxin_send_retries_total", { reason: "transient" })).toBe(1);
    expect(sample(text, "tongxin_send_failures_total", { reason: "permanent" })).toBe(1);
    // The failure's log line says what Lark said, with the log id to quote to Lark's support.
    const failed = bot.logs().find((l) => l.msg === "message could not be delivered")!;
    expect(failed).toMatchObject({ level: 50, lark: { kind: "permanent", status: 400, code: 230013, op: "send" } });
    const lark = failed.lark as { msg: string; logId: string };
    expect(lark.msg).toContain("NO availability");
    expect(lark.logId).toMatch(/^\w{10,}$/);
  });

  it("counts schedule runs and what they staged, and reports every queue's depth", async () => {
    // The scheduler runs recover every 15 s by itself too: compare before and after.
    const before = await scrape();
    // A message pending since long ago, as after a Redis loss: the sweep hands it to delivery.
    const [stale] = await stageOutgoing(bot.db.prisma, [{ kind: "SEND", to: { openId: member.openId }, text: "迟到的消息", key: `m-${randomBytes(4).toString("hex")}` }]);
    await bot.db.prisma.outboxMessage.update({ where: { id: stale! }, data: { createdAt: new Date(Date.now() - 3_600_000) } });
    await bot.app.maintenance!.run("recover");
    const text = await scrape();
    const grew = (name: string, labels: Record<string, string>) => (sample(text, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(grew("tongxin_schedule_runs_total", { task: "recover", outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(grew("tongxin_schedule_duration_seconds_count", { task: "recover" })).toBeGreaterThanOrEqual(1);
    expect(grew("tongxin_schedule_staged_messages_total", { task: "recover" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "tongxin_schedule_last_run_timestamp_seconds", { task: "recover", outcome: "ok" })).toBeGreaterThan(1_700_000_000);
    for (const queue of ["inbound", "delivery", "maintenance"]) {
      for (const state of ["waiting", "active", "delayed", "failed"]) expect(sample(text, "tongxin_queue_jobs", { queue, state }), `${queue} ${state}`).toBeGreaterThanOrEqual(0);
      expect(sample(text, "tongxin_queue_oldest_waiting_seconds", { queue })).toBeGreaterThanOrEqual(0);
    }
  });

  it("believes X-Forwarded-For from a proxy TRUST_PROXY names (here loopback)", async () => {
    await forged(bot.app.url!, { "x-forwarded-for": "203.0.113.9" });
    const line = bot.logs().filter((l) => l.msg === "refused a Lark delivery").at(-1)!;
    expect(line.ip).toBe("203.0.113.9");
  });
});

describe("defaults", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({});
  });
  afterAll(async () => bot?.close());

  it("no /metrics on the public port and no metrics listener", async () => {
    expect(bot.app.metricsUrl).toBeUndefined();
    expect((await fetch(`${bot.app.url}/metrics`)).status).toBe(404);
  });

  it("a forged X-Forwarded-For does not reach the logged ip", async () => {
    expect((await forged(bot.app.url!, { "x-forwarded-for": "203.0.113.9" })).status).toBe(401);
    const line = bot.logs().filter((l) => l.msg === "refused a Lark delivery").at(-1)!;
    expect(line.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(JSON.stringify(bot.logs())).not.toContain("203.0.113.9");
  });
});

describe("long connection", () => {
  // The SDK's WSClient accepts only app ids shaped like Lark's (cli_ + 16 hex digits).
  const WS_APP_ID = "cli_7e57a11c0de00002";
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { LARK_TRANSPORT: "ws", LARK_APP_ID: WS_APP_ID }, double: { appId: WS_APP_ID } });
    await h.double.waitForLongConnections(1);
  });
  afterAll(async () => h?.close());

  it("counts what arrives over the socket as the webhook's deliveries are counted", async () => {
    const org = await seedOrg(h.db.prisma, "ws1");
    const member = await seedPerson(h.db.prisma, h.double, { name: "赵六", orgId: org.id, roles: [] });
    const said = await h.double.say({ from: member.openId, text: "帮助" });
    expect("status" in said && said.status).toBe(200);
    await h.double.redeliver(said.eventId!);
    const text = await eventually(async () => {
      const t = await h.app.metrics.text();
      return sample(t, "tongxin_handler_runs_total", { kind: "command", name: "帮助", outcome: "ok" }) === 1 ? t : undefined;
    });
    expect(sample(text, "tongxin_lark_deliveries_total", { transport: "ws", outcome: "accepted" })).toBe(1);
    expect(sample(text, "tongxin_lark_deliveries_total", { transport: "ws", outcome: "duplicate" })).toBe(1);
  });
});

describe("queue depth and age", () => {
  it("are read from BullMQ at scrape time: jobs by state and the oldest waiting job's age", async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const prefix = `t${randomBytes(5).toString("hex")}`;
    const queue = new Queue("probe", { connection, prefix });
    try {
      const metrics = createMetrics();
      metrics.watchQueues({ probe: queue });
      // No worker: the jobs wait. The first was created a minute ago.
      await queue.add("x", {}, { timestamp: Date.now() - 60_000 });
      await queue.add("x", {});
      await queue.add("x", {}, { delay: 60_000 });
      const text = await metrics.text();
      expect(sample(text, "tongxin_queue_jobs", { queue: "probe", state: "waiting" })).toBe(2);
      expect(sample(text, "tongxin_queue_jobs", { queue: "probe", state: "delayed" })).toBe(1);
      expect(sample(text, "tongxin_queue_oldest_waiting_seconds", { queue: "probe" })).toBeGreaterThanOrEqual(60);
      await queue.drain(true);
      expect(sample(await metrics.text(), "tongxin_queue_oldest_waiting_seconds", { queue: "probe" })).toBe(0);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });
});
