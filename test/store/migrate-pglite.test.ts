// The same migrations on the embedded PostgreSQL (PGlite, in memory): the schema fits the
// client, and Prisma works through the PGlite adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type Database } from "../../src/store/db.ts";
import { listMigrations, migrate } from "../../src/store/migrate.ts";
import { compareShapes, databaseShape, expectedShape } from "./datamodel-columns.ts";

describe("migrate on PGlite in memory", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies every migration, and the database then fits the generated client's data model", async () => {
    expect((await migrate(db.sql)).applied).toEqual(listMigrations().map((m) => m.name));
    expect(compareShapes(expectedShape(db.prisma), await databaseShape(db.sql))).toEqual([]);
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(db.sql)).toEqual({ applied: [], edited: [] });
    const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(row?.n).toBe(listMigrations().length);
  });

  it("serves Prisma writes and reads in an interactive transaction", async () => {
    const created = await db.prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { code: "pd-1", name: "第一党支部", kind: "BRANCH" } });
      const person = await tx.person.create({
        data: { name: "张三", tags: ["OLD_MEMBER"], birthDate: new Date("1950-10-01"), memberships: { create: { orgId: org.id, role: "SECRETARY" } } },
      });
      return { orgId: org.id, personId: person.id };
    });
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: created.personId }, include: { memberships: { include: { org: true } } } });
    expect(person).toMatchObject({ name: "张三", tags: ["OLD_MEMBER"], memberships: [{ role: "SECRETARY", org: { code: "pd-1", settings: {} } }] });
    expect(person.birthDate?.toISOString()).toBe("1950-10-01T00:00:00.000Z");

    // A rolled-back interactive transaction leaves nothing behind.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.organization.create({ data: { code: "pd-2", name: "第二党支部", kind: "BRANCH" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.prisma.organization.count()).toBe(1);
  });
});
