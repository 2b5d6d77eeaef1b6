// A year of a large deployment's inbox and outbox, made once in SQL and kept as a database of its
// own (tongxin_bench_year), so the minutes it takes are spent once: 5,000,000 InboundEvent and
// 5,000,000 OutboxMessage rows spread evenly over the 365 days before seeding, in arrival order
// (as the heap holds them in production). Rows older than three days were pruned the way
// src/store/retention.ts prunes them (body '{}', prunedAt 8–8.5 h after arrival); the last three
// days keep their bodies, so the prune job's first run has a real backlog. A few thousand FAILED
// rows across the year, the last 200 of each table PENDING. Keys look like production's: message
// events `msg:om_…`, clicks and menu taps `evt:…`, replies `msg:om_…#0`, digests, approval cards
// and patches under their own prefixes; ids of people and aid requests the keys name are kept
// apart from those the benches create (their digests and card copies must not find these).
//
// Each run works on a copy (CREATE DATABASE … TEMPLATE), so the prune's first pass is measured
// on the same backlog every time and the template never grows.
import pg from "pg";
import { openPostgres } from "../src/store/db.ts";
import { migrate } from "../src/store/migrate.ts";
import { seedTalkPopulation } from "./talk-sweep-seed.ts";

const BASE = process.env.BENCH_PG_BASE ?? "postgresql://postgres@127.0.0.1:5432";
export const YEAR_DB = process.env.BENCH_YEAR_DB ?? "tongxin_bench_year";
export const YEAR_ROWS = Number(process.env.BENCH_YEAR_ROWS ?? 5_000_000);
/** Raised whenever the seed below changes, so an older template is made again. */
const SEED_VERSION = 1;
/** The talk sweep's day in this bench's population (as bench/talk-sweep.bench.ts). */
export const TALK_DAY = "2026-11-27";
/** Aid request ids the seeded approval cards name stay below this; the benches' start above it. */
const AID_IDS_FROM = 1_000_000;
/** People the seeded digests went to are numbered from here (the talk population ends at 105,000). */
const DIGEST_PEOPLE_FROM = 200_000;

interface Marker {
  version: number;
  rows: number;
  anchor: string;
  seededS: number;
}

const admin = async <T>(f: (c: pg.Client) => Promise<T>): Promise<T> => {
  const c = new pg.Client({ connectionString: `${BASE}/postgres` });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
};

async function marker(): Promise<Marker | null> {
  return admin(async (c) => {
    const r = await c.query<{ d: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`, [YEAR_DB]);
    if (r.rows.length === 0) return null;
    try {
      const m = JSON.parse(r.rows[0]!.d ?? "null") as Marker | null;
      return m && m.version === SEED_VERSION && m.rows === YEAR_ROWS ? m : null;
    } catch {
      return null;
    }
  });
}

export interface YearTemplate {
  name: string;
  reused: boolean;
  /** When the rows' year ends (the seed's now()). */
  anchor: Date;
  seededS: number;
  sizeMb: number;
}

/**
 * The template database, seeded now unless a complete one exists (complete: the marker comment
 * is written last, so a seed that was interrupted is made again). Migrated to this checkout
 * either way, so an index migration added since applies to the template once, not to every copy.
 */
export async function yearTemplate(log: (line: string) => void): Promise<YearTemplate> {
  let m = await marker();
  const reused = m !== null;
  if (!m) {
    log(`seeding ${YEAR_DB}: ${YEAR_ROWS.toLocaleString("en")} inbox + ${YEAR_ROWS.toLocaleString("en")} outbox rows (minutes; kept for later runs)`);
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${YEAR_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${YEAR_DB}`);
    });
    const t0 = performance.now();
    const anchor = await seedYear(`${BASE}/${YEAR_DB}`, log);
    m = { version: SEED_VERSION, rows: YEAR_ROWS, anchor: anchor.toISOString(), seededS: Math.round((performance.now() - t0) / 1000) };
    const comment = JSON.stringify(m).replaceAll("'", "''");
    await admin((c) => c.query(`COMMENT ON DATABASE ${YEAR_DB} IS '${comment}'`));
  } else {
    const db = openPostgres(`${BASE}/${YEAR_DB}`, { poolSize: 1 });
    try {
      await migrate(db.sql, { log: (l) => log(`template: ${l}`) });
    } finally {
      await db.close();
    }
  }
  const sizeMb = await admin(async (c) => Number((await c.query<{ b: string }>(`SELECT pg_database_size($1) AS b`, [YEAR_DB])).rows[0]!.b) / 2 ** 20);
  return { name: YEAR_DB, reused, anchor: new Date(m.anchor), seededS: m.seededS, sizeMb: Math.round(sizeMb) };
}

