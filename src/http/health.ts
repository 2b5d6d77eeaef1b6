// /healthz says the process is up; /readyz says it can do its work (database and Redis answer).
import express from "express";
import type { Redis } from "ioredis";
import { ping, type Database } from "../store/db.ts";

export function healthRoutes(deps: { db: Database; redis: Redis }): express.Router {
  const r = express.Router();
  r.get("/healthz", (_req, res) => void res.json({ ok: true }));
  r.get("/readyz", async (_req, res) => {
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
        return "ok";
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    };
    const [database, redis] = await Promise.all([check(() => ping(deps.db)), check(() => deps.redis.ping())]);
    const ok = database === "ok" && redis === "ok";
    res.status(ok ? 200 : 503).json({ ok, database, redis });
  });
  return r;
}
