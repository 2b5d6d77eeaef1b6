// A fresh, migrated PostgreSQL database per test file, cloned from the run's template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openPostgres, type Database } from "../../src/store/db.ts";
import { ADMIN_URL, dbUrl } from "./env.ts";

export interface TestDatabase extends Database {
  readonly name: string;
  readonly url: string;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function freshDatabase(): Promise<TestDatabase> {
  const name = `tongxin_t_${randomBytes(6).toString("hex")}`;
  const template = inject("templateDb");
  // Only one clone of a template can be made at a time; retry while another file is cloning.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      break;
    } catch (err) {
      if (attempt > 50 || !String(err).includes("is being accessed by other users")) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const url = dbUrl(name);
  const db = openPostgres(url, { poolSize: 5 });
  return {
    ...db,
    name,
    url,
    async close() {
      await db.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
