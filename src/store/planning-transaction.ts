// The festival planner's transaction: a festival's tasks and their visitors' digests commit
// together, so a crash in between leaves neither and the next run redoes both.
import { bound, type Bound } from "./bind.ts";
import type { Database } from "./db.ts";
import { compressWithLz4InTransaction } from "./outbox-bulk.ts";
import { viaTx, type Rows } from "./rows.ts";
import * as planner from "./visit-planner.ts";

export type PlanStatements = Bound<typeof planner, Rows>;

/**
 * Runs fn in one transaction on one connection, with the planner's statements bound to it. On a
 * PostgreSQL server that is a pooled pg connection (plain SQL: the planner stages thousands of
 * rows); on the embedded PGlite (one connection shared with everything else) it must be Prisma's
 * own transaction, which serialises with the handlers' work instead of wrapping it.
 */
export async function inPlanningTransaction<T>(db: Database, fn: (plan: PlanStatements) => Promise<T>): Promise<T> {
  if (db.kind === "pglite") {
    return db.prisma.$transaction((tx) => fn(bound(planner, viaTx(tx))), { timeout: 300_000, maxWait: 30_000 });
  }
  return db.sql.withConnection(async (conn) => {
    const run: Rows = <R,>(text: string, params: unknown[]) => conn.query<R>(text, params);
    await conn.exec("BEGIN");
    try {
      // The digests staged here (tens of thousands at a million members) are stored compressed
      // with lz4 where the server has it (outbox-bulk.ts has why and the figures).
      await compressWithLz4InTransaction(conn);
      // Selecting a million members' tasks: its hashes and sorts fit in 64 MB (in the default 4 MB
      // they spilled to disk in 16 batches), and JIT compiling it cost over a second for nothing.
      await conn.exec("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off");
      const r = await fn(bound(planner, run));
      await conn.exec("COMMIT");
      return r;
    } catch (err) {
      await conn.exec("ROLLBACK").catch(() => undefined);
      throw err;
    }
  });
}
