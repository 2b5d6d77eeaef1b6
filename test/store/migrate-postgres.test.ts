// The migration runner against a real PostgreSQL server: the result fits the generated client,
// the bookkeeping is Prisma's, and the failure paths refuse the way `prisma migrate deploy` does.
// Also: the offline stand-in adapter used for diffs makes the SQL a real connection makes.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "../../src/store/db.ts";
import { listMigrations, markRolledBack, migrate, MIGRATIONS_DIR, MigrationError, PRISMA_MIGRATE_LOCK_KEY } from "../../src/store/migrate.ts";
import { diffSchemas, SCHEMA_PATH } from "../../src/store/schema-diff.ts";
import { compareShapes, databaseShape, expectedShape } from "./datamodel-columns.ts";
import { freshPostgres } from "./fresh-postgres.ts";

const names = () => listMigrations().map((m) => m.name);
const rows = (db: Database) =>
  db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at`,
  );

describe("migrate on a fresh PostgreSQL database", () => {
  let db: Database;
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, drop } = await freshPostgres("migrate"));
    db = openPostgres(url, { poolSize: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it("applies every migration, and the database then fits the generated client's data model", async () => {
    const result = await migrate(db.sql);
    expect(result.applied).toEqual(names());
    expect(result.applied.length).toBeGreaterThan(0);

    const expected = expectedShape(db.prisma);
    // The expectation itself must be meaningful: a list of enums, a DATE, a nullable column.
    expect(expected.columns).toContainEqual({ table: "Person", column: "tags", type: "_PersonTag", nullable: true });
    expect(expected.columns).toContainEqual({ table: "Person", column: "birthDate", type: "date", nullable: true });
    expect(expected.columns).toContainEqual({ table: "Membership", column: "role", type: "Role", nullable: false });
    expect(compareShapes(expected, await databaseShape(db.sql))).toEqual([]);
  });

  it("records each migration like Prisma: finished, one step, checksum = sha256 of the file's bytes", async () => {
    const recorded = await rows(db);
    expect(recorded.map((r) => r.migration_name)).toEqual(names());
    for (const r of recorded) {
      const bytes = readFileSync(join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    const columns = await db.sql.query<{ column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string }>(
      `SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.character_maximum_length, c.is_nullable])).toEqual([
      ["id", "character varying", 36, "NO"],
      ["checksum", "character varying", 64, "NO"],
      ["finished_at", "timestamp with time zone", null, "YES"],
      ["migration_name", "character varying", 255, "NO"],
      ["logs", "text", null, "YES"],
      ["rolled_back_at", "timestamp with time zone", null, "YES"],
      ["started_at", "timestamp with time zone", null, "NO"],
      ["applied_steps_count", "integer", null, "NO"],
    ]);
  });

  it("finds a card's copies by key prefix through an index, not a scan of the outbox", async () => {
    await db.sql.exec(`
      INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "rateKey", "msgType", "content", "updatedAt")
      SELECT 'aid-approval-' || g || '-r0-1', 'SEND', 'ou_x', 'text', '{}', now() FROM generate_series(1, 20000) AS g;
      ANALYZE "OutboxMessage";`);
    const plan = (await db.sql.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT "id" FROM "OutboxMessage" WHERE "idempotencyKey" LIKE $1 AND "kind" = 'SEND'`, ["aid-approval-42-%"]))
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    expect(plan).toContain("OutboxMessage_idempotencyKey_prefix_idx");
    expect(plan).not.toContain("Seq Scan");
    await db.sql.exec(`DELETE FROM "OutboxMessage"`);
  });

  it("applies nothing the second time", async () => {
    const before = await rows(db);
    expect(await migrate(db.sql)).toEqual({ applied: [], edited: [] });
    expect(await rows(db)).toEqual(before);
  });

  it("the offline stand-in the schema engine diffs with yields the same SQL as a real server", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const real = await diffSchemas(null, schema, { adapter: new PrismaPg({ connectionString: url }) });
    expect(real).toContain('CREATE TABLE "Person"');
    expect(await diffSchemas(null, schema)).toBe(real);
  });

  it("the comparison fails on a missing column, a wrong nullability and a missing enum value", async () => {
    // DDL is transactional in PostgreSQL: damage the schema, look, roll back.
    const diffs = await db.sql.withConnection(async (conn) => {
      await conn.exec("BEGIN");
      try {
        await conn.exec(`ALTER TABLE "Person" DROP COLUMN "whereabouts"`);
        await conn.exec(`ALTER TABLE "Membership" ALTER COLUMN "role" DROP NOT NULL`);
        await conn.exec(`ALTER TABLE "InboundEvent" ADD COLUMN "stray" TEXT`);
        await conn.exec(`CREATE TYPE "Mood" AS ENUM ('OK')`);
        return compareShapes(expectedShape(db.prisma), await databaseShape(conn));
      } finally {
        await conn.exec("ROLLBACK");
      }
    });
    expect(diffs).toEqual(
      expect.arrayContaining([
        "missing column Person.whereabouts",
        "Membership.role: nullable, client expects NOT NULL",
        "column InboundEvent.stray is not in the client's data model",
        "enum Mood is not in the client's data model",
      ]),
    );
    expect(diffs).toHaveLength(4);
  });
});

describe("migrate refuses like prisma migrate deploy", () => {
  let url: string;
  let drop: () => Promise<void>;
  let dir: string;
  let db: Database;
  const init = () => names()[0]!;

  beforeAll(async () => {
    const fresh = await freshPostgres("refuse");
    ({ url, drop } = fresh);
    db = openPostgres(url, { poolSize: 2 });
    dir = mkdtempSync(join(tmpdir(), "tongxin-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(db.sql, { dir });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("a failing migration is rolled back whole, recorded with logs, and blocks later runs (P3009) until marked rolled back", async () => {
    const broken = "29990101000000_broken";
    mkdirSync(join(dir, broken));
    writeFileSync(join(dir, broken, "migration.sql"), `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n`);

    const first = await migrate(db.sql, { dir }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(MigrationError);
    expect((first as MigrationError).code).toBe("P3018");
    expect((first as Error).message).toContain("NoSuchTable");
    // One transaction: the first statement did not survive the second one's failure.
    expect(await db.sql.query(`SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
    const failed = (await rows(db)).find((r) => r.migration_name === broken);
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toContain("42P01");

    const second = await migrate(db.sql, { dir }).catch((e: unknown) => e);
    expect((second as MigrationError).code).toBe("P3009");
    expect((second as Error).message).toContain(`The \`${broken}\` migration started at`);
    expect((second as Error).message).toContain(`--rolled-back ${broken}`);

    writeFileSync(join(dir, broken, "migration.sql"), `CREATE TABLE "Half" ("id" INTEGER);\n`);
    expect(await markRolledBack(db.sql, broken)).toBe(1);
    expect((await migrate(db.sql, { dir })).applied).toEqual([broken]);
    expect(await db.sql.query(`SELECT to_regclass('"Half"')::text AS t`)).toEqual([{ t: '"Half"' }]);
  });

  it("an unfinished row left by a crashed run (Prisma's or ours) makes migrate refuse with P3009", async () => {
    await db.sql.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (gen_random_uuid()::text, $1, '29990202000000_crashed')`,
      ["0".repeat(64)],
    );
    const err = await migrate(db.sql, { dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).code).toBe("P3009");
    expect((err as Error).message).toMatch(/29990202000000_crashed.*failed/);
    await markRolledBack(db.sql, "29990202000000_crashed");
    expect((await migrate(db.sql, { dir })).applied).toEqual([]);
  });

  it("notices an applied migration.sql that was edited: warns by default, refuses on request, ignores CRLF", async () => {
    const file = join(dir, init(), "migration.sql");
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, original.replaceAll("\n", "\r\n"));
      expect((await migrate(db.sql, { dir })).edited).toEqual([]);

      writeFileSync(file, `${original}\n-- edited after it was applied\n`);
      const logs: string[] = [];
      const result = await migrate(db.sql, { dir, log: (m) => logs.push(m) });
      expect(result).toEqual({ applied: [], edited: [init()] });
      expect(logs.join("\n")).toMatch(/warning: migration\.sql changed after it was applied: .*_init/);

      const err = await migrate(db.sql, { dir, onEdited: "refuse" }).catch((e: unknown) => e);
      expect((err as MigrationError).code).toBe("EDITED");
    } finally {
      writeFileSync(file, original);
    }
  });

  it("waits for Prisma's advisory lock held by another session, gives up after the timeout, and releases its own", async () => {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})`);
      const err = await migrate(db.sql, { dir, lockTimeoutMs: 300 }).catch((e: unknown) => e);
      expect((err as MigrationError).code).toBe("LOCK_TIMEOUT");
      await other.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_KEY})`);

      await migrate(db.sql, { dir });
      const [held] = await other.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_MIGRATE_LOCK_KEY}`).then((r) => r.rows);
      expect(held).toEqual({ n: 0 });
    } finally {
      await other.end();
    }
  });
});
