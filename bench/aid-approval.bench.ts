// Approval-click latency: the time from a secretary's approval click (a signed, encrypted
// card.action.trigger posted to the bot) to the bot's answer carrying the decided card, with 20
// clicks in flight at once on 20 requests of one branch paying from one fund source. That is
// the worst case for the fund's balance row, which every one of those approvals must update.
// Measured against its floor in the same run (aid-approval-floor.ts: the click's statements over
// plain pg, 20 at once on the same rows), in alternating rounds. Targets: p99 at most 1.5x the
// floor's, and at most 3 ms of the web role's CPU per click (Lark waits 3 s).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { startLarkDouble, type LarkDouble } from "../src/double/index.ts";
import { cpuMsOf, profiled, startServer, stopServer } from "./server-control.ts";
import { benchDatabase, percentile, type BenchDatabase } from "./support.ts";
import pg from "pg";
import { localYear, yearBounds } from "../src/domain/zoned-time.ts";
import { createEnqueuer } from "../src/jobs/enqueue.ts";
import { openQueues } from "../src/jobs/queues.ts";
import { createLogger } from "../src/log.ts";
import { AID_BENCH_DATA_KEYS, AID_BENCH_LARK, signedClick } from "./aid-approval-fixtures.ts";
import { floorRound, type FloorCards, type FloorClick } from "./aid-approval-floor.ts";

const SERVER = fileURLToPath(new URL("./aid-approval-server.ts", import.meta.url));
const CONCURRENCY = Number(process.env.BENCH_AID_CONCURRENCY ?? 20);
// Measured rounds; each is one round of the real click and one of its floor.
const ROUNDS = Number(process.env.BENCH_AID_ROUNDS ?? 6);
const TZ = "Asia/Shanghai";
const WARMUP_ROUNDS = 2;

export interface Server {
  url: string;
  child: ChildProcess;
  cpuMs(): Promise<number>;
}

export async function startAidServer(args: string[]): Promise<Server> {
  const { url, child } = await startServer(SERVER, args);
  return { url, child, cpuMs: () => cpuMsOf(child) };
}

type Answer = { toast?: { type?: string; content?: string }; card?: { data?: unknown } };

