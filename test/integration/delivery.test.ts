// Sending through the outbox: whatever Lark answers (429, 5xx, an expired token) and however
// often a delivery is retried, each message arrives exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

let h: Harness;
let user: SeededPerson;

beforeAll(async () => {
  h = await startHarness();
  const org = await seedOrg(h.db.prisma);
  user = await seedPerson(h.db.prisma, h.double, { name: "李四", orgId: org.id, roles: [] });
});
afterAll(async () => h?.close());
beforeEach(() => h.double.reset());

let n = 0;
async function sendText(text: string, key = `test-${n++}-${Date.now()}`): Promise<number> {
  const [id] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { openId: user.openId }, text, key }]);
  if (id === undefined) throw new Error("not staged");
  await h.app.enqueue.delivery([id]);
  return id;
}

const delivered = (text: string) => h.double.messages({ to: user.openId }).filter((m) => JSON.stringify(m.content).includes(text));
const sentRow = (id: number) => eventually(async () => {
  const row = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
  return row.status === "SENT" ? row : undefined;
});

describe("delivery", () => {
  it("delivers once after a 429 with a reset header", async () => {
    h.double.injectFault({ kind: "429", resetSeconds: 1, match: { pathPrefix: "/open-apis/im/v1/messages" } });
    const id = await sendText("限流之后");
    const row = await sentRow(id);
    expect(row.attempts).toBe(2);
    expect(row.larkMessageId).toMatch(/^om_/);
    expect(delivered("限流之后")).toHaveLength(1);
  });

  it("delivers once after a 5xx", async () => {
    h.double.injectFault({ kind: "5xx", match: { pathPrefix: "/open-apis/im/v1/messages" } });
    const id = await sendText("故障之后");
    const row = await sentRow(id);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
    expect(delivered("故障之后")).toHaveLength(1);
  });

  it("re-fetches the token on 99991663 and delivers once", async () => {
    const id0 = await sendText("先拿令牌");
    await sentRow(id0);
    h.double.expireTokens();
    const id = await sendText("令牌过期之后");
    await sentRow(id);
    expect(delivered("令牌过期之后")).toHaveLength(1);
  });

  it("still sends a message whose first attempt Lark refused for its token, when the retry comes over an hour later", async () => {
    // Both tries of the first attempt (the sender refreshes the token once) meet an expired token:
    // Lark answered and created nothing, so that attempt spent no uuid and starts no uuid window.
    h.double.injectFault({ kind: "expire-token", count: 2, match: { pathPrefix: "/open-apis/im/v1/messages" } });
    const id = await sendText("令牌两次被拒");
    const refused = await eventually(async () => {
      const r = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
      return r.lastError !== null ? r : undefined;
    });
    expect(refused).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(refused.lastError).toContain("99991663");
    // The retry (a second later, by the backoff) finds the clock past Lark's hour.
    h.clock.advance(2 * 3600_000);
    const row = await sentRow(id);
    expect(row.attempts).toBe(2);
    expect(delivered("令牌两次被拒")).toHaveLength(1);
  });

  it("never sends twice when a delivery is retried after Lark accepted it", async () => {
    const id = await sendText("只发一次");
    const first = await sentRow(id);
    // As if the worker crashed after Lark's answer but before recording it: the row is pending again.
    await h.db.prisma.outboxMessage.update({ where: { id }, data: { status: "PENDING" } });
    await h.app.enqueue.delivery([id]);
    const again = await sentRow(id);
    expect(again.larkMessageId).toBe(first.larkMessageId);
    expect(delivered("只发一次")).toHaveLength(1);
  });

  it("keeps to 5 messages per second per user, so Lark never has to refuse", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => sendText(`批量${i}号`)));
    const rows = await Promise.all(ids.map(sentRow));
    // One attempt each: no send was refused by the double's quota.
    expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 1));
    const times = h.double.messages({ to: user.openId }).map((m) => m.create_time).sort((a, b) => a - b);
    for (let i = 5; i < times.length; i++) expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(1000);
  });

  it("records a message Lark refuses for good as FAILED, without retrying", async () => {
    const [id] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { openId: "ou_nobody" }, text: "无人", key: `nobody-${Date.now()}` }]);
    await h.app.enqueue.delivery([id!]);
    const row = await eventually(async () => {
      const r = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
      return r.status === "FAILED" ? r : undefined;
    });
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/230013|400/);
  });

  it("the recovery sweep sends what was staged but never queued", async () => {
    const [id] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { openId: user.openId }, text: "迟到的消息", key: `late-${Date.now()}` }]);
    h.clock.advance(60_000);
    const r = (await h.app.maintenance!.run("recover")) as { outbox: number };
    expect(r.outbox).toBeGreaterThanOrEqual(1);
    await sentRow(id!);
    expect(delivered("迟到的消息")).toHaveLength(1);
  });
});

