// The approval click's transaction on a plain pg connection (src/store/plain-tx.ts) must be a Tx
// the store functions cannot tell from Prisma's: the same values and types back from the same
// statement, instants written and read as UTC whatever the process's zone, the data key
// carried, everything or nothing committed, and a Prisma model call refused by name.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { keyringFrom } from "../../src/lib/sealing.ts";
import { withdrawal } from "../../src/store/aid-fund.ts";
import { stageWritesAfter } from "../../src/store/outbox.ts";
import { inPlainTransaction } from "../../src/store/plain-tx.ts";
import { attachKeyring, sealer } from "../../src/store/sealing.ts";
import type { Tx } from "../../src/store/tx.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

let db: TestDatabase;
const plain = <T,>(fn: (tx: Tx) => Promise<T>) => db.plainTransaction!(fn);

beforeAll(async () => {
  db = await freshDatabase();
  await db.sql.exec(`INSERT INTO "Organization" ("id", "code", "name", "kind", "updatedAt") VALUES (1, 'pt', '一支部', 'BRANCH', now())`);
});
afterAll(async () => {
  await db?.close();
});

describe("a plain-pg transaction", () => {
  it("returns what Prisma's $queryRaw returns for the same statement", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const q = Prisma.sql`
      SELECT count(*) AS "n", 12345678901234::int8 AS "big", 7 AS "small", 1.25::numeric AS "dec",
             ${at}::timestamp(3) AS "ts", ${at}::timestamptz AS "tstz", DATE '2026-12-31' AS "day",
             json_build_object('a', 1) AS "j", ARRAY['x', 'y'] AS "arr", 'BRANCH'::"OrgKind"::text AS "kind", NULL::int AS "none"
      FROM "Organization"`;
    const viaPrisma = await db.prisma.$queryRaw<Record<string, unknown>[]>(q);
    const viaPlain = await plain((tx) => tx.$queryRaw<Record<string, unknown>[]>(q));
    expect(viaPlain).toEqual(viaPrisma);
    expect(typeof viaPlain[0]!.n).toBe("bigint");
    expect((viaPlain[0]!.ts as Date).toISOString()).toBe(at.toISOString());
  });

  it("writes and reads instants as UTC in a process whose zone is not UTC", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    try {
      const at = new Date("2026-06-30T20:30:00.000Z");
      await plain((tx) => tx.$executeRaw`INSERT INTO "Person" ("name", "updatedAt") VALUES ('时区', ${at})`);
      const [row] = await db.prisma.$queryRaw<{ updatedAt: Date }[]>`SELECT "updatedAt" FROM "Person" WHERE "name" = '时区'`;
      expect(row!.updatedAt.toISOString()).toBe(at.toISOString());
      const [back] = await plain((tx) => tx.$queryRawUnsafe<{ updatedAt: Date }[]>(`SELECT "updatedAt" FROM "Person" WHERE "name" = $1`, "时区"));
      expect(back!.updatedAt.toISOString()).toBe(at.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("commits when the work resolves and leaves nothing when it throws", async () => {
    const changed = await plain((tx) => tx.$executeRaw`INSERT INTO "Person" ("name", "updatedAt") VALUES ('留下', now())`);
    expect(changed).toBe(1);
    const failure = plain(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "Person" ("name", "updatedAt") VALUES ($1, now())`, "撤销");
      throw new Error("refused");
    });
    await expect(failure).rejects.toThrow("refused");
    const names = await db.sql.query<{ name: string }>(`SELECT "name" FROM "Person" WHERE "name" IN ('留下', '撤销')`);
    expect(names.map((r) => r.name)).toEqual(["留下"]);
    // The connection went back to the pool usable, outside any transaction.
    expect(await plain((tx) => tx.$queryRaw<{ ok: number }[]>`SELECT 1 AS "ok"`)).toEqual([{ ok: 1 }]);
  });

  it("carries the database's data key, and refuses sealed columns without one", async () => {
    const keys = keyringFrom("pt1:cGxhaW4tdHgtdGVzdC1rZXktMzItYnl0ZXMtbG9uZyE=", undefined);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const sealed = await inPlainTransaction(pool, attachKeyring({}, keys), async (tx) => sealer(tx).seal("Talk.thinking", "心里话"));
      expect(keys.open("Talk.thinking", sealed)).toBe("心里话");
      await expect(inPlainTransaction(pool, {}, async (tx) => sealer(tx).seal("Talk.thinking", "心里话"))).rejects.toThrow(/DATA_KEYS/);
    } finally {
      await pool.end();
    }
  });

  it("commits with a hot write's statement, or rolls all back when it changed nothing", async () => {
    await db.sql.exec(`INSERT INTO "FundBalance" ("orgId", "source", "balanceFen", "updatedAt") VALUES (1, 'PARTY_FEE', 1000, now())`);
    const message = (key: string) => ({ kind: "PATCH" as const, messageId: `om_${key}`, card: { n: key }, key });
    const click = (name: string, fen: number) =>
      plain(async (tx) => {
        await tx.$executeRaw`INSERT INTO "Person" ("name", "updatedAt") VALUES (${name}, now())`;
        const out = await stageWritesAfter(tx, withdrawal(tx, 1, "PARTY_FEE", fen), { messages: [message(name)] }, { commit: true });
        // After the statement the transaction is over either way: this read runs on its own.
        const [bal] = await tx.$queryRaw<{ balanceFen: number }[]>`SELECT "balanceFen" FROM "FundBalance" WHERE "orgId" = 1`;
        return { ...out, balanceFen: bal!.balanceFen };
      });
    const paid = await click("付款", 600);
    expect(paid).toMatchObject({ changed: 1, committed: true, balanceFen: 400 });
    expect(paid.ids).toHaveLength(1);
    const refused = await click("拒付", 600);
    expect(refused).toEqual({ ids: [], changed: 0, committed: false, balanceFen: 400 });
    const people = await db.sql.query<{ name: string }>(`SELECT "name" FROM "Person" WHERE "name" IN ('付款', '拒付')`);
    expect(people.map((r) => r.name)).toEqual(["付款"]);
    const staged = await db.sql.query<{ idempotencyKey: string }>(`SELECT "idempotencyKey" FROM "OutboxMessage" WHERE "idempotencyKey" IN ('付款', '拒付')`);
    expect(staged.map((r) => r.idempotencyKey)).toEqual(["付款"]);
  });

  it("refuses a Prisma model call, naming it", async () => {
    await expect(plain(async (tx) => tx.aidRequest.findMany())).rejects.toThrow(/tx\.aidRequest: a plain-SQL transaction runs raw statements only/);
  });
});