/** A copy of the template to measure on, dropped by close(). FILE_COPY: a block copy, not WAL for every page. */
export async function copyOfYear(template: string): Promise<{ url: string; name: string; copyS: number; drop(): Promise<void> }> {
  const name = `${template}_run_${process.pid}`;
  const t0 = performance.now();
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  });
  const copyS = (performance.now() - t0) / 1000;
  return { url: `${BASE}/${name}`, name, copyS, drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}

/** Migrates, seeds the talk population and the year of rows; returns the seed's now(). */
async function seedYear(url: string, log: (line: string) => void): Promise<Date> {
  const db = openPostgres(url, { poolSize: 1 });
  try {
    await migrate(db.sql, { log: () => undefined });
    await seedTalkPopulation(db.sql, TALK_DAY);
  } finally {
    await db.close();
  }
  const c = new pg.Client({ connectionString: url, application_name: "year-of-rows seed" });
  await c.connect();
  try {
    // This session only: index builds sort in memory, and a crash mid-seed only costs a re-seed.
    await c.query(`SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    const anchor = (await c.query<{ now: Date }>(`SELECT now() AS now`)).rows[0]!.now;
    // The indexes are dropped and built again after the rows are in (one sort each instead of
    // five million insertions in random key order), by their own definitions.
    const indexes = (
      await c.query<{ name: string; def: string; con: string | null; tbl: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def, con.conname AS con, i.tablename AS tbl
           FROM pg_indexes i LEFT JOIN pg_constraint con ON con.conname = i.indexname
          WHERE i.schemaname = 'public' AND i.tablename IN ('InboundEvent', 'OutboxMessage')`,
      )
    ).rows;
    for (const ix of indexes) await c.query(ix.con ? `ALTER TABLE "${ix.tbl}" DROP CONSTRAINT "${ix.con}"` : `DROP INDEX "${ix.name}"`);

    const step = async (label: string, sql: string, params: unknown[] = []) => {
      const t = performance.now();
      await c.query(sql, params);
      log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    const n = YEAR_ROWS;
    const intactFrom = n - Math.round((3 * n) / 365);
    // Row i arrived at anchor − 365 days + i × (365 days / n); pruned when older than three days.
    const rows = `
      SELECT i, i % 10 AS c, md5('in' || i) AS h,
             $1::timestamptz - interval '365 days' + i * (interval '365 days' / ${n}) AS t,
             CASE WHEN i >= ${n - 200} THEN 'PENDING' WHEN i % 2000 = 1999 THEN 'FAILED' ELSE 'DONE' END AS st,
             i < ${Math.min(intactFrom, n - 200)} AS pruned
        FROM generate_series(0, ${n - 1}) i`;
    await step(
      "InboundEvent rows",
      `INSERT INTO "InboundEvent" ("key", "eventType", "payload", "status", "attempts", "lastError", "receivedAt", "processedAt", "prunedAt")
         SELECT CASE WHEN c < 8 THEN 'msg:om_' || h ELSE 'evt:' || h END,
                CASE WHEN c < 8 THEN 'im.message.receive_v1' WHEN c = 8 OR i % 3 = 2 THEN 'card.action.trigger'
                     WHEN i % 3 = 0 THEN 'application.bot.menu_v6' ELSE 'im.chat.access_event.bot_p2p_chat_entered_v1' END,
                CASE WHEN pruned THEN '{}'::jsonb
                     WHEN c < 8 THEN jsonb_build_object('kind', 'message', 'key', 'msg:om_' || h, 'eventId', md5('e' || i), 'messageId', 'om_' || h,
                       'chatId', 'oc_' || md5('c' || (i % 20000)), 'chatType', 'p2p', 'openId', 'ou_' || md5('p' || (i % 20000)),
                       'text', (ARRAY['帮助', '我的谈心', '谈心记录 张三', '求助', '走访', '我的', '资金', '审批'])[c + 1], 'mentions', '[]'::jsonb, 'resources', '[]'::jsonb)
                     ELSE jsonb_build_object('kind', 'card', 'key', 'evt:' || h, 'eventId', h, 'openId', 'ou_' || md5('p' || (i % 20000)),
                       'messageId', 'om_' || md5('o' || (i - 3)), 'chatId', 'oc_' || md5('c' || (i % 20000)), 'token', 'c-' || md5('t' || i),
                       'value', jsonb_build_object('a', 'talk-record', 'm', i % 20000),
                       'formValue', jsonb_build_object('heldOn', to_char(t, 'YYYY-MM-DD') || ' +0800', 'form', 'IN_PERSON', 'life', repeat('家中老人住院，需要照顾，' || (i % 97) || '。', 6), 'areas', jsonb_build_array('LIFE')))
                END,
                st::"InboundStatus", CASE WHEN st = 'PENDING' THEN 0 ELSE 1 END,
                CASE WHEN st = 'FAILED' THEN 'handler failed: 无法识别的卡片操作' END,
                t, CASE WHEN st <> 'PENDING' THEN t + interval '80 milliseconds' END,
                CASE WHEN pruned THEN t + interval '8 hours' + (i % 30) * interval '1 minute' END
           FROM (${rows}) s`,
      [anchor],
    );
    await step(
      "OutboxMessage rows",
      `INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "targetMessageId", "rateKey", "msgType", "content",
                                      "status", "attempts", "lastError", "larkMessageId", "prunedAt", "lang", "createdAt", "updatedAt", "sentAt")
         SELECT k, kind::"OutboxKind", CASE WHEN kind = 'SEND' THEN 'open_id' END, CASE WHEN kind = 'SEND' THEN who END,
                CASE WHEN kind = 'PATCH' THEN target END, CASE WHEN kind = 'PATCH' THEN target ELSE who END, mt,
                CASE WHEN pruned THEN '{}'::jsonb
                     WHEN mt = 'text' THEN jsonb_build_object('text', '已记录。您可以继续发送“帮助”查看可用的功能。' || i, 'i18n', jsonb_build_object('en_us', 'Recorded. Send "help" to see what you can use. ' || i))
                     ELSE jsonb_build_object('schema', '2.0', 'config', jsonb_build_object('update_multi', true),
                       'header', jsonb_build_object('title', jsonb_build_object('tag', 'plain_text', 'content', '谈心谈话提醒'), 'template', 'blue'),
                       'body', jsonb_build_object('elements', jsonb_build_array(
                         jsonb_build_object('tag', 'markdown', 'content', '您负责的党员中有 ' || (i % 9 + 1) || ' 位到期未谈心：' || repeat('张三（上次 2026-03-0' || (i % 9 + 1) || '）、', 40)),
                         jsonb_build_object('tag', 'button', 'text', jsonb_build_object('tag', 'plain_text', 'content', '记录谈话'), 'behaviors', jsonb_build_array(jsonb_build_object('type', 'callback', 'value', jsonb_build_object('a', 'talk-form', 'm', i % 20000)))),
                         jsonb_build_object('tag', 'markdown', 'content', repeat(md5('a' || i), 12)))),
                       'i18n', jsonb_build_object('en_us', jsonb_build_object('title', 'Heart-to-heart talks due', 'note', repeat('Zhang San (last 2026-03-01), ', 30))))
                END,
                ost::"OutboxStatus", CASE WHEN ost = 'PENDING' THEN 0 ELSE 1 END,
                CASE WHEN ost = 'FAILED' THEN 'fate unknown after Lark''s dedupe window' END,
                CASE WHEN ost = 'SENT' AND kind <> 'PATCH' THEN 'om_' || md5('o' || i) END,
                CASE WHEN pruned THEN t + interval '8 hours' + (i % 30) * interval '1 minute' END,
                CASE WHEN ost = 'PENDING' THEN NULL WHEN i % 20 = 3 THEN 'EN' ELSE 'ZH' END::"Language",
                t, CASE WHEN ost = 'PENDING' THEN t ELSE t + interval '300 milliseconds' END, CASE WHEN ost <> 'PENDING' THEN t + interval '300 milliseconds' END
           FROM (${rows}) s
           CROSS JOIN LATERAL (SELECT
             CASE WHEN c < 6 THEN 'msg:om_' || h || '#0'
                  WHEN c = 6 THEN 'talk-digest-' || (${DIGEST_PEOPLE_FROM} + i % 50000) || '-' || to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
                  WHEN c = 7 THEN 'aid-approval-' || (i / 10) || '-r0-' || (${DIGEST_PEOPLE_FROM} + i % 997)
                  WHEN c = 8 THEN 'aid-sync-' || (i / 10) || '-' || (i % 7)
                  ELSE 'visit-digest-' || (${DIGEST_PEOPLE_FROM} + i % 50000) || '-' || (i / 10) END AS k,
             CASE WHEN c = 8 THEN 'PATCH' ELSE 'SEND' END AS kind,
             CASE WHEN c < 3 THEN 'text' ELSE 'interactive' END AS mt,
             'ou_' || md5('p' || (i % 20000)) AS who,
             'om_' || md5('o' || (i - 1)) AS target,
             CASE WHEN st = 'DONE' THEN 'SENT' ELSE st END AS ost) x`,
      [anchor],
    );
    // Requests the bench files must not share an id with the seeded approval cards' keys.
    await c.query(`SELECT setval(pg_get_serial_sequence('"AidRequest"', 'id'), ${AID_IDS_FROM})`);
    for (const ix of indexes) {
      await step(`index ${ix.name}`, ix.def);
      // A primary key is its unique index taken over as the constraint, under the same name.
      if (ix.con) await c.query(`ALTER TABLE "${ix.tbl}" ADD CONSTRAINT "${ix.con}" PRIMARY KEY USING INDEX "${ix.name}"`);
    }
    // As autovacuum leaves a table that has been there a while: statistics, hint bits, the visibility map.
    await step("VACUUM ANALYZE", `VACUUM ANALYZE "InboundEvent", "OutboxMessage"`);
    return anchor;
  } finally {
    await c.end();
  }
}