async function post(url: string, req: { body: string; headers: Record<string, string> }): Promise<{ ms: number; answer: Answer }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/lark/cards`, { method: "POST", headers: req.headers, body: req.body });
  const answer = (await res.json()) as Answer;
  return { ms: performance.now() - t0, answer };
}

export interface Branch {
  orgId: number;
  secretary: { id: number; openId: string };
  members: { id: number; openId: string }[];
}

export async function seed(db: BenchDatabase, members: number): Promise<Branch & { users: { openId: string; name: string }[] }> {
  const p = db.prisma;
  const org = await p.organization.create({ data: { code: "bench-aid", name: "压测党支部", kind: "BRANCH" } });
  const person = (name: string, openId: string, roles: ("MEMBER" | "SECRETARY" | "AID_DELEGATE" | "LEADER")[]) =>
    p.person.create({ data: { name, larkOpenId: openId, memberships: { create: roles.map((role) => ({ orgId: org.id, role })) } }, select: { id: true, larkOpenId: true, name: true } });
  const sec = await person("压测书记", "ou_bench_secretary", ["MEMBER", "SECRETARY", "LEADER"]);
  const del = await person("压测受托人", "ou_bench_delegate", ["MEMBER", "AID_DELEGATE"]);
  const ms = [];
  for (let i = 0; i < members; i++) ms.push(await person(`压测党员${i + 1}`, `ou_bench_member_${i}`, ["MEMBER"]));
  // Opening balance through the ledger, as income is recorded in production.
  await p.$executeRaw`INSERT INTO "FundBalance" ("orgId", "source", "balanceFen", "updatedAt") VALUES (${org.id}, 'PARTY_FEE', 1000000000, now())`;
  await p.fundEntry.create({ data: { orgId: org.id, source: "PARTY_FEE", kind: "INCOME", amountFen: 1_000_000_000, payer: "压测拨付" } });
  return {
    orgId: org.id,
    secretary: { id: sec.id, openId: sec.larkOpenId! },
    members: ms.map((m) => ({ id: m.id, openId: m.larkOpenId! })),
    users: [sec, del, ...ms].map((x) => ({ openId: x.larkOpenId!, name: x.name })),
  };
}

/** Each member files one request through the bot (the 求助 form's submit); returns the request ids. */
export async function fileRound(url: string, db: BenchDatabase, b: Branch, round: number): Promise<number[]> {
  // Setup, not measured: a few at a time (filings queue on the year's numbering lock).
  const FILING_BATCH = 5;
  for (let from = 0; from < b.members.length; from += FILING_BATCH) {
    const answers = await Promise.all(
      b.members.slice(from, from + FILING_BATCH).map((m, j) =>
        post(url, signedClick({ openId: m.openId, messageId: `om_form_${round}_${from + j}`, value: { a: "aid-submit" }, formValue: { category: "LIVING", description: `压测申请：住院费用负担较重 ${round}-${from + j}`, amount: "100", urgency: "NORMAL" } })),
      ),
    );
    const bad = answers.find((a) => a.answer.toast?.type !== "success");
    if (bad) throw new Error(`filing failed: ${JSON.stringify(bad.answer.toast)}`);
  }
  const rows = await db.prisma.aidRequest.findMany({ where: { formMessageId: { startsWith: `om_form_${round}_` } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Waits until every approval card of these requests reached Lark, so approvals patch real copies. */
export async function cardsDelivered(db: BenchDatabase, ids: number[]): Promise<void> {
  const want = ids.length * 2; // the secretary's and the delegate's
  for (let i = 0; i < 600; i++) {
    const sent = await db.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" = 'SENT' AND "idempotencyKey" LIKE 'aid-approval-%' AND split_part("idempotencyKey", '-', 3)::int = ANY($1::int[])`,
      [ids],
    );
    if (Number(sent[0]?.n ?? 0) >= want) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const outbox = await db.sql.query(`SELECT "kind", "status", count(*)::int AS n FROM "OutboxMessage" GROUP BY 1, 2 ORDER BY 1, 2`);
  throw new Error(`approval cards were not delivered within 30 s; outbox: ${JSON.stringify(outbox)}`);
}

export async function approveRound(url: string, db: BenchDatabase, b: Branch, ids: number[]): Promise<number[]> {
  // The secretary clicks their own copy of each card (the delegate's copy gets patched).
  const copies = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { in: ids.map((id) => `aid-approval-${id}-r0-${b.secretary.id}`) } }, select: { idempotencyKey: true, larkMessageId: true } });
  const messageOf = new Map(copies.map((c) => [c.idempotencyKey, c.larkMessageId ?? "om_unknown"]));
  // Signed before the clock starts: what is timed is the bot, not this side's encryption.
  const reqs = ids.map((r) =>
    signedClick({ openId: b.secretary.openId, messageId: messageOf.get(`aid-approval-${r}-r0-${b.secretary.id}`)!, value: { a: "aid-approve", r }, formValue: { amount: "100", source: "PARTY_FEE", note: "" } }),
  );
  const answers = await Promise.all(reqs.map((r) => post(url, r)));
  const bad = answers.find((a) => a.answer.toast?.type !== "success" || !JSON.stringify(a.answer.card ?? "").includes("已批准"));
  if (bad) throw new Error(`approval failed: ${JSON.stringify(bad.answer.toast)}`);
  return answers.map((a) => a.ms);
}

/** The cards the bot drew for the warm-up's approvals: what the floor's clicks stage. */
async function drawnCards(db: BenchDatabase): Promise<FloorCards> {
  const content = async (like: string) => {
    const rows = await db.sql.query<{ content: object }>(`SELECT "content" FROM "OutboxMessage" WHERE "idempotencyKey" LIKE $1 ORDER BY "id" DESC LIMIT 1`, [like]);
    if (!rows[0]) throw new Error(`no card staged under ${like}`);
    return rows[0].content;
  };
  return { approval: await content("aid-sync-%"), receipt: await content("aid-receipt-%"), result: await content("aid-result-%") };
}

