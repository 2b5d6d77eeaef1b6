// The drift check behind `npm run db:migrate:check` and `db:migrate:create`: it compares
// prisma/schema.prisma with the schema snapshot of the last migration, never SQL text.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMigrations, MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { diffSchemas, findDrift, lastMigratedSchema, SCHEMA_PATH, SNAPSHOT_FILE } from "../../src/store/schema-diff.ts";

/** Hand-written (data) migrations carry no snapshot: the check compares with the newest one that does. */
const newestWithSnapshot = (dir?: string) => listMigrations(dir).filter((m) => existsSync(join(m.path, SNAPSHOT_FILE))).at(-1);

describe("findDrift", () => {
  let dir: string;
  let schemaPath: string;
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  beforeEach(() => {
    const tmp = mkdtempSync(join(tmpdir(), "tongxin-drift-"));
    dir = join(tmp, "migrations");
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    schemaPath = join(tmp, "schema.prisma");
    writeFileSync(schemaPath, schema);
  });
  afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

  it("finds none in the repository: every schema change has its migration", async () => {
    const drift = await findDrift();
    expect(drift.sql).toBeNull();
    expect(drift.base).toBe(newestWithSnapshot()?.name);
  });

  it("reports an added field as the SQL the missing migration would hold", async () => {
    writeFileSync(schemaPath, schema.replace(/^model Person \{$/m, "model Person {\n  visitNote String?"));
    const drift = await findDrift({ dir, schemaPath });
    expect(drift.sql).toMatch(/ALTER TABLE "Person" ADD COLUMN\s+"visitNote" TEXT;/);
  });

  it("is not confused by hand-written SQL in a migration or by a hand-written migration without a snapshot", async () => {
    const last = newestWithSnapshot(dir)!;
    appendFileSync(join(last.path, "migration.sql"), `\nALTER TABLE "Person" ADD CONSTRAINT "Person_name_check" CHECK (length("name") > 0);\n`);
    mkdirSync(join(dir, "29990101000000_backfill"));
    writeFileSync(join(dir, "29990101000000_backfill", "migration.sql"), `UPDATE "Person" SET "tags" = '{}' WHERE "tags" IS NULL;\n`);

    const drift = await findDrift({ dir, schemaPath });
    expect(drift).toMatchObject({ base: last.name, sql: null });
  });

  it("compares with the newest snapshot, and with an empty database when there is none", async () => {
    expect(lastMigratedSchema(dir)?.migration).toBe(newestWithSnapshot(dir)?.name);
    for (const m of listMigrations(dir)) rmSync(join(m.path, SNAPSHOT_FILE), { force: true });
    expect(lastMigratedSchema(dir)).toBeNull();
    const drift = await findDrift({ dir, schemaPath });
    expect(drift.base).toBeNull();
    expect(drift.sql).toContain('CREATE TABLE "Person"');
  });
});

describe("diffSchemas", () => {
  it("returns null for equal schemas and reports schema errors readably", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    expect(await diffSchemas(schema, schema)).toBeNull();
    await expect(diffSchemas(null, schema.replace("String", "Strnig"))).rejects.toThrow(/Type "Strnig" is neither a built-in type/);
  });
});