describe("a card redrawn while it is being sent", () => {
  it("goes out as it was taken, then is patched once to the newer card (a click's redraw is not lost)", async () => {
    const { whoamiCard } = await import("../../cards/whoami.ts");
    const { rewriteWaiting } = await import("../../src/store/outbox.ts");
    // Lark takes a moment to answer this send: the click's redraw lands while it is in flight.
    h.double.injectFault({ kind: "slow", delayMs: 1500, match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" }, count: 1 });
    const [id] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { openId: user.openId }, card: whoamiCard({ name: "旧卡片甲", grants: [] }), key: `resync-${Date.now()}` }]);
    await h.app.enqueue.delivery([id!]);
    await eventually(async () => (await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).attempts >= 1);
    await rewriteWaiting(h.db.prisma, [id!], whoamiCard({ name: "新卡片乙", grants: [] }));
    const row = await sentRow(id!);
    const shown = await eventually(() => {
      const m = h.double.messages({ to: user.openId }).find((x) => x.message_id === row.larkMessageId);
      return m && JSON.stringify(m.content).includes("新卡片乙") ? m : undefined;
    }, 20_000);
    expect(JSON.stringify(shown.content)).not.toContain("旧卡片甲");
    // Lark shows the patch before the worker records it sent.
    const patches = await eventually(async () => {
      const ps = await h.db.prisma.outboxMessage.findMany({ where: { kind: "PATCH", targetMessageId: row.larkMessageId } });
      return ps.every((p) => p.status === "SENT") ? ps : undefined;
    });
    expect(patches).toHaveLength(1);
  }, 60_000);

  it("sends no patch when the card was not redrawn", async () => {
    const { whoamiCard } = await import("../../cards/whoami.ts");
    const [id] = await stageOutgoing(h.db.prisma, [{ kind: "SEND", to: { openId: user.openId }, card: whoamiCard({ name: "不变的卡片", grants: [] }), key: `no-resync-${Date.now()}` }]);
    await h.app.enqueue.delivery([id!]);
    const row = await sentRow(id!);
    expect(await h.db.prisma.outboxMessage.count({ where: { kind: "PATCH", targetMessageId: row.larkMessageId } })).toBe(0);
  });

  it("a copy recorded sent after the click looked at it is handed back to be patched, not rewritten unseen", async () => {
    const { rewriteWaiting } = await import("../../src/store/outbox.ts");
    // Not queued: the test plays the worker, which records the copy sent between the click's read and its rewrite.
    const [waiting, sent] = await stageOutgoing(h.db.prisma, [
      { kind: "SEND", to: { openId: user.openId }, text: "仍在等待", key: `copy-a-${Date.now()}` },
      { kind: "SEND", to: { openId: user.openId }, text: "刚刚发出", key: `copy-b-${Date.now()}` },
    ]);
    await h.db.prisma.outboxMessage.update({ where: { id: sent! }, data: { status: "SENT", larkMessageId: "om_sent_meanwhile" } });
    const missed = await rewriteWaiting(h.db.prisma, [waiting!, sent!], { text: "新内容" });
    expect(missed).toEqual([{ id: sent!, larkMessageId: "om_sent_meanwhile", status: "SENT" }]);
    const rows = await h.db.prisma.outboxMessage.findMany({ where: { id: { in: [waiting!, sent!] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.content)).toEqual([{ text: "新内容" }, expect.not.objectContaining({ text: "新内容" })]);
  });
});
