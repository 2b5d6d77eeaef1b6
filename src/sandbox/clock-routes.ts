// The clock half of the sandbox API: read and move the sandbox time, the festivals ahead to
// jump to, and the scheduled tasks, in words (schedule-labels.ts), with a button to run one now
// and what its last run from the page did.
import type express from "express";
import { z } from "zod";
import type { App } from "../app.ts";
import type { MovableClock } from "../clock.ts";
import { describeResult, scheduleLabel } from "../jobs/schedule-labels.ts";
import { SCHEDULES } from "../jobs/schedules.ts";
import type { Logger } from "../log.ts";
import { upcomingFestivals } from "./festivals.ts";
import type { TaskInfo, TaskRun } from "./page/protocol.ts";
import type { PageEvents } from "./page-events.ts";

export interface ClockDeps {
  app: App;
  clock: MovableClock;
  events: PageEvents;
  /** Where a clock move and a task run are told in the terminal (the sandbox's readable log). */
  log?: Logger;
}

const moveBody = z.object({ to: z.iso.datetime({ offset: true }).optional(), advanceMs: z.number().int().optional() });

export function clockRoutes(r: express.Router, deps: ClockDeps): void {
  const { clock, events } = deps;
  const clockState = () => ({ now: clock.now().toISOString() });
  r.get("/api/clock", (_req, res) => void res.json(clockState()));
  r.post("/api/clock", (req, res) => {
    const body = moveBody.safeParse(req.body);
    if (!body.success || (!body.data.to && body.data.advanceMs === undefined)) {
      return void res.status(400).json({ error: "give {to: ISO time} or {advanceMs: number}" });
    }
    if (body.data.to) clock.set(new Date(body.data.to));
    if (body.data.advanceMs !== undefined) clock.advance(body.data.advanceMs);
    deps.log?.info({ sandbox: "clock", now: clockState().now }, "sandbox clock moved");
    events.broadcast("clock", clockState());
    res.json(clockState());
  });
  r.get("/api/festivals", (req, res) => {
    const daysBefore = z.coerce.number().int().min(0).max(60).default(14).parse(req.query.daysBefore);
    res.json(upcomingFestivals(clock.now(), daysBefore));
  });

  // The last run of each task from this page, since the sandbox started (scheduled runs fire on real time).
  const lastRuns = new Map<string, TaskRun>();
  r.get("/api/tasks", (_req, res) => {
    const tasks: TaskInfo[] = SCHEDULES.map((s) => ({
      task: s.task,
      ...scheduleLabel(s.task),
      ...("every" in s ? { everyMs: s.every } : { pattern: s.pattern }),
      ...(lastRuns.has(s.task) ? { lastRun: lastRuns.get(s.task) } : {}),
    }));
    res.json(tasks);
  });
  r.post("/api/run/:task", async (req, res) => {
    const task = req.params.task;
    if (!SCHEDULES.some((s) => s.task === task)) return void res.status(400).json({ error: `unknown maintenance task ${task}` });
    const at = clock.now().toISOString();
    let run: TaskRun;
    try {
      const result = await deps.app.maintenance?.run(task);
      run = { task, at, ok: true, said: describeResult(task, result), detail: result ?? null };
    } catch (err) {
      const message = String(err instanceof Error ? err.message : err);
      run = { task, at, ok: false, said: { zh: `运行失败：${message}`, en: `failed: ${message}` }, detail: { error: message } };
    }
    lastRuns.set(task, run);
    deps.log?.[run.ok ? "info" : "warn"]({ sandbox: "task", task, said: run.said.zh }, "sandbox task run");
    events.broadcast("task", run);
    if (!run.ok) return void res.status(400).json({ error: run.said.zh, run });
    res.json({ ok: true, result: run.detail, run });
  });
}
