// The zero-setup path: the embedded PostgreSQL (PGlite) that `npm start` uses with no
// DATABASE_URL. Migrations apply to it and a whole message round trip works on it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPglite } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson } from "../support/seed.ts";

let h: Harness;
let applied: string[] = [];

beforeAll(async () => {
  h = await startHarness({
    database: async () => {
      const db = await openPglite();
      applied = (await migrate(db.sql, { log: () => undefined })).applied;
      return db;
    },
  });
}, 120_000);
afterAll(async () => h?.close());

it("applies every migration to an empty embedded database", async () => {
  expect(applied.length).toBeGreaterThanOrEqual(2);
  expect(h.db.kind).toBe("pglite");
  const rows = await h.db.sql.query<{ migration_name: string; finished_at: Date | null }>(`SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`);
  expect(rows.map((r) => r.migration_name)).toEqual(applied);
  expect(rows.every((r) => r.finished_at !== null)).toBe(true);
});

it("answers 帮助 with a help card end to end on PGlite", async () => {
  const org = await seedOrg(h.db.prisma);
  const member = await seedPerson(h.db.prisma, h.double, { name: "王五", orgId: org.id, roles: [] });
  const said = await h.double.say({ from: member.openId, text: "帮助" });
  const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId }, 15_000);
  expect(JSON.stringify(reply.content)).toContain("王五，您好");
  const row = await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: `msg:${said.messageId}` } });
  expect(row.status).toBe("DONE");
  // The row is marked sent just after Lark (the double) accepted the message.
  const out = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { targetMessageId: said.messageId, status: "SENT" } }));
  expect(out.larkMessageId).toBe(reply.message_id);
});
