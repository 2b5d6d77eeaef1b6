// What the bot counts for whoever runs it, in one Prometheus registry per app (never prom-client's
// global one: two apps in one process, as in the tests, would add to each other's counters).
// The parts that count (webhook, router, delivery worker, schedules) get the narrow method they
// need through their deps; queue depth and age are read from BullMQ when Prometheus scrapes,
// so nothing polls Redis between scrapes. Served by src/http/metrics.ts.
import type { Queue } from "bullmq";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export type DeliveryOutcome = "accepted" | "duplicate" | "refused" | "challenge";
export type HandlerKind = "command" | "action";

export interface HandlerRun {
  kind: HandlerKind;
  /** The command's name or the card action's id; "(…)" for events no command answers. */
  name: string;
  /** ok, refused (a UserError, shown to the user), not_allowed, error, duplicate, … */
  outcome: string;
  seconds: number;
}

export interface Metrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** A delivery from Lark (webhook or long connection) and what became of it. */
  delivery(transport: "webhook" | "ws", outcome: DeliveryOutcome, detail?: string): void;
  handler(run: HandlerRun): void;
  /** One call to Lark's message API: "0" when it went through, else Lark's code. */
  larkCall(op: string, code: string): void;
  /** Our own quota made a send wait (which window was full, for how long). */
  quotaWait(window: string, ms: number): void;
  sendRetry(reason: string): void;
  sendFailure(reason: string): void;
  scheduleRun(task: string, outcome: "ok" | "skipped" | "failed", seconds: number, staged: number, at: Date): void;
  /** Reports these queues' depth and oldest waiting job at every scrape. */
  watchQueues(queues: Record<string, Pick<Queue, "getJobCounts" | "getJobs">>, nowMs?: () => number): void;
  text(): Promise<string>;
}

const JOB_STATES = ["waiting", "active", "delayed", "failed", "prioritized", "waiting-children"] as const;
/** Seconds: from a 2 ms card click to a 10 s sweep. */
const HANDLER_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SCHEDULE_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** Refusal reasons are label values: a stray one must not grow the series without bound. */
const MAX_REASONS = 40;

