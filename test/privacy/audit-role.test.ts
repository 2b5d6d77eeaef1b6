// The production role (npm run db:app-role): the bot runs as a login role that may read and
// append to the audit but never change it, even with the append-only trigger disabled by the
// tables' owner; and the bot's ordinary work (a member files for aid, the secretary approves it
// from the fund) runs as that role, audit lines chained by the trigger it need no rights for.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../src/store/db.ts";
import { storesOn } from "../../src/store/stores.ts";
import { approvalCardFor, clickCard, file, fund, seedBranch } from "../aid/support.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";
import { ADMIN_URL, PG_BASE, TEST_DATA_KEYS } from "../support/env.ts";
import { startHarness, type Harness } from "../support/harness.ts";

const run = promisify(execFile);
const role = `tongxin_app_${randomBytes(4).toString("hex")}`;
let owner: TestDatabase;
let roleUrl: string;

async function asRole<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: roleUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function appRoleScript(): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: owner.url, DATA_KEYS: TEST_DATA_KEYS, LOG_LEVEL: "silent", APP_DB_PASSWORD: "a-long-test-password" };
  return run("npx", ["tsx", "scripts/db-app-role.ts", role, "--password-env", "APP_DB_PASSWORD"], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

beforeAll(async () => {
  owner = await freshDatabase();
  roleUrl = `${PG_BASE.replace("postgres@", `${role}@`)}/${owner.name}`;
}, 60_000);

afterAll(async () => {
  await owner?.close();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
});

describe("the application's own database role", () => {
  it("is created, and made again without harm (npm run db:app-role)", async () => {
    const first = await appRoleScript();
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`已创建应用角色 ${role}`);
    const again = await appRoleScript();
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain(`已更新应用角色 ${role}`);
  }, 120_000);

  it("refuses to make the tables' owner the application's role", async () => {
    const env = { ...process.env, DATABASE_URL: owner.url, DATA_KEYS: TEST_DATA_KEYS, LOG_LEVEL: "silent" };
    const r = await run("npx", ["tsx", "scripts/db-app-role.ts", "postgres"], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(r).toMatchObject({ code: 1 });
    expect((r as { stderr: string }).stderr).toContain("所有者");
  }, 60_000);

  describe("the bot running as that role", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({
        env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500" },
        double: { quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 20_000, perMessagePatchPerSec: 50 } },
        // As the role, with its URL (the harness hands DATABASE_URL to the bot from `url`).
        database: async () => ({ ...openPostgres(roleUrl, { poolSize: 5 }), url: roleUrl, name: owner.name }),
      });
    }, 60_000);
    afterAll(async () => h?.close());

    it("does its ordinary work: a request filed and approved from the fund, each audited in the branch's chain", async () => {
      const a = await seedBranch(h, "ar", { prefix: "角" });
      await fund(h, a.orgId, "PARTY_FEE", 5000);
      const { req } = await file(h, a.member);
      const approved = await clickCard(h, a.secretary, await approvalCardFor(h, a.secretary, req.number), "aid-approve", { amount: "800", source: "PARTY_FEE" });
      expect(approved.toast).toMatchObject({ type: "success" });
      expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("APPROVED");
      const lines = await h.db.prisma.auditLog.findMany({ where: { chain: a.orgId }, orderBy: { seq: "asc" }, select: { seq: true, action: true, subjectPersonId: true } });
      expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(["aid.request.file", "aid.request.approve"]));
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
      expect((await storesOn(owner).auditChain.verifyChains()).problems).toEqual([]);
    }, 60_000);

    it("may read and append to the audit, and is refused UPDATE, DELETE and TRUNCATE even with the trigger disabled", async () => {
      await owner.sql.exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"; ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_truncate"`);
      try {
        await asRole(async (c) => {
          expect((await c.query(`SELECT count(*)::int AS n FROM "AuditLog"`)).rows[0].n).toBeGreaterThan(0);
          await c.query(`INSERT INTO "AuditLog" ("action", "subjectType", "subjectId") VALUES ('test.append', 'Test', '1')`);
          await expect(c.query(`UPDATE "AuditLog" SET "changes" = '{}'`)).rejects.toMatchObject({ code: "42501" });
          await expect(c.query(`DELETE FROM "AuditLog"`)).rejects.toMatchObject({ code: "42501" });
          await expect(c.query(`TRUNCATE "AuditLog"`)).rejects.toMatchObject({ code: "42501" });
          await expect(c.query(`UPDATE "AuditChainHead" SET "seq" = 0`)).rejects.toMatchObject({ code: "42501" });
          await expect(c.query(`DELETE FROM "AuditChainHead"`)).rejects.toMatchObject({ code: "42501" });
          // Nor can it turn the trigger off itself: only the owner alters a table.
          await expect(c.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_chain"`)).rejects.toMatchObject({ code: "42501" });
        });
      } finally {
        await owner.sql.exec(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"; ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_truncate"`);
      }
      expect(await owner.prisma.auditLog.count({ where: { action: "test.append", seq: { not: null } } })).toBe(1);
      expect((await storesOn(owner).auditChain.verifyChains()).problems).toEqual([]);
    });
  });
});
