// Sandbox-only HTTP routes on the bot's own server: the clock and the schedulers. The page
// itself (/sandbox) is added by the sandbox issue; until then the root explains where to look.
import express from "express";
import { z } from "zod";
import type { App } from "../app.ts";
import type { MovableClock } from "../clock.ts";
import type { LarkDouble } from "../double/index.ts";

export function sandboxRoutes(web: express.Express, deps: { app: App; double: LarkDouble; clock: MovableClock }): void {
  const r = express.Router();
  r.use(express.json());
  r.get("/api/clock", (_req, res) => void res.json({ now: deps.clock.now().toISOString() }));
  r.post("/api/clock", (req, res) => {
    const body = z.object({ to: z.iso.datetime({ offset: true }).optional(), advanceMs: z.number().int().optional() }).safeParse(req.body);
    if (!body.success || (!body.data.to && body.data.advanceMs === undefined)) {
      return void res.status(400).json({ error: "give {to: ISO time} or {advanceMs: number}" });
    }
    if (body.data.to) deps.clock.set(new Date(body.data.to));
    if (body.data.advanceMs !== undefined) deps.clock.advance(body.data.advanceMs);
    res.json({ now: deps.clock.now().toISOString() });
  });
  r.post("/api/run/:task", async (req, res) => {
    try {
      res.json({ ok: true, result: await deps.app.maintenance?.run(req.params.task) });
    } catch (err) {
      res.status(400).json({ error: String(err instanceof Error ? err.message : err) });
    }
  });
  r.get("/api/double", (_req, res) => void res.json({ url: deps.double.url }));
  web.use("/sandbox", r);
}