/** The floor's clicks on these requests: the secretary on their own copy of each card, as approveRound. */
async function floorClicks(db: BenchDatabase, b: Branch, ids: number[]): Promise<FloorClick[]> {
  const copies = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { in: ids.map((id) => `aid-approval-${id}-r0-${b.secretary.id}`) } }, select: { idempotencyKey: true, larkMessageId: true } });
  const messageOf = new Map(copies.map((c) => [c.idempotencyKey, c.larkMessageId ?? "om_unknown"]));
  return ids.map((requestId) => ({ requestId, orgId: b.orgId, secretary: b.secretary, messageId: messageOf.get(`aid-approval-${requestId}-r0-${b.secretary.id}`)! }));
}

/** Waits until the worker has taken every one of these outbox rows (sent, or failed for good). */
export async function settled(db: BenchDatabase, ids: number[]): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const left = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "id" = ANY($1::int[]) AND "status" = 'PENDING'`, [ids]);
    if ((left[0]?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("messages were not delivered within 30 s");
}

export async function run(): Promise<Record<string, number | string>> {
  const db = await benchDatabase(2);
  const double: LarkDouble = await startLarkDouble({ ...AID_BENCH_LARK, port: 0, quotas: { perTargetPerSec: 1000, appPerSec: 1000, appPerMin: 60_000, perMessagePatchPerSec: 100 } });
  const prefix = `benchaid${randomBytes(4).toString("hex")}`;
  const worker = await startAidServer([db.url, "worker", double.url, prefix]);
  const server = await startAidServer([db.url, "web", double.url, prefix]);
  // The floor's connections: as many as the web role's pool.
  const floorPool = new pg.Pool({ connectionString: db.url, max: 10 });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const enqueue = createEnqueuer(queues, 8, createLogger("warn"));
  try {
    const branch = await seed(db, CONCURRENCY);
    for (const u of branch.users) double.addUser({ open_id: u.openId, name: u.name });

    // Warm the server (first queries of each shape are compiled) with one member's request, one at a time.
    for (let i = 0; i < 3; i++) {
      const one = await post(server.url, signedClick({ openId: branch.members[0]!.openId, messageId: `om_warm_${i}`, value: { a: "aid-submit" }, formValue: { category: "LIVING", description: "预热：住院费用负担较重", amount: "100", urgency: "NORMAL" } }));
      const id = (await db.prisma.aidRequest.findUniqueOrThrow({ where: { formMessageId: `om_warm_${i}` } })).id;
      if (one.answer.toast?.type !== "success") throw new Error(`warm-up failed: ${JSON.stringify(one.answer.toast)}`);
      await cardsDelivered(db, [id]);
      await approveRound(server.url, db, branch, [id]);
    }
    // The floor stages the cards the bot drew in the warm-up (same sizes, not drawn again).
    const cards = await drawnCards(db);
    const year = yearBounds(localYear(new Date(), TZ), TZ);

    // Alternating rounds: the real click and its floor, each on 20 fresh requests, one after the
    // other, the order swapped every round so a slow spell of the machine falls on both.
    const real: number[][] = [];
    const floor: number[][] = [];
    const cpu: number[] = [];
    let round = 0;
    const fresh = async () => {
      const ids = await fileRound(server.url, db, branch, round++);
      await cardsDelivered(db, ids);
      return ids;
    };
    const realRound = async (measured: boolean) => {
      const ids = await fresh();
      const c0 = await server.cpuMs();
      const ms = await (measured ? profiled(server.child, () => approveRound(server.url, db, branch, ids)) : approveRound(server.url, db, branch, ids));
      const c1 = await server.cpuMs();
      if (measured) {
        real.push(ms);
        cpu.push((c1 - c0) / ids.length);
      }
    };
    const floorOnce = async (measured: boolean) => {
      const ids = await fresh();
      const clicks = await floorClicks(db, branch, ids);
      const { ms, staged } = await floorRound(floorPool, AID_BENCH_DATA_KEYS, cards, clicks, { yearStart: year.start, yearEnd: year.end });
      if (measured) floor.push(ms);
      // What the floor staged is delivered as the click's would be (not measured), so no row is left waiting.
      await enqueue.delivery(staged);
      await settled(db, staged);
    };
    for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
      const measured = r >= WARMUP_ROUNDS;
      if (r % 2 === 0) {
        await realRound(measured);
        await floorOnce(measured);
      } else {
        await floorOnce(measured);
        await realRound(measured);
      }
    }
    // The same click, one at a time: the floor under the concurrent figure.
    const single: number[] = [];
    const ids = await fresh();
    for (const id of ids) single.push(...(await approveRound(server.url, db, branch, [id])));

    const approvals = 3 + (WARMUP_ROUNDS + ROUNDS) * CONCURRENCY * 2 + ids.length;
    const paid = await db.prisma.fundEntry.aggregate({ where: { kind: "DISBURSEMENT" }, _sum: { amountFen: true }, _count: { _all: true } });
    const balance = await db.prisma.fundBalance.findFirstOrThrow({ where: { orgId: branch.orgId, source: "PARTY_FEE" } });
    if (paid._count._all !== approvals || balance.balanceFen !== 1_000_000_000 - approvals * 10_000) throw new Error("the ledger does not add up");
    // Every message staged by either side is delivered in the end (settled throws after 30 s).
    await settled(db, (await db.sql.query<{ id: number }>(`SELECT "id" FROM "OutboxMessage" WHERE "status" = 'PENDING'`)).map((r) => r.id));

    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const f = (x: number) => Number(x.toFixed(1));
    const med = (xs: number[]) => percentile(sorted(xs), 50);
    const spread = (xs: number[]) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
    const p99s = { real: real.map((ms) => percentile(sorted(ms), 99)), floor: floor.map((ms) => percentile(sorted(ms), 99)) };
    const p50s = { real: real.map((ms) => percentile(sorted(ms), 50)), floor: floor.map((ms) => percentile(sorted(ms), 50)) };
    const ratios = p99s.real.map((x, i) => x / p99s.floor[i]!);
    const rf = (x: number) => Number(x.toFixed(2));
    return {
      [`aid approval click: p50 ms at ${CONCURRENCY} concurrent`]: `${f(med(p50s.real))}   (rounds ${spread(p50s.real)})`,
      [`aid approval click: p99 ms at ${CONCURRENCY} concurrent`]: `${f(med(p99s.real))}   (rounds ${spread(p99s.real)})`,
      [`aid approval floor: p50 ms at ${CONCURRENCY} concurrent (plain pg)`]: `${f(med(p50s.floor))}   (rounds ${spread(p50s.floor)})`,
      [`aid approval floor: p99 ms at ${CONCURRENCY} concurrent (plain pg)`]: `${f(med(p99s.floor))}   (rounds ${spread(p99s.floor)})`,
      "aid approval click: p99 / floor p99 (target <= 1.5)": `${rf(med(ratios))}   (rounds ${ratios.map(rf).sort((a, b) => a - b).join(", ")})`,
      "aid approval click: web-role CPU ms/click (target <= 3)": `${f(med(cpu))}   (rounds ${spread(cpu)})`,
      "aid approval click: p50 ms one at a time": f(percentile(sorted(single), 50)),
      "aid approval click: rounds × clicks (each side)": `${ROUNDS} × ${CONCURRENCY}`,
      "aid approval click: ledger checked (approvals booked)": approvals,
    };
  } finally {
    await stopServer(server.child);
    await stopServer(worker.child);
    await double.close();
    await queues.close();
    await floorPool.end();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.close();
  }
}
