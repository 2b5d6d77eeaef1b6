// Operations: health and readiness, and a clear stop when Redis is missing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectRedis, RedisUnavailableError } from "../../src/jobs/redis.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  // A short refresh period so the scheduler refresh can be watched happening.
  h = await startHarness({ env: { SCHEDULER_REFRESH_MS: "300" } });
});
afterAll(async () => h?.close());

it("reports live and ready with the database and Redis answering", async () => {
  expect(await (await fetch(`${h.app.url}/healthz`)).json()).toEqual({ ok: true });
  const ready = await fetch(`${h.app.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ok: true, database: "ok", redis: "ok" });
});

it("upserts the recovery scheduler at start", async () => {
  const schedulers = await h.app.queues.maintenance.getJobSchedulers();
  expect(schedulers.map((s) => s.key)).toContain("recover");
});

it("stops with a message that says how to start Redis when it is unreachable", async () => {
  const err = await connectRedis("redis://127.0.0.1:1", 1000).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RedisUnavailableError);
  expect(String((err as Error).message)).toMatch(/redis-server --daemonize yes/);
});

it("brings the job schedulers back after they vanished from Redis", async () => {
  await h.app.queues.maintenance.removeJobScheduler("recover");
  // Nobody calls anything: the scheduler role's periodic refresh restores it.
  await eventually(async () => (await h.app.queues.maintenance.getJobSchedulers()).some((s) => s.key === "recover"));
});
