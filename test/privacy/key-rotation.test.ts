// npm run keys:rotate's work: 10,000 talk notes sealed with last year's key are re-sealed with
// the new one in batches; a run stopped half-way loses nothing and a second run finishes; the bot,
// given only the new key, still shows the talk record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyringFrom, newDataKey } from "../../src/lib/sealing.ts";
import { openPostgres, type Database } from "../../src/store/db.ts";
import { rotateAll } from "../../src/store/key-rotation.ts";
import { sealDatabase } from "../../src/store/sealing.ts";
import { storesOn } from "../../src/store/stores.ts";
import { command } from "../aid/support.ts";
import type { TestDatabase } from "../support/db.ts";
import type { Harness } from "../support/harness.ts";
import { at, seedTalkBranch, startTalkHarness, type TalkBranch } from "../talks/support.ts";

const OLD = newDataKey("k2025");
const NEW = newDataKey("k2026a");
const COUNT = 10_000;
const text = (m: { content: unknown }) => JSON.stringify(m.content);

let h: Harness;
let b: TalkBranch;
let rotator: Database;

const keyCount = async (keyId: string) =>
  (await h.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Talk" WHERE "life" LIKE $1`, [`enc1:${keyId}:%`]))[0]!.n;

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-02", "09:00"), env: { DATA_KEYS: OLD } });
  b = await seedTalkBranch(h, { code: "rot", memberNames: ["张三", "李四"], since: "2026-01-01" });
  const [zhang, li] = b.members;
  const { talkId } = await storesOn(h.db).talks.recordTalk({
    orgId: b.orgId,
    memberId: zhang!.id,
    leaderId: b.leaderA.id,
    heldOn: "2027-03-01",
    form: "PHONE",
    life: "母亲住院，经济压力大",
    concernAreas: ["LIFE"],
    followUps: [],
    now: at("2027-03-01", "15:00"),
  });
  // Last year's records, sealed with last year's key as the store seals them.
  const old = keyringFrom(OLD, undefined);
  const notes = Array.from({ length: COUNT }, (_, i) => old.seal("Talk.life", `第${i}次谈话记录`));
  await h.db.sql.query(
    `INSERT INTO "Talk" ("orgId", "memberId", "leaderId", "heldOn", "form", "life", "concernAreas")
     SELECT $1, $2, $3, '2026-06-01', 'PHONE', n, '{}' FROM unnest($4::text[]) AS n`,
    [b.orgId, li!.id, b.leaderA.id, notes],
  );
  // A revision kept whole (json) and files (bytes): one sealed with the old key, one from before sealing.
  await h.db.sql.query(`INSERT INTO "TalkRevision" ("talkId", "revisedById", "before") VALUES ($1, $2, to_jsonb($3::text)), ($1, $2, $4::jsonb)`, [
    talkId,
    b.leaderA.id,
    old.seal("TalkRevision.before", JSON.stringify({ life: "旧版本一" })),
    JSON.stringify({ life: "旧版本二" }),
  ]);
  await h.db.sql.query(`INSERT INTO "ExportFile" ("personId", "kind", "fileName", "bytes") VALUES ($1, 'personal-data', 'a.xlsx', $2), ($1, 'personal-data', 'b.xlsx', $3)`, [
    zhang!.id,
    Buffer.from(old.sealBytes("ExportFile.bytes", Buffer.from("文件一"))),
    Buffer.from("文件二"),
  ]);
  rotator = openPostgres((h.db as TestDatabase).url, { poolSize: 2 });
  sealDatabase(rotator, keyringFrom(`${NEW},${OLD}`, "k2026a"));
}, 60_000);

afterAll(async () => {
  await rotator?.close();
  await h?.close();
});

describe("keys:rotate", () => {
  it("re-seals in batches, loses nothing when stopped half-way, and finishes on a second run", async () => {
    expect(await keyCount("k2025")).toBe(COUNT + 1);

    let batches = 0;
    const crash = rotateAll(rotator, 1000, () => {
      if (++batches === 3) throw new Error("stopped");
    });
    await expect(crash).rejects.toThrow("stopped");
    // Three batches committed whole, the rest untouched.
    expect(await keyCount("k2026a")).toBe(3000);
    expect(await keyCount("k2025")).toBe(COUNT + 1 - 3000);

    const seen: string[] = [];
    const n = await rotateAll(rotator, 1000, (p) => seen.push(`${p.column} ${p.done}/${p.total}`));
    expect(n).toBe(COUNT + 1 - 3000 + 2 + 2);
    expect(seen).toContain(`Talk.life ${COUNT + 1 - 3000}/${COUNT + 1 - 3000}`);
    expect(seen).toEqual(expect.arrayContaining(["TalkRevision.before 2/2", "ExportFile.bytes 2/2"]));
    expect(await keyCount("k2025")).toBe(0);
    expect(await keyCount("k2026a")).toBe(COUNT + 1);

    // Every value opens with the new key alone, to what it said before.
    const only = keyringFrom(NEW, undefined);
    const rows = await h.db.sql.query<{ life: string }>(`SELECT "life" FROM "Talk" WHERE "memberId" = $1 ORDER BY "id"`, [b.members[1]!.id]);
    expect(rows.map((r) => only.open("Talk.life", r.life))).toEqual(Array.from({ length: COUNT }, (_, i) => `第${i}次谈话记录`));

    const revisions = await h.db.sql.query<{ before: unknown }>(`SELECT "before" FROM "TalkRevision" ORDER BY "id"`);
    expect(revisions.map((r) => JSON.parse(only.open("TalkRevision.before", r.before as string)))).toEqual([{ life: "旧版本一" }, { life: "旧版本二" }]);
    const files = await h.db.sql.query<{ bytes: Uint8Array }>(`SELECT "bytes" FROM "ExportFile" ORDER BY "id"`);
    expect(files.map((f) => Buffer.from(only.openBytes("ExportFile.bytes", f.bytes)).toString())).toEqual(["文件一", "文件二"]);

    // Nothing left to do.
    expect(await rotateAll(rotator, 1000)).toBe(0);
  }, 120_000);

  it("the bot, given only the new key, shows the talk record", async () => {
    sealDatabase(h.db, keyringFrom(NEW, undefined));
    const [reply] = await command(h, b.leaderA, `谈心记录 ${b.members[0]!.name}`);
    expect(text(reply!)).toContain("母亲住院，经济压力大");
  });
});
