// Builds the running bot from its parts: the HTTP server (webhook, health, sandbox), the
// workers and the schedulers. Which of them run is the process role; tests start the whole
// app against their own database, queue prefix and Lark double.
import type { Server } from "node:http";
import type { Worker } from "bullmq";
import express from "express";
import type { Redis } from "ioredis";
import { Router } from "./bot/router.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { tickBatcher } from "./lib/tick-batcher.ts";
import { createEnqueuer, type Enqueuer } from "./jobs/enqueue.ts";
import { startAttachmentWorker } from "./jobs/attachment-worker.ts";
import { startDeliveryWorker } from "./jobs/delivery-worker.ts";
import { startInboundWorker } from "./jobs/inbound-worker.ts";
import { startMaintenance, type Maintenance } from "./jobs/maintenance.ts";
import { openQueues, type Queues } from "./jobs/queues.ts";
import { createLarkClient, type LarkClient } from "./lark/client.ts";
import { createLarkResources } from "./lark/resources.ts";
import { createLarkSender } from "./lark/sender.ts";
import { mountLarkWebhook } from "./lark/webhook.ts";
import { startLongConnection, type LongConnection } from "./lark/ws.ts";
import type { Logger } from "./log.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import type { Database } from "./store/db.ts";
import { InboxWriter } from "./store/inbox.ts";
import { hasKeyring, sealDatabase } from "./store/sealing.ts";
import { keyringFrom } from "./lib/sealing.ts";
import { healthRoutes } from "./http/health.ts";
import { metricsHandler, startMetricsServer, type MetricsServer } from "./http/metrics.ts";
import { larkBodyInfo, larkErrorInfo } from "./lark/error-info.ts";

export interface AppDeps {
  config: Config;
  db: Database;
  redis: Redis;
  clock: Clock;
  log: Logger;
  /** Extra routes mounted on the same server (the sandbox page). */
  extraRoutes?: (app: express.Express, ctx: { app: App }) => void;
}

export interface App {
  readonly config: Config;
  readonly db: Database;
  readonly router: Router;
  readonly queues: Queues;
  readonly enqueue: Enqueuer;
  readonly lark: LarkClient;
  readonly maintenance: Maintenance | undefined;
  /** This process's counters (/metrics serves them when METRICS_PORT or METRICS_TOKEN is set). */
  readonly metrics: Metrics;
  /** Base URL of the separate metrics listener, when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /** Base URL of the HTTP server, when this process serves HTTP. */
  url: string | undefined;
  botOpenId: string | undefined;
  close(): Promise<void>;
}

