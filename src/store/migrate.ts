// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's native
// schema engine (it cannot be downloaded here). The bookkeeping is Prisma's own: same
// `_prisma_migrations` table, same checksums, same advisory lock, so an online
// `prisma migrate deploy` / `migrate status` later accepts a database migrated by this runner.
// Differences, on purpose: each migration runs in one transaction (Prisma runs the script as
// is), so a failed migration leaves nothing half-applied behind.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlExecutor } from "./db.ts";

type Conn = Omit<SqlExecutor, "withConnection">;

/** The nearest ancestor with a package.json: the project root from src/ and from dist/src/. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma", "migrations");

/** Prisma's key for `pg_advisory_lock` during migrate commands. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** Prisma's DDL for the table, verbatim (Prisma creates it when missing, so do we). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const RESOLVE_DOC = "https://pris.ly/d/migrate-resolve";

export class MigrationError extends Error {
  override readonly name = "MigrationError";
  /** Prisma's error code where one exists (P3009, P3018, P3019), else a short tag. */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Lowercase hex SHA-256 of the raw migration.sql bytes: what Prisma stores in `checksum`. */
export function checksum(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Prisma's comparison: a checkout with other line endings (git autocrlf) is not an edit,
 * so CRLF->LF and LF->CRLF variants of the script also match.
 */
export function matchesChecksum(script: string, stored: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n")];
  return variants.some((v) => checksum(v) === stored);
}

export interface MigrationFolder {
  name: string;
  /** The folder's absolute path. */
  path: string;
  script: string;
  checksum: string;
}

/**
 * Migration folders in the order Prisma applies them: every subdirectory, sorted with
 * localeCompare as the Prisma CLI does (names start with a UTC timestamp).
 */
export function listMigrations(dir: string = MIGRATIONS_DIR): MigrationFolder[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  return names.map((name) => {
    const path = join(dir, name);
    const file = join(path, "migration.sql");
    if (!existsSync(file)) throw new MigrationError("MISSING_SQL", `${file} does not exist: every migration folder needs one`);
    const bytes = readFileSync(file);
    return { name, path, script: bytes.toString("utf8"), checksum: checksum(bytes) };
  });
}

/** Prisma refuses to apply migrations made for another provider (P3019); so do we. */
function checkLockfile(dir: string): void {
  const lockfile = join(dir, "migration_lock.toml");
  if (!existsSync(lockfile)) return;
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(readFileSync(lockfile, "utf8"))?.[1];
  if (provider && provider !== "postgresql") {
    throw new MigrationError("P3019", `${lockfile} says provider "${provider}", this runner only migrates "postgresql"`);
  }
}

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  logs: string | null;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d));

async function withAdvisoryLock<T>(conn: Conn, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  // Polling pg_try_advisory_lock gives Prisma's behaviour (give up after a timeout) without
  // touching session settings such as lock_timeout that the script might rely on.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await conn.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY}) AS locked`);
    if (row?.locked) break;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        "LOCK_TIMEOUT",
        `another migration holds advisory lock ${PRISMA_MIGRATE_LOCK_KEY} (SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})) after ${timeoutMs}ms`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await fn();
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_KEY})`).catch(() => undefined);
  }
}

function failedMigrationsError(failed: MigrationRow[]): MigrationError {
  const details = failed
    .map((m) => {
      const logs = m.logs?.trim() ? ` with the following logs:\n${m.logs.trim()}` : "";
      return `The \`${m.migration_name}\` migration started at ${iso(m.started_at)} failed${logs}`;
    })
    .join("\n");
  const names = failed.map((m) => m.migration_name);
  return new MigrationError(
    "P3009",
    `migrate found failed migrations in the target database, new migrations will not be applied. ${RESOLVE_DOC}\n${details}\n\n` +
      `This runner applies each migration in a transaction, so a failed one left no changes behind ` +
      `(unless its SQL committed by itself). To recover: fix the migration.sql, then mark the failed ` +
      `attempt rolled back with \`npm run db:migrate -- --rolled-back ${names[0]}\` ` +
      `(same as \`prisma migrate resolve --rolled-back ${names[0]}\`) and run \`npm run db:migrate\` again. ` +
      `If the change was in fact applied by hand, use \`prisma migrate resolve --applied <name>\` instead.`,
  );
}

