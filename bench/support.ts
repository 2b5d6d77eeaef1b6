// Shared by the benchmarks: a fresh PostgreSQL database migrated like production, dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgres, type Database } from "../src/store/db.ts";
import { migrate } from "../src/store/migrate.ts";

const BASE = process.env.BENCH_PG_BASE ?? "postgresql://postgres@127.0.0.1:5432";

export interface BenchDatabase extends Database {
  url: string;
}

export async function benchDatabase(poolSize = 10): Promise<BenchDatabase> {
  const name = `tongxin_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${BASE}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = `${BASE}/${name}`;
  const db = openPostgres(url, { poolSize });
  await migrate(db.sql, { log: () => undefined });
  return {
    ...db,
    url,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: `${BASE}/postgres` });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Peak resident set size of this process so far, in MB (from the kernel's high-water mark). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