export async function startApp(deps: AppDeps): Promise<App> {
  const { config, db, redis, clock, log } = deps;
  // main.ts seals the database after checking the keys' probes; a process started without it
  // (the tests' harness) seals with the configured keys here.
  if (!hasKeyring(db.prisma) && config.dataKeys) sealDatabase(db, keyringFrom(config.dataKeys.keys, config.dataKeys.currentId));
  const role = config.role;
  const runs = { web: role === "all" || role === "web", worker: role === "all" || role === "worker", scheduler: role === "all" || role === "scheduler" };

  const queues = openQueues(redis, config.queuePrefix);
  const enqueue = createEnqueuer(queues, config.send.maxAttempts, log);
  const lark = createLarkClient({ appId: config.lark.appId, appSecret: config.lark.appSecret, baseUrl: config.lark.baseUrl, log, timeoutMs: config.larkTimeoutMs });
  const served = config.metrics.port !== undefined || config.metrics.token !== undefined;
  const metrics = createMetrics({ processMetrics: served });
  metrics.watchQueues({ inbound: queues.inbound, delivery: queues.delivery, maintenance: queues.maintenance, attachments: queues.attachments });
  const router = new Router({ prisma: db.prisma, ...(db.plainTransaction ? { plainTransaction: db.plainTransaction } : {}), clock, config, log, deliver: (ids) => enqueue.delivery(ids), attachmentWork: (work) => enqueue.attachments(work), observe: (run) => metrics.handler(run) });
  let metricsServer: MetricsServer | undefined;
  const workers: Worker[] = [];
  let server: Server | undefined;
  let ws: LongConnection | undefined;
  let maintenance: Maintenance | undefined;

  const app: App = {
    config,
    db,
    router,
    queues,
    enqueue,
    lark,
    maintenance: undefined,
    metrics,
    metricsUrl: undefined,
    url: undefined,
    botOpenId: undefined,
    async close() {
      // Stop taking work first, then let in-flight jobs finish, then drop connections.
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      ws?.close();
      await maintenance?.close();
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      await metricsServer?.close();
    },
  };

  app.botOpenId = await fetchBotOpenId(lark, log);
  const inbox = new InboxWriter(db.sql);
  const acceptEvent = (key: string, type: string, event: unknown) => inbox.accept(key, type, event);
  const queueEvent = tickBatcher<string>((keys) => enqueue.inbound(keys));

  if (runs.worker) {
    workers.push(startInboundWorker({ connection: redis, prefix: config.queuePrefix, router, prisma: db.prisma, log }));
    workers.push(startAttachmentWorker({ connection: redis, prefix: config.queuePrefix, db, resources: createLarkResources(lark, { log }), enqueue, config, clock, log }));
    workers.push(startDeliveryWorker({ connection: redis, prefix: config.queuePrefix, prisma: db.prisma, plainStatements: db.plainStatements, sender: createLarkSender(lark, { log, observe: (op, code) => metrics.larkCall(op, code) }), config, clock, log, metrics, requeue: enqueue.delivery }));
  }
  maintenance = await startMaintenance({ queues, connection: redis, db, enqueue, clock, log, config, metrics }, { schedule: runs.scheduler, work: runs.worker });
  (app as { maintenance: Maintenance | undefined }).maintenance = maintenance;

  if (runs.web) {
    const web = express();
    web.disable("x-powered-by");
    // Off unless TRUST_PROXY names the proxies in front: otherwise any client could put any
    // address in X-Forwarded-For, and req.ip (and the logs) would believe it.
    web.set("trust proxy", config.trustProxy);
    // Nothing here is cached by clients; an ETag would cost a hash of every answer.
    web.set("etag", false);
    if (config.lark.transport === "webhook") {
      mountLarkWebhook(web, {
        encryptKey: config.lark.encryptKey,
        verificationToken: config.lark.verificationToken,
        botOpenId: () => app.botOpenId,
        nowMs: () => clock.now().getTime(),
        log,
        acceptEvent,
        queueEvent,
        handleCardAction: (a) => router.handleCardAction(a),
        observe: (outcome, detail) => metrics.delivery("webhook", outcome, detail),
      });
    }
    web.use(healthRoutes({ db, redis }));
    // On the public port only behind a token; without one, only on METRICS_PORT (or nowhere).
    if (config.metrics.token !== undefined) web.get("/metrics", metricsHandler(metrics, { token: config.metrics.token }));
    deps.extraRoutes?.(web, { app });
    server = await new Promise<Server>((resolve) => {
      const s = web.listen(config.port, config.host, () => resolve(s));
    });
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : config.port;
    app.url = `http://127.0.0.1:${port}`;
  }
  if (config.lark.transport === "ws" && runs.web) {
    // What arrives is counted as the webhook's observer counts it (new, redelivered, ignored,
    // card callback; refused: not an event, or the store was down).
    ws = startLongConnection({
      config,
      log,
      acceptEvent,
      queueEvent,
      handleCardAction: (a) => router.handleCardAction(a),
      botOpenId: () => app.botOpenId,
      observe: (outcome, detail) => metrics.delivery("ws", outcome, detail),
    });
  }
  // Every role serves its own counters: the worker's sends and the scheduler's runs are not the web's.
  if (config.metrics.port !== undefined) {
    metricsServer = await startMetricsServer(metrics, { port: config.metrics.port, host: config.metrics.host, token: config.metrics.token });
    app.metricsUrl = metricsServer.url;
  }
  return app;
}

async function fetchBotOpenId(lark: LarkClient, log: Logger): Promise<string | undefined> {
  try {
    const res = (await lark.sdk.request({ method: "GET", url: "/open-apis/bot/v3/info" })) as { code?: number; bot?: { open_id?: string } };
    if (!res.bot?.open_id) log.warn({ lark: larkBodyInfo(res) }, "Lark's bot info has no open_id (GET /open-apis/bot/v3/info)");
    return res.bot?.open_id;
  } catch (err) {
    // Without it, group messages cannot be told apart from chatter: they are ignored until known.
    log.warn({ lark: larkErrorInfo(err), err }, "could not read the bot's open_id (GET /open-apis/bot/v3/info)");
    return undefined;
  }
}
