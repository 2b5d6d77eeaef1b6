// One worker process of the recovery bench (ROLE=worker, as in production), against the bench's
// database, its own Redis and queue prefix, and the Lark double. Says "ready"; the bench kills
// one of them with SIGKILL mid-delivery.
import { Redis } from "ioredis";
import { startApp } from "../src/app.ts";
import { systemClock } from "../src/clock.ts";
import { createLogger } from "../src/log.ts";
import { openPostgres } from "../src/store/db.ts";
import { recoveryConfig } from "./recovery-support.ts";

const [databaseUrl, larkUrl, redisUrl, prefix] = process.argv.slice(2) as [string, string, string, string];
const config = recoveryConfig({ role: "worker", databaseUrl, larkUrl, redisUrl, prefix });
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const db = openPostgres(databaseUrl, { poolSize: 4 });
await startApp({ config, db, redis, clock: systemClock, log: createLogger("silent") });
process.send?.({ ready: true });