function databaseErrorLogs(name: string, err: unknown): string {
  const e = err as { code?: unknown; message?: unknown; detail?: unknown; position?: unknown };
  const parts = [`Migration name: ${name}`];
  if (typeof e.code === "string") parts.push(`Database error code: ${e.code}`);
  let text = `Database error:\n${typeof e.message === "string" ? e.message : String(err)}`;
  if (typeof e.detail === "string" && e.detail) text += `\nDETAIL: ${e.detail}`;
  if (e.position !== undefined) text += `\nPosition: ${String(e.position)}`;
  parts.push(text);
  return parts.join("\n\n");
}

async function applyOne(conn: Conn, m: MigrationFolder): Promise<void> {
  const id = randomUUID();
  // The "started" row is committed on its own first, as Prisma does: if the process dies
  // mid-migration the row stays unfinished and the next run refuses (P3009) instead of guessing.
  await conn.query(`INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)`, [
    id,
    m.checksum,
    m.name,
  ]);
  try {
    await conn.exec("BEGIN");
    await conn.exec(m.script);
    // Finished inside the same transaction: the schema change and its record commit together.
    await conn.query(
      `UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
      [id],
    );
    await conn.exec("COMMIT");
  } catch (err) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    const logs = databaseErrorLogs(m.name, err);
    await conn.query(`UPDATE _prisma_migrations SET logs = $1 WHERE id = $2`, [logs, id]);
    throw new MigrationError(
      "P3018",
      `A migration failed to apply. New migrations cannot be applied before the error is recovered from. ${RESOLVE_DOC}\n\n${logs}`,
    );
  }
}

export interface MigrateOptions {
  /** Default: prisma/migrations of this project. */
  dir?: string;
  log?: (msg: string) => void;
  /**
   * A migration.sql changed after it was applied. Prisma's `migrate deploy` ignores this
   * (only `migrate dev`/`status` notice), so the default is to warn; "refuse" fails instead.
   */
  onEdited?: "warn" | "refuse";
  /** How long to wait for another process's migration lock (Prisma: 10 s). */
  lockTimeoutMs?: number;
}

export interface MigrateResult {
  applied: string[];
  /** Applied migrations whose migration.sql no longer matches the recorded checksum. */
  edited: string[];
}

export async function migrate(sql: SqlExecutor, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const dir = opts.dir ?? MIGRATIONS_DIR;
  const log = opts.log ?? (() => undefined);
  checkLockfile(dir);
  const folders = listMigrations(dir);

  return sql.withConnection((conn) =>
    withAdvisoryLock(conn, opts.lockTimeoutMs ?? 10_000, async () => {
      // Made only when missing: the application's own production role (npm run db:app-role)
      // may not create tables, and CREATE TABLE IF NOT EXISTS asks for that right even when the table is there.
      const [table] = await conn.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
      if (!table?.t) await conn.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await conn.query<MigrationRow>(
        `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at ASC`,
      );
      const live = rows.filter((r) => r.rolled_back_at === null);

      const failed = live.filter((r) => r.finished_at === null);
      if (failed.length > 0) throw failedMigrationsError(failed);

      const edited = folders
        .filter((f) => live.some((r) => r.migration_name === f.name && !matchesChecksum(f.script, r.checksum)))
        .map((f) => f.name);
      if (edited.length > 0) {
        const msg = `migration.sql changed after it was applied: ${edited.join(", ")}. The database was migrated with the old text; put a new migration on top instead of editing an applied one.`;
        if (opts.onEdited === "refuse") throw new MigrationError("EDITED", msg);
        log(`warning: ${msg}`);
      }
      const unknown = live.filter((r) => !folders.some((f) => f.name === r.migration_name)).map((r) => r.migration_name);
      if (unknown.length > 0) log(`warning: applied in the database but not found in ${dir}: ${unknown.join(", ")}`);

      const pending = folders.filter((f) => !live.some((r) => r.migration_name === f.name));
      const applied: string[] = [];
      for (const m of pending) {
        log(`applying ${m.name}`);
        await applyOne(conn, m);
        applied.push(m.name);
      }
      log(applied.length ? `applied ${applied.length} migration(s)` : "no pending migrations");
      return { applied, edited };
    }),
  );
}

/**
 * Offline `prisma migrate resolve --rolled-back <name>`: marks the failed attempt of a migration
 * as rolled back so the next run applies it again. Only unfinished attempts are touched.
 */
export async function markRolledBack(sql: SqlExecutor, name: string): Promise<number> {
  return sql.withConnection((conn) =>
    withAdvisoryLock(conn, 10_000, async () => {
      const rows = await conn.query(
        `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL RETURNING id`,
        [name],
      );
      if (rows.length === 0) {
        throw new MigrationError("P3011", `migration ${name} has no failed attempt to mark rolled back`);
      }
      return rows.length;
    }),
  );
}
