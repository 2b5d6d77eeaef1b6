// A decision is made once and the fund never goes below zero, however the clicks arrive: all at
// once, twice over, or from two secretaries at the same moment.
import { opened } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope } from "../../src/double/index.ts";
import { localYear } from "../../src/domain/zoned-time.ts";
import { eventually, TEST_LARK, type Harness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { approvalCardFor, askForForm, buttonValue, clickCard, file, fund, seedBranch, startAidHarness, submitForm, text, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let secretary2: SeededPerson;
const crowd: SeededPerson[] = [];

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "ca", { prefix: "丙" });
  secretary2 = await seedPerson(h.db.prisma, h.double, { name: "丙副书记", orgId: a.orgId, roles: ["SECRETARY"] });
  for (let i = 0; i < 30; i++) crowd.push(await seedPerson(h.db.prisma, h.double, { name: `丙党员${i + 1}`, orgId: a.orgId, roles: [] }));
});
afterAll(async () => h?.close());

const toastText = (t: unknown) => JSON.stringify(t ?? null);

describe("concurrency", () => {
  it("members filing at the same time get distinct, consecutive numbers", async () => {
    // Ten at a time: the numbers' uniqueness is what is tested here, not the pool's size.
    const forms = await Promise.all(crowd.map((m) => askForForm(h, m)));
    const results = [];
    for (let from = 0; from < crowd.length; from += 10) {
      const batch = crowd.slice(from, from + 10);
      results.push(...(await Promise.all(batch.map((m, i) => submitForm(h, m, forms[from + i]!, { category: "LIVING", description: `生活困难，房租上涨交不起 ${from + i}`, amount: "100", urgency: "NORMAL" })))));
    }
    expect(results.filter((r) => !(r.status === 200 && toastText(r.toast).includes("申请已提交"))).map((r) => [r.status, r.toast, r.error])).toEqual([]);
    const year = localYear(h.clock.now(), "Asia/Shanghai");
    const numbers = (await h.db.prisma.aidRequest.findMany({ select: { number: true } })).map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `${year}-${String(i + 1).padStart(4, "0")}`));
  });

  it("30 approvals fired at once against a source that can pay 10: exactly 10 paid, the rest told why, balance zero", async () => {
    await fund(h, a.orgId, "DONATION", 1000);
    const requests = await h.db.prisma.aidRequest.findMany({ orderBy: { id: "asc" } });
    expect(requests).toHaveLength(30);
    const cards = await Promise.all(requests.map((r) => approvalCardFor(h, a.secretary, r.number)));
    const clicks = await Promise.all(cards.map((c) => clickCard(h, a.secretary, c, "aid-approve", { amount: "100", source: "DONATION", note: "" })));

    expect(clicks.every((c) => c.status === 200)).toBe(true);
    const paid = clicks.filter((c) => toastText(c.toast).includes("已批准"));
    const refused = clicks.filter((c) => !toastText(c.toast).includes("已批准"));
    expect(paid).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(toastText(r.toast)).toContain("余额只有 0.00 元");

    const statuses = await h.db.prisma.aidRequest.groupBy({ by: ["status"], _count: { _all: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ APPROVED: 10, PENDING: 20 });
    const balance = await h.db.prisma.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: a.orgId, source: "DONATION" } } });
    expect(balance.balanceFen).toBe(0);
    const out = await h.db.prisma.fundEntry.aggregate({ where: { kind: "DISBURSEMENT" }, _sum: { amountFen: true }, _count: { _all: true } });
    expect(out._count._all).toBe(10);
    expect(out._sum.amountFen).toBe(100_000);
    // Refused approvals left no trace: no APPROVED event, no decision fields.
    expect(await h.db.prisma.aidRequestEvent.count({ where: { type: "APPROVED" } })).toBe(10);
    expect(await h.db.prisma.aidRequest.count({ where: { status: "PENDING", NOT: { decidedById: null } } })).toBe(0);
  });

  it("the same click delivered twice (in turn and at once) makes one decision", async () => {
    await fund(h, a.orgId, "PARTY_FEE", 1000);
    const { req } = await file(h, a.member, { category: "ILLNESS", description: "看病住院，医药费负担较重", amount: "200", urgency: "NORMAL" });
    const card = await approvalCardFor(h, a.secretary, req.number);
    const click = await clickCard(h, a.secretary, card, "aid-approve", { amount: "200", source: "PARTY_FEE" });
    expect(toastText(click.toast)).toContain("已批准");
    const again = await h.double.redeliver(click.eventId);
    expect(again.status).toBe(200);
    expect(toastText(again.body)).toContain("该操作已处理");

    // One envelope, posted twice at the same moment (Lark retrying while the first is in flight).
    const { req: req2 } = await file(h, a.member2, { category: "ILLNESS", description: "看病住院，医药费负担较重", amount: "200", urgency: "NORMAL" });
    const card2 = await approvalCardFor(h, a.secretary, req2.number);
    const env = buildEnvelope({ appId: TEST_LARK.appId, tenantKey: "tenant_double", verificationToken: TEST_LARK.verificationToken, now: Date.now }, "card.action.trigger", {
      operator: { open_id: a.secretary.openId },
      action: { tag: "button", value: buttonValue(card2.content, "aid-approve"), form_value: { amount: "200", source: "PARTY_FEE" } },
      context: { open_message_id: card2.message_id, open_chat_id: card2.chat_id },
    });
    const both = await Promise.all([h.double.deliverEnvelope(env, { target: "cards" }), h.double.deliverEnvelope(env, { target: "cards" })]);
    expect(both.map((b) => toastText(b.body)).filter((t) => t.includes("已批准"))).toHaveLength(1);

    for (const r of [req, req2]) {
      expect(await h.db.prisma.fundEntry.count({ where: { aidRequestId: r.id } })).toBe(1);
      expect(await h.db.prisma.aidRequestEvent.count({ where: { requestId: r.id, type: "APPROVED" } })).toBe(1);
    }
    expect((await h.db.prisma.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: a.orgId, source: "PARTY_FEE" } } })).balanceFen).toBe(60_000);
    await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(`帮扶申请已批准 · ${req.number}`) });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.double.messages({ to: a.member.openId }).filter((m) => text(m).includes(`帮扶申请已批准 · ${req.number}`))).toHaveLength(1);
  });

  it("two secretaries deciding at once: one decision, the other card refreshed to it", async () => {
    for (let round = 0; round < 4; round++) {
      const { req } = await file(h, a.member, { category: "LIVING", description: `生活困难，房租上涨（第 ${round} 次）`, amount: "50", urgency: "NORMAL" });
      const [mine, theirs] = await Promise.all([approvalCardFor(h, a.secretary, req.number), approvalCardFor(h, secretary2, req.number)]);
      const [approve, reject] = await Promise.all([
        clickCard(h, a.secretary, mine, "aid-approve", { amount: "50", source: "PARTY_FEE" }),
        clickCard(h, secretary2, theirs, "aid-reject", { note: "已有其他帮扶" }),
      ]);
      const row = await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } });
      expect(["APPROVED", "REJECTED"]).toContain(row.status);
      const [winner, loser] = row.status === "APPROVED" ? [approve, reject] : [reject, approve];
      expect(toastText(winner.toast)).toMatch(/已批准|不批准/);
      expect(toastText(loser.toast)).toContain(row.status === "APPROVED" ? "已由丙书记" : "已由丙副书记");
      // The loser's card now shows the winner's decision, not its own.
      const stamp = row.status === "APPROVED" ? "✅ 已批准 50.00 元" : "❌ 未批准";
      expect(text({ content: loser.card })).toContain(stamp);
      expect(text({ content: winner.card })).toContain(stamp);
      expect(await h.db.prisma.aidRequestEvent.count({ where: { requestId: req.id, type: { in: ["APPROVED", "REJECTED"] } } })).toBe(1);
      expect(await h.db.prisma.fundEntry.count({ where: { aidRequestId: req.id } })).toBe(row.status === "APPROVED" ? 1 : 0);
      // The delegate's copy, which nobody clicked, is patched to the same state.
      const copy = await approvalCardFor(h, a.delegate, req.number);
      await eventually(() => text(h.double.message(copy.message_id)!).includes(stamp));
    }
  });

  it("a stale copy clicked later is refreshed, with nothing changed", async () => {
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { status: "APPROVED" } });
    const card = await approvalCardFor(h, a.delegate, req.number);
    const before = await h.db.prisma.fundEntry.count();
    const r = await clickCard(h, a.delegate, card, "aid-reject", { note: "迟到的点击" }).catch(async () =>
      // The copy may already be redrawn without buttons: click with the value the old card carried.
      h.double.click({ from: a.delegate.openId, messageId: card.message_id, value: { a: "aid-reject", r: req.id }, formValue: { note: "迟到的点击" } }),
    );
    expect(toastText(r.toast)).toContain("已由");
    expect(text({ content: r.card })).toContain("✅ 已批准");
    expect(await h.db.prisma.fundEntry.count()).toBe(before);
    expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("APPROVED");
  });

  it("a form submitted twice at once files one request", async () => {
    const form = await askForForm(h, a.member2);
    const fv = { category: "OTHER", description: "双击提交：住院费用负担很重", amount: "", urgency: "NORMAL" };
    const [x, y] = await Promise.all([submitForm(h, a.member2, form, fv), submitForm(h, a.member2, form, fv)]);
    // The description is sealed at rest: compared once opened.
    const filed = (await h.db.prisma.aidRequest.findMany({ where: { personId: a.member2.id } })).map((r) => opened("AidRequest", r));
    expect(filed.filter((r) => r.description === "双击提交：住院费用负担很重")).toHaveLength(1);
    expect([toastText(x.toast), toastText(y.toast)].filter((t) => t.includes("已提交过"))).toHaveLength(1);
  });
});
