// Once per test run: make sure the real PostgreSQL and Redis answer, and build one migrated
// template database that every test file clones (CREATE DATABASE … TEMPLATE is much faster
// than migrating a fresh database each time).
import pg from "pg";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { ADMIN_URL, REDIS_URL, dbUrl } from "../support/env.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`Tests need PostgreSQL at ${ADMIN_URL} (${String(err)}). Start it, e.g. pg_ctlcluster 15 main start.`);
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Tests need Redis at ${REDIS_URL} (${String(err)}). Start it, e.g. redis-server --daemonize yes.`);
  } finally {
    redis.disconnect();
  }

  const template = `tongxin_tpl_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const db = openPostgres(dbUrl(template), { poolSize: 2 });
  await migrate(db.sql, { log: () => undefined });
  await db.close();
  project.provide("templateDb", template);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