export function createMetrics(opts: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });

  const deliveries = new Counter({
    name: "tongxin_lark_deliveries_total",
    help: "Deliveries received from Lark (events and card callbacks), by transport and outcome (accepted, duplicate, refused, challenge)",
    labelNames: ["transport", "outcome"] as const,
    registers,
  });
  const refused = new Counter({
    name: "tongxin_lark_deliveries_refused_total",
    help: "Deliveries refused, by reason (bad signature, stale timestamp, wrong token, …)",
    labelNames: ["transport", "reason"] as const,
    registers,
  });
  const handlerRuns = new Counter({
    name: "tongxin_handler_runs_total",
    help: "Commands and card actions handled, by kind, name and outcome",
    labelNames: ["kind", "name", "outcome"] as const,
    registers,
  });
  const handlerSeconds = new Histogram({
    name: "tongxin_handler_duration_seconds",
    help: "Time from taking an event or click to its commit, by kind and name",
    labelNames: ["kind", "name"] as const,
    buckets: HANDLER_BUCKETS,
    registers,
  });
  const larkCalls = new Counter({
    name: "tongxin_lark_send_calls_total",
    help: "Calls to Lark's message API (send, reply, patch), by Lark's answer code (0 = sent; http_<status> or network when Lark gave no code)",
    labelNames: ["op", "code"] as const,
    registers,
  });
  const quotaWaits = new Counter({
    name: "tongxin_send_quota_waits_total",
    help: "Sends delayed by our own quota before calling Lark, by the window that was full (app, app-min, target)",
    labelNames: ["window"] as const,
    registers,
  });
  const quotaWaitSeconds = new Counter({
    name: "tongxin_send_quota_wait_seconds_total",
    help: "Seconds sends were delayed by our own quota, by window",
    labelNames: ["window"] as const,
    registers,
  });
  const retries = new Counter({
    name: "tongxin_send_retries_total",
    help: "Sends that will be tried again, by reason (rate_limited by Lark, token, transient)",
    labelNames: ["reason"] as const,
    registers,
  });
  const failures = new Counter({
    name: "tongxin_send_failures_total",
    help: "Messages given up on and kept as FAILED in the outbox, by reason (permanent, attempts_exhausted, fate_unknown: tried, never answered, past Lark's uuid window)",
    labelNames: ["reason"] as const,
    registers,
  });
  const scheduleRuns = new Counter({
    name: "tongxin_schedule_runs_total",
    help: "Recurring task runs, by task and outcome (ok, skipped on a rest day, failed)",
    labelNames: ["task", "outcome"] as const,
    registers,
  });
  const scheduleSeconds = new Histogram({
    name: "tongxin_schedule_duration_seconds",
    help: "Recurring task run time, by task",
    labelNames: ["task"] as const,
    buckets: SCHEDULE_BUCKETS,
    registers,
  });
  const scheduleStaged = new Counter({
    name: "tongxin_schedule_staged_messages_total",
    help: "Messages recurring tasks handed to delivery (reminders, digests, cards; for recover: messages re-queued), by task",
    labelNames: ["task"] as const,
    registers,
  });
  const scheduleLast = new Gauge({
    name: "tongxin_schedule_last_run_timestamp_seconds",
    help: "When each recurring task last finished (Unix time, the bot's clock), by task and outcome",
    labelNames: ["task", "outcome"] as const,
    registers,
  });

  // Children for the webhook's hot path: a labelled inc() hashes its labels on every call.
  const deliveryChild = new Map<string, Counter.Internal>();
  const reasons = new Set<string>();
  const reasonLabel = (detail: string | undefined): string => {
    const r = (detail ?? "unknown").replace(/\s+/g, " ").trim().slice(0, 60) || "unknown";
    if (reasons.has(r)) return r;
    if (reasons.size >= MAX_REASONS) return "other";
    reasons.add(r);
    return r;
  };

  let watched: Record<string, Pick<Queue, "getJobCounts" | "getJobs">> = {};
  let now = () => Date.now();
  new Gauge({
    name: "tongxin_queue_jobs",
    help: "Jobs in each BullMQ queue by state, read at scrape time",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        Object.entries(watched).map(async ([queue, q]) => {
          // Redis unreachable: the queue's series are missing from this scrape, the rest still answer.
          const counts = await q.getJobCounts(...JOB_STATES).catch(() => undefined);
          if (counts) for (const state of JOB_STATES) this.set({ queue, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  new Gauge({
    name: "tongxin_queue_oldest_waiting_seconds",
    help: "Age of the oldest job waiting in each queue (0 when none waits), read at scrape time",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        Object.entries(watched).map(async ([queue, q]) => {
          // BullMQ pushes new jobs at the list's head; ascending order starts at the oldest.
          const jobs = await q.getJobs(["wait"], 0, 0, true).catch(() => undefined);
          if (!jobs) return;
          const oldest = jobs[0];
          this.set({ queue }, oldest?.timestamp ? Math.max(0, (now() - oldest.timestamp) / 1000) : 0);
        }),
      );
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    delivery(transport, outcome, detail) {
      const key = `${transport}/${outcome}`;
      let child = deliveryChild.get(key);
      if (!child) deliveryChild.set(key, (child = deliveries.labels({ transport, outcome })));
      child.inc();
      if (outcome === "refused") refused.inc({ transport, reason: reasonLabel(detail) });
    },
    handler(run) {
      handlerRuns.inc({ kind: run.kind, name: run.name, outcome: run.outcome });
      handlerSeconds.observe({ kind: run.kind, name: run.name }, run.seconds);
    },
    larkCall(op, code) {
      larkCalls.inc({ op, code });
    },
    quotaWait(window, ms) {
      quotaWaits.inc({ window });
      quotaWaitSeconds.inc({ window }, ms / 1000);
    },
    sendRetry(reason) {
      retries.inc({ reason });
    },
    sendFailure(reason) {
      failures.inc({ reason });
    },
    scheduleRun(task, outcome, seconds, staged, at) {
      scheduleRuns.inc({ task, outcome });
      scheduleSeconds.observe({ task }, seconds);
      if (staged > 0) scheduleStaged.inc({ task }, staged);
      scheduleLast.set({ task, outcome }, at.getTime() / 1000);
    },
    watchQueues(queues, nowMs) {
      watched = queues;
      if (nowMs) now = nowMs;
    },
    text: () => registry.metrics(),
  };
}
