// The clock half of the sandbox API: read and move the sandbox time, the festivals ahead to
// jump to, and the scheduled tasks with a button to run one now.
import type express from "express";
import { z } from "zod";
import type { App } from "../app.ts";
import type { MovableClock } from "../clock.ts";
import { SCHEDULES } from "../jobs/schedules.ts";
import { upcomingFestivals } from "./festivals.ts";
import type { PageEvents } from "./page-events.ts";

export interface ClockDeps {
  app: App;
  clock: MovableClock;
  events: PageEvents;
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
    events.broadcast("clock", clockState());
    res.json(clockState());
  });
  r.get("/api/festivals", (req, res) => {
    const daysBefore = z.coerce.number().int().min(0).max(60).default(14).parse(req.query.daysBefore);
    res.json(upcomingFestivals(clock.now(), daysBefore));
  });

  r.get("/api/tasks", (_req, res) => void res.json(SCHEDULES.map((s) => ({ task: s.task, ...("every" in s ? { everyMs: s.every } : { pattern: s.pattern }) }))));
  r.post("/api/run/:task", async (req, res) => {
    try {
      const result = await deps.app.maintenance?.run(req.params.task);
      events.broadcast("task", { task: req.params.task, result });
      res.json({ ok: true, result });
    } catch (err) {
      res.status(400).json({ error: String(err instanceof Error ? err.message : err) });
    }
  });
}
