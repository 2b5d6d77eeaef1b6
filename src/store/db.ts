// Opens the store: a PostgreSQL server when DATABASE_URL is set, otherwise an embedded
// PostgreSQL (PGlite, WASM) under a data directory, so `npm start` needs no database set up.
// Both are driven through Prisma driver adapters over the same schema.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { inPlainTransaction, plainTx } from "./plain-tx.ts";
import type { Tx } from "./tx.ts";

/** Plain SQL access beside Prisma, for the migration runner and hot paths that need it. */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs fn on one connection, for advisory locks and multi-statement transactions. */
  withConnection<T>(fn: (conn: Omit<SqlExecutor, "withConnection">) => Promise<T>): Promise<T>;
}

export interface Database {
  readonly kind: "postgres" | "pglite";
  readonly prisma: PrismaClient;
  readonly sql: SqlExecutor;
  /**
   * A transaction on a plain pg connection, for clicks whose statements are all plain SQL
   * (plain-tx.ts); absent on PGlite, whose one connection Prisma shares, so those use Prisma's.
   */
  readonly plainTransaction?: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * Raw statements straight to the pool, each its own transaction (plain-tx.ts), for a hot path
   * of single statements (the delivery worker's outbox rows); absent on PGlite.
   */
  readonly plainStatements?: Tx;
  close(): Promise<void>;
}

export function openPostgres(databaseUrl: string, opts: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
  // An idle connection the server ends (a restart, a dropped database) is an 'error' event on the
  // pool; pg already discards that client and the next query opens a new one. Without a listener
  // Node would treat the event as an uncaught exception.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlExecutor = {
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (text) => void (await client.query(text)),
        });
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: "postgres",
    prisma,
    sql,
    // The keyring is read from `sql` at each call: sealDatabase attaches it after opening.
    plainTransaction: (fn) => inPlainTransaction(pool, sql, fn),
    plainStatements: plainTx(pool, sql, null),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** dataDir undefined: in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  const conn = {
    query: async <R,>(text: string, params?: unknown[]) => (await lite.query<R>(text, params)).rows,
    exec: async (text: string) => void (await lite.exec(text)),
  };
  return {
    kind: "pglite",
    prisma,
    // PGlite is a single connection already; withConnection just runs fn on it.
    sql: { ...conn, withConnection: (fn) => fn(conn) },
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

/** Resolves when the database answers a query: what readiness (/readyz) asks of it. */
export async function ping(db: Database): Promise<void> {
  await db.sql.query("SELECT 1");
}

export async function openDatabase(cfg: { databaseUrl: string | undefined; pgliteDir: string }): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openPglite(cfg.pgliteDir);
}
