// A worker process of the bot (ROLE=worker, as in production) for tests that kill one: started
// with the environment it is given in argv[2] (JSON), it says "ready" once its workers run.
import { Redis } from "ioredis";
import { startApp } from "../../src/app.ts";
import { systemClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { openPostgres } from "../../src/store/db.ts";

const env = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
const config = parseConfig({ ...env, ROLE: "worker" });
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const db = openPostgres(config.databaseUrl!, { poolSize: 4 });
await startApp({ config, db, redis, clock: systemClock, log: createLogger("silent") });
process.send?.({ ready: true });
