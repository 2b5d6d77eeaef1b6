// The members owed a talk (findDueTalks' statement), read a page at a time through a cursor and
// ordered by leader, so a sweep over a million members holds one page and one leader's digest in
// memory instead of every due member at once: a leader's rows arrive together, and their digest
// is complete when the next leader's first row arrives. Members without a leader come last.
import type { Database } from "./db.ts";
import { DUE_COLUMNS, dueParams, DUE_ROWS_SQL, type DueQuery, type DueTalk } from "./talk-due.ts";

const BY_LEADER = `SELECT ${DUE_COLUMNS} FROM (${DUE_ROWS_SQL}) d ORDER BY d."leaderId" NULLS LAST, d.due_day, d."memberId"`;

export async function forEachDueTalkPage(db: Database, q: DueQuery, pageSize: number, onPage: (rows: DueTalk[]) => Promise<void>): Promise<void> {
  if (q.branches.length === 0) return;
  if (db.kind === "pglite") {
    // One connection shared with everything else (a transaction held open would take in the
    // handlers' statements): the embedded database serves small branches, read at once.
    const rows = await db.sql.query<DueTalk>(BY_LEADER, dueParams(q));
    for (let i = 0; i < rows.length; i += pageSize) await onPage(rows.slice(i, i + pageSize));
    return;
  }
  await db.sql.withConnection(async (conn) => {
    await conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      // One statement over every member: JIT compiling it cost seconds (more than it saved), a
      // cursor is planned for its first rows unless told all are wanted, and the sorts fit in memory.
      // Over 1,000,000 members (bench database, load 10-12 on 2 cores) the last talk per member read
      // in order from the (memberId, heldOn) index and merged took 5-13 s where the planner's own
      // choice, a hash of a million groups joined by hashes, took 24-30 s; parallel workers each
      // built those hashes again (three times the work on two shared cores), so none are used.
      await conn.exec(
        "SET LOCAL jit = off; SET LOCAL cursor_tuple_fraction = 1; SET LOCAL work_mem = '64MB'; SET LOCAL enable_hashagg = off; SET LOCAL max_parallel_workers_per_gather = 0",
      );
      await conn.query(`DECLARE due_talks NO SCROLL CURSOR FOR ${BY_LEADER}`, dueParams(q));
      for (;;) {
        const rows = await conn.query<DueTalk>(`FETCH ${Math.max(1, Math.floor(pageSize))} FROM due_talks`, []);
        if (rows.length > 0) await onPage(rows);
        if (rows.length < pageSize) break;
      }
      await conn.exec("COMMIT");
    } catch (err) {
      await conn.exec("ROLLBACK").catch(() => undefined);
      throw err;
    }
  });
}
