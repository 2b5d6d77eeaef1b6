// Delivery against a Lark whose windows differ from the bot's: Lark allows 10 sends per 3 s
// while the bot believes 50 per second. Lark refuses with a reset header longer than the bot's
// own window; the bot must hold every send (not only the refused one) until the reset, give
// the refused sends' places back, and still deliver each message exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stageOutgoing } from "../../src/store/outbox.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
const LARK_LIMIT = 10;
const N = 40;
/** The delivery worker's concurrency in production (app.ts): at most this many sends are in flight when Lark starts refusing. */
const CONCURRENCY = 8;

beforeAll(async () => {
  h = await startHarness({ double: { quotas: { appPerSec: LARK_LIMIT, secondWindowMs: 3000 } } });
});
afterAll(async () => h?.close());

describe("delivery when Lark's windows are stricter than the bot's", () => {
  it("honours the reset header for every send: no second storm of refusals, each message once", async () => {
    const people = Array.from({ length: N }, (_, i) => h.double.addUser({ open_id: `ou_quota_${i}`, name: `成员${i}` }).open_id);
    const ids = await stageOutgoing(
      h.db.prisma,
      people.map((openId, i) => ({ kind: "SEND" as const, to: { openId }, text: `配额${i}`, key: `quota-${i}-${Date.now()}` })),
    );
    await h.app.enqueue.delivery(ids);
    const rows = await eventually(async () => {
      const r = await h.db.prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      return r.every((x) => x.status === "SENT") ? r : undefined;
    }, 60_000);

    // Each message reached Lark once and each row names its own Lark message.
    const sent = h.double.messages().filter((m) => m.recipient_open_id?.startsWith("ou_quota_"));
    expect(sent).toHaveLength(N);
    expect(new Set(sent.map((m) => m.uuid)).size).toBe(N);
    expect(new Set(rows.map((r) => r.larkMessageId)).size).toBe(N);

    // Lark's window lets LARK_LIMIT through per reset: N / LARK_LIMIT rounds. Holding every send
    // until the reset, the bot meets at most one refusal per send in flight per round; sending on
    // (only the refused job waiting) it meets 60 here (measured: 30 + 20 + 10), against 19 holding.
    const refusals = h.double.openApi.quotas.refused();
    expect(refusals).toBeGreaterThan(0);
    expect(refusals).toBeLessThanOrEqual(CONCURRENCY * Math.ceil(N / LARK_LIMIT));

    // The refused sends gave their places back: the bot's minute window holds the accepted ones only.
    expect(await h.redis.zcard(`${h.config.queuePrefix}:rl:app-min`)).toBe(N);
  });
});
