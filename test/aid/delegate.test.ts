// 受托人: the secretary names the aid delegates who decide beside them. The case that needs it
// most: a secretary asking for help themselves, who may not decide their own request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.ts";
import { eventually } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { aidState, approvalCardFor, clickCard, command, file, fund, startAidHarness, text } from "./support.ts";

let h: Harness;
let orgId: number;
let secretary: SeededPerson;
let member: SeededPerson;
let chosen: SeededPerson;

beforeAll(async () => {
  h = await startAidHarness();
  const org = await seedOrg(h.db.prisma, "dg", "独书记党支部");
  orgId = org.id;
  secretary = await seedPerson(h.db.prisma, h.double, { name: "独书记", orgId, roles: ["SECRETARY", "LEADER"] });
  member = await seedPerson(h.db.prisma, h.double, { name: "普通党员", orgId, roles: [] });
  chosen = await seedPerson(h.db.prisma, h.double, { name: "受托党员", orgId, roles: [] });
  await fund(h, orgId, "PARTY_FEE", 5_000);
});
afterAll(async () => h?.close());

const delegates = () => h.db.prisma.membership.findMany({ where: { orgId, role: "AID_DELEGATE" }, select: { personId: true } });

describe("受托人", () => {
  let own: Awaited<ReturnType<typeof file>>["req"];

  it("a secretary asking for themselves is told to name a delegate; no card goes anywhere", async () => {
    const filed = await file(h, secretary);
    own = filed.req;
    expect(text({ content: filed.click.card })).toContain("您是本支部唯一的审批人");
    await new Promise((r) => setTimeout(r, 300));
    expect(h.double.messages().filter((m) => text(m).includes(`帮扶申请审批 · ${own.number}`))).toHaveLength(0);
  });

  it("is refused to a member, and an unknown name changes nothing", async () => {
    // Everything but the outbox, which holds the two answers.
    const state = async () => ({ ...(await aidState(h)), outbox: undefined });
    const before = await state();
    const [refused] = await command(h, member, `受托人 ${chosen.name}`);
    expect(text(refused!)).toMatch(/[\u4e00-\u9fa5]/);
    const [unknown] = await command(h, secretary, "受托人 查无此人");
    expect(text(unknown!)).toContain("找不到党员「查无此人」");
    expect(await delegates()).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it("names a delegate, tells them, and sends them what is waiting", async () => {
    const [reply] = await command(h, secretary, `受托人 ${chosen.name}`);
    expect(text(reply!)).toContain(`已指定${chosen.name}`);
    expect(text(reply!)).toContain("1 件待审批的申请");
    expect(await delegates()).toEqual([{ personId: chosen.id }]);
    await eventually(() => h.double.messages({ to: chosen.openId }).find((m) => text(m).includes("帮扶审批受托人")));
    await approvalCardFor(h, chosen, own.number);
    expect(await h.db.prisma.auditLog.count({ where: { action: "aid.delegate.name", subjectId: String(chosen.id) } })).toBe(1);
    const [again] = await command(h, secretary, `受托人 ${chosen.name}`);
    expect(text(again!)).toContain("已是");
  });

  it("the delegate decides the secretary's request from that card", async () => {
    const card = await approvalCardFor(h, chosen, own.number);
    const click = await clickCard(h, chosen, card, "aid-approve", { amount: "500", source: "PARTY_FEE" });
    expect(JSON.stringify(click.toast)).toContain("已批准");
    expect(await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: "APPROVED", approvedFen: 50_000, decidedById: chosen.id });
  });

  it("lists the delegates, and removes one", async () => {
    const [list] = await command(h, secretary, "受托人");
    expect(text(list!)).toContain(`独书记党支部：${chosen.name}`);
    const [removed] = await command(h, secretary, `受托人 取消 ${chosen.name}`);
    expect(text(removed!)).toContain(`已取消${chosen.name}`);
    expect(await delegates()).toEqual([]);
    expect(await h.db.prisma.auditLog.count({ where: { action: "aid.delegate.remove", subjectId: String(chosen.id) } })).toBe(1);
    const [twice] = await command(h, secretary, `受托人 取消 ${chosen.name}`);
    expect(text(twice!)).toContain("不是");
  });
});
