// The talk sweep reads the members owed a talk a page at a time, ordered by leader, so that a
// leader's digest is complete when their rows end (talk-due-pages.ts). Read in pages of two, the
// rows are exactly those findDueTalks returns, each leader's together (also a leader with members
// in two branches), in due order within the leader, and the members without a leader last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBranchRules } from "../../src/store/branch-rules.ts";
import { viaSql } from "../../src/store/rows.ts";
import { findDueTalks, type DueTalk } from "../../src/store/talk-due.ts";
import { forEachDueTalkPage } from "../../src/store/talk-due-pages.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const TODAY = "2026-11-27";
let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
  // Branches 1 and 2; leader 1 leads in both, leader 2 in branch 1; members 3..14 (every third without a leader).
  await db.sql.exec(`
    INSERT INTO "Organization" ("id", "code", "name", "kind", "updatedAt") VALUES (1, 'p1', '一支部', 'BRANCH', now()), (2, 'p2', '二支部', 'BRANCH', now());
    INSERT INTO "Person" ("id", "name", "larkOpenId", "updatedAt") VALUES (1, '领导甲', 'ou_p_1', now()), (2, '领导乙', 'ou_p_2', now());
    INSERT INTO "Person" ("id", "name", "larkOpenId", "responsibleLeaderId", "updatedAt")
      SELECT i, '党员' || i, 'ou_p_' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE 1 + i % 2 END, now() FROM generate_series(3, 14) i;
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt") VALUES (1, 1, 'LEADER', TIMESTAMP '2020-01-01'), (1, 2, 'LEADER', TIMESTAMP '2020-01-01'), (2, 1, 'LEADER', TIMESTAMP '2020-01-01');
    INSERT INTO "Membership" ("personId", "orgId", "role", "createdAt") SELECT i, 1 + (i / 2) % 2, 'MEMBER', TIMESTAMP '2020-01-01' FROM generate_series(3, 14) i;
    -- Last talks 100 to 320 days ago, so the members fall due on different days.
    INSERT INTO "Talk" ("orgId", "memberId", "leaderId", "heldOn", "form", "life", "concernAreas")
      SELECT 1 + (i / 2) % 2, i, 1, DATE '${TODAY}' - (100 + (i * 37) % 220), 'IN_PERSON', '-', ARRAY['LIFE'] FROM generate_series(3, 14) i;
  `);
});
afterAll(async () => {
  await db?.close();
});

describe("the due members in pages, by leader", () => {
  it("are findDueTalks' rows, each leader's together and in due order, the unassigned last", async () => {
    const rows = viaSql(db.sql);
    const branches = [...(await loadBranchRules(rows)).values()].filter((b) => b.kind === "BRANCH");
    const q = { today: TODAY, timeZone: "Asia/Shanghai", branches, horizon: "all" as const };
    const all = await findDueTalks(rows, q);
    const pages: DueTalk[][] = [];
    await forEachDueTalkPage(db, q, 2, async (page) => void pages.push(page));

    expect(all).toHaveLength(12);
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    const paged = pages.flat();
    expect(paged.map((r) => r.memberId).sort((a, b) => a - b)).toEqual(all.map((r) => r.memberId).sort((a, b) => a - b));
    // Leader by leader (1, then 2, then nobody), and within one the order findDueTalks lists them in.
    const leaders = paged.map((r) => r.leaderId);
    expect(leaders).toEqual([...leaders].sort((a, b) => (a ?? Infinity) - (b ?? Infinity)));
    expect(new Set(paged.filter((r) => r.leaderId === 1).map((r) => r.orgId))).toEqual(new Set([1, 2]));
    for (const leaderId of [1, 2, null]) {
      expect(paged.filter((r) => r.leaderId === leaderId).map((r) => r.memberId)).toEqual(all.filter((r) => r.leaderId === leaderId).map((r) => r.memberId));
    }
    expect(paged.filter((r) => r.leaderId === null)).toHaveLength(4);
  });
});
