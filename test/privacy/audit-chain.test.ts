// The audit is hash-chained per organisation by the database and refuses to be rewritten.
// Lines of two organisations written at once by many transactions give two gapless chains;
// npm run audit:verify passes them, then names a line changed and a line deleted behind the
// triggers' back (as the superuser, with session_replication_role = replica), and a head that
// no longer names its chain's last line. The application's connection is refused UPDATE, DELETE
// and TRUNCATE by the trigger.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, auditAll } from "../../src/store/audit.ts";
import { storesOn } from "../../src/store/stores.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";
import { TEST_DATA_KEYS } from "../support/env.ts";

let db: TestDatabase;
let orgA: number;
let orgB: number;
const run = promisify(execFile);

beforeAll(async () => {
  db = await freshDatabase();
  orgA = (await db.prisma.organization.create({ data: { code: "ca", name: "甲支部", kind: "BRANCH" } })).id;
  orgB = (await db.prisma.organization.create({ data: { code: "cb", name: "乙支部", kind: "BRANCH" } })).id;
}, 60_000);
afterAll(async () => db?.close());

/** As the superuser, with every trigger off: what someone with the server's keys could do. */
async function behindTheTriggers(sql: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query(sql, params);
    await c.query("COMMIT");
  } finally {
    await c.end();
  }
}

async function verifyScript(): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, DATABASE_URL: db.url, DATA_KEYS: TEST_DATA_KEYS, LOG_LEVEL: "silent" };
  return run("npx", ["tsx", "scripts/audit-verify.ts", "--batch", "7"], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}

const chainOf = async (chain: number) =>
  db.prisma.auditLog.findMany({ where: { chain }, orderBy: { seq: "asc" }, select: { id: true, seq: true, orgId: true } });

describe("the audit's hash chains", () => {
  it("lines of two organisations written by 40 transactions at once form two gapless chains", async () => {
    // Each transaction writes its lines in one statement, as the router does: one line, or three
    // for both organisations in either order (a transfer between two branches audits both; the
    // heads are locked in chain order, so opposite orders do not deadlock).
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.prisma.$transaction(async (tx) => {
          const orgId = i % 2 === 0 ? orgA : orgB;
          const line = (o: number, action: string) => ({ actorId: null, action, subjectType: "Test", subjectId: i, orgId: o, subjectPersonId: i, changes: { n: i } });
          if (i % 3 !== 0) await audit(tx, line(orgId, "test.view"));
          else await auditAll(tx, [line(orgId, "test.view"), line(orgA + orgB - orgId, "test.change"), line(orgId, "test.change")]);
        }),
      ),
    );
    await audit(db.prisma, { actorId: null, action: "test.system", subjectType: "Test", subjectId: "none" });
    const a = await chainOf(orgA);
    const b = await chainOf(orgB);
    const expected = (own: number, cross: number) => 20 + own + cross;
    // 14 transactions (i % 3 === 0) write a line for each organisation besides their own.
    expect(a.length).toBe(expected(7, 7));
    expect(b.length).toBe(expected(7, 7));
    expect(a.map((l) => l.seq)).toEqual(a.map((_, i) => i + 1));
    expect(b.map((l) => l.seq)).toEqual(b.map((_, i) => i + 1));
    expect(new Set(a.map((l) => l.orgId))).toEqual(new Set([orgA]));
    expect((await chainOf(0)).map((l) => l.seq)).toEqual([1]);
    const heads = await db.prisma.auditChainHead.findMany({ orderBy: { chain: "asc" } });
    expect(heads.map((h) => [h.chain, h.seq])).toEqual([[0, 1], [orgA, a.length], [orgB, b.length]].sort((x, y) => x[0]! - y[0]!));
  }, 60_000);

  it("verifies, in batches, every chain whole (npm run audit:verify exits 0)", async () => {
    const r = await storesOn(db).auditChain.verifyChains({ batch: 5 });
    expect(r).toMatchObject({ chains: 3, problems: [] });
    expect(r.lines).toBe(await db.prisma.auditLog.count());
    const cli = await verifyScript();
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("审计记录完整：3 条链");
  }, 60_000);

  it("the application's connection is refused UPDATE, DELETE and TRUNCATE of the audit and DELETE of a head", async () => {
    await expect(db.sql.query(`UPDATE "AuditLog" SET "changes" = '{}' WHERE "chain" = $1`, [orgA])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.sql.query(`DELETE FROM "AuditLog" WHERE "chain" = $1`, [orgA])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.sql.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(db.sql.query(`DELETE FROM "AuditChainHead"`)).rejects.toThrow(/append-only: DELETE refused/);
    expect((await storesOn(db).auditChain.verifyChains()).problems).toEqual([]);
  });

  it("names a line changed and a line deleted behind the triggers' back, and a chain whose last line is gone", async () => {
    const a = await chainOf(orgA);
    const b = await chainOf(orgB);
    const changed = a[2]!;
    await behindTheTriggers(`UPDATE "AuditLog" SET "changes" = '{"n": 999}' WHERE "id" = $1`, [changed.id]);
    await behindTheTriggers(`DELETE FROM "AuditLog" WHERE "id" = $1`, [b[4]!.id]);
    await behindTheTriggers(`DELETE FROM "AuditLog" WHERE "id" = $1`, [a.at(-1)!.id]);

    const r = await storesOn(db).auditChain.verifyChains({ batch: 7 });
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { kind: "changed", chain: orgA, seq: 3, id: changed.id },
        { kind: "gap", chain: orgB, from: 5, to: 5 },
        { kind: "head", chain: orgA, headSeq: a.length, lastSeq: a.length - 1 },
      ]),
    );
    expect(r.problems).toHaveLength(3);

    const cli = await verifyScript();
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`组织 ${orgA} 的审计链第 3 行（AuditLog.id ${changed.id}）内容与写入时不符`);
    expect(cli.stdout).toContain(`组织 ${orgB} 的审计链缺少第 5 行`);
    expect(cli.stdout).toContain(`组织 ${orgA} 的审计链的链头记为第 ${a.length} 行，而链中最后一行是第 ${a.length - 1} 行`);
    expect(cli.stdout).toContain("审计记录校验未通过");
  }, 60_000);

  it("names lines written with the chain trigger disabled", async () => {
    await behindTheTriggers(`INSERT INTO "AuditLog" ("action", "subjectType", "subjectId", "chain") VALUES ('test.sneak', 'Test', 'x', 0)`);
    const r = await storesOn(db).auditChain.verifyChains();
    expect(r.problems).toContainEqual({ kind: "unchained", ids: [expect.any(Number)] });
  });

  it("an anonymous line keeps no actor, open id or event key", async () => {
    await audit(db.prisma, { actorId: 7, actorOpenId: "ou_someone", eventKey: "evt_1", anonymous: true, action: "suggestion.file", subjectType: "Suggestion", subjectId: 1, orgId: orgB });
    const line = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "suggestion.file" } });
    expect(line).toMatchObject({ actorId: null, actorOpenId: null, eventKey: null, chain: orgB });
  });
});
