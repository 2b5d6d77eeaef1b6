// A worker process killed with SIGKILL while its sends are in flight: the jobs it held come back
// (BullMQ's stalled check, src/jobs/worker-locks.ts) and are taken by the other worker; every
// message arrives exactly once, because a send repeats the row's uuid and Lark de-duplicates it
// (the killed worker's requests still reach the double and are handled there).
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { eventually, startHarness, TEST_LARK, type Harness } from "../support/harness.ts";
import { REDIS_URL, TEST_DATA_KEYS } from "../support/env.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
let child: ChildProcess | undefined;
const users: SeededPerson[] = [];

beforeAll(async () => {
  h = await startHarness();
  const org = await seedOrg(h.db.prisma);
  for (let i = 0; i < 12; i++) users.push(await seedPerson(h.db.prisma, h.double, { name: `崩溃${i}`, orgId: org.id, roles: [] }));
  const env = {
    LARK_APP_ID: TEST_LARK.appId,
    LARK_APP_SECRET: TEST_LARK.appSecret,
    LARK_ENCRYPT_KEY: TEST_LARK.encryptKey,
    LARK_VERIFICATION_TOKEN: TEST_LARK.verificationToken,
    LARK_BASE_URL: h.double.url,
    DATABASE_URL: h.config.databaseUrl!,
    REDIS_URL,
    QUEUE_PREFIX: h.config.queuePrefix,
    DATA_KEYS: TEST_DATA_KEYS,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
  };
  child = fork(fileURLToPath(new URL("../support/worker-child.ts", import.meta.url)), [JSON.stringify(env)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child!.once("message", () => resolve());
    child!.once("exit", (code) => reject(new Error(`worker process exited with ${code}`)));
  });
}, 90_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await h?.close();
});

it("sends every message exactly once after a worker is killed mid-send", async () => {
  // Lark answers slowly, so both workers hold sends in flight when one of them dies.
  h.double.injectFault({ kind: "slow", delayMs: 2500, count: 30, match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" } });
  const texts = users.flatMap((u, i) => [0, 1].map((j) => ({ to: u.openId, text: `崩溃之后${i}-${j}` })));
  const ids = await stageOutgoing(h.db.prisma, texts.map((t, k) => ({ kind: "SEND" as const, to: { openId: t.to }, text: t.text, key: `crash-${k}-${Date.now()}` })));
  await h.app.enqueue.delivery(ids);
  // More sends handed to Lark and unanswered than one worker's 8 slots: the child holds some of them.
  await eventually(async () => (await h.db.prisma.outboxMessage.count({ where: { id: { in: ids }, status: "PENDING", attempts: { gte: 1 } } })) > 8, 20_000);
  child!.kill("SIGKILL");

  await eventually(async () => (await h.db.prisma.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length, 60_000);
  await new Promise((r) => setTimeout(r, 3000)); // a late duplicate would land by now
  // The killed worker's sends were handed to Lark once and sent again by the other worker.
  const rows = await h.db.prisma.outboxMessage.findMany({ where: { id: { in: ids } }, select: { attempts: true } });
  expect(rows.some((r) => r.attempts >= 2)).toBe(true);
  for (const t of texts) expect(h.double.messages({ to: t.to }).filter((m) => JSON.stringify(m.content).includes(t.text)), t.text).toHaveLength(1);
}, 90_000);
