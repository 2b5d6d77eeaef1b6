// Bad input gets a Chinese toast (or reply) saying what to fix, and nothing changes: no request
// moves, no money moves, no ledger line, no archive change, no audit line, no message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localYear } from "../../src/domain/zoned-time.ts";
import { openEntry } from "../../src/store/aid-hardship.ts";
import type { Harness } from "../support/harness.ts";
import { aidState, command, file, forgeClick, fund, seedBranch, startAidHarness, text, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let b: Branch;
let pending: number;
let otherBranchRequest: number;
let year: number;

beforeAll(async () => {
  h = await startAidHarness({ ceilingYuan: 5000 });
  a = await seedBranch(h, "ba", { prefix: "丁" });
  b = await seedBranch(h, "bb", { prefix: "戊" });
  year = localYear(h.clock.now(), "Asia/Shanghai");
  await fund(h, a.orgId, "PARTY_FEE", 10_000);
  await fund(h, a.orgId, "DONATION", 50);
  pending = (await file(h, a.member)).req.id;
  otherBranchRequest = (await file(h, b.member)).req.id;
});
afterAll(async () => h?.close());

async function refused(openId: string, value: Record<string, unknown>, form: Record<string, unknown> | undefined, expected: string) {
  const before = await aidState(h);
  const r = await forgeClick(h, openId, value, form);
  expect(r.status).toBe(200);
  expect(r.toast?.type).toBe("error");
  expect(r.toast?.content).toContain(expected);
  expect(r.card).toBeUndefined();
  expect(await aidState(h)).toEqual(before);
}

const sec = () => a.secretary.openId;
const approve = () => ({ a: "aid-approve", r: pending });

describe("approving", () => {
  it.each([
    ["a negative amount", { amount: "-5", source: "PARTY_FEE" }, "不能为负数"],
    ["a zero amount", { amount: "0", source: "PARTY_FEE" }, "须大于 0"],
    ["0.00", { amount: "0.00", source: "PARTY_FEE" }, "须大于 0"],
    ["a non-numeric amount", { amount: "一百块", source: "PARTY_FEE" }, "不是数字"],
    ["1e5", { amount: "1e5", source: "PARTY_FEE" }, "不是数字"],
    ["three decimals", { amount: "12.345", source: "PARTY_FEE" }, "两位小数"],
    ["an empty amount", { amount: "", source: "PARTY_FEE" }, "请填写批准金额"],
    ["no amount at all", { source: "PARTY_FEE" }, "请填写批准金额"],
    ["an amount over the ceiling", { amount: "5000.01", source: "PARTY_FEE" }, "超过单笔上限 5,000.00 元"],
    ["an amount over the source's balance", { amount: "50.01", source: "DONATION" }, "「社会捐赠」余额只有 50.00 元"],
    ["no source", { amount: "100" }, "请选择资金来源"],
    ["an unknown source", { amount: "100", source: "BITCOIN" }, "资金来源选项无效"],
    ["an amount of the wrong type", { amount: 100, source: "PARTY_FEE" }, "批准金额格式不正确"],
    ["a note of the wrong type", { amount: "100", source: "PARTY_FEE", note: { x: 1 } }, "备注格式不正确"],
    ["a note that is too long", { amount: "100", source: "PARTY_FEE", note: "长".repeat(501) }, "不能超过 500 字"],
  ])("refuses %s", async (_name, form, expected) => {
    await refused(sec(), approve(), form, expected);
  });

  it("refuses a rejection without a reason", async () => {
    await refused(sec(), { a: "aid-reject", r: pending }, { note: "" }, "请填写不批准理由");
    await refused(sec(), { a: "aid-reject", r: pending }, { note: "   " }, "请填写不批准理由");
    await refused(sec(), { a: "aid-reject", r: pending }, {}, "请填写不批准理由");
  });

  it("refuses asking for more without a question", async () => {
    await refused(sec(), { a: "aid-ask-info", r: pending }, { note: "" }, "请填写需要补充的问题");
  });

  it.each([
    ["an unknown request id", { a: "aid-approve", r: 987654 }, "找不到该帮扶申请"],
    ["a request id that is not a number", { a: "aid-approve", r: "abc" }, "无效的操作"],
    ["a negative request id", { a: "aid-approve", r: -1 }, "无效的操作"],
    ["no request id", { a: "aid-approve" }, "无效的操作"],
    ["an unknown action", { a: "aid-approve-all", r: 1 }, "无效的操作"],
  ])("refuses a forged value: %s", async (_name, value, expected) => {
    await refused(sec(), value, { amount: "100", source: "PARTY_FEE" }, expected);
  });

  it("refuses a forged value naming another branch's request", async () => {
    await refused(sec(), { a: "aid-approve", r: otherBranchRequest }, { amount: "100", source: "PARTY_FEE" }, "没有进行此操作的权限");
  });

  it("after all of that the request is still open and the fund untouched", async () => {
    const req = await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: pending } });
    expect(req.status).toBe("PENDING");
    expect(await h.db.prisma.fundEntry.count({ where: { kind: "DISBURSEMENT" } })).toBe(0);
    const ok = await forgeClick(h, sec(), approve(), { amount: "￥1,000.5元", source: "PARTY_FEE" });
    expect(ok.toast?.type).toBe("success");
    expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: pending } })).approvedFen).toBe(100050);
  });
});

describe("asking", () => {
  const submit = { a: "aid-submit" };
  const ok = { category: "LIVING", description: "生活困难，家中老人需要照顾", amount: "", urgency: "NORMAL" };
  it.each([
    ["no category", { ...ok, category: undefined }, "请选择困难类别"],
    ["an unknown category", { ...ok, category: "MONEY" }, "请选择困难类别"],
    ["an empty description", { ...ok, description: "  " }, "请填写情况说明"],
    ["a description that is too long", { ...ok, description: "难".repeat(1001) }, "不能超过 1000 字"],
    ["a negative amount", { ...ok, amount: "-1" }, "不能为负数"],
    ["a non-numeric amount", { ...ok, amount: "很多" }, "不是数字"],
    ["an amount over the ceiling", { ...ok, amount: "9999999" }, "超过单笔上限"],
    ["an unknown urgency", { ...ok, urgency: "NOW" }, "请选择紧急程度"],
  ])("refuses %s", async (_name, form, expected) => {
    await refused(a.member2.openId, submit, form, expected);
  });

  it("refuses an empty answer to a question", async () => {
    await h.db.prisma.aidRequest.update({ where: { id: otherBranchRequest }, data: { status: "NEEDS_INFO" } });
    await refused(b.member.openId, { a: "aid-answer-info", r: otherBranchRequest }, { answer: "" }, "请填写补充说明");
    await h.db.prisma.aidRequest.update({ where: { id: otherBranchRequest }, data: { status: "PENDING" } });
  });
});

describe("the fund", () => {
  const income = () => ({ a: "fund-income", o: a.orgId });
  it.each([
    ["a zero amount", { source: "DONATION", amount: "0", payer: "某单位" }, "须大于 0"],
    ["a negative amount", { source: "DONATION", amount: "-100", payer: "某单位" }, "不能为负数"],
    ["an amount too large to record", { source: "DONATION", amount: "99999999", payer: "某单位" }, "过大"],
    ["no payer", { source: "DONATION", amount: "100", payer: "" }, "请填写拨付单位或捐赠人"],
    ["no source", { amount: "100", payer: "某单位" }, "请选择资金来源"],
  ])("refuses income with %s", async (_name, form, expected) => {
    await refused(a.worker.openId, income(), form, expected);
  });

  it("refuses a disclosure for a year outside the fund's life", async () => {
    await refused(sec(), { a: "fund-disclose", o: a.orgId, y: 1999 }, undefined, `只能公开 2000 年至 ${year} 年`);
    await refused(sec(), { a: "fund-disclose", o: a.orgId, y: year + 1 }, undefined, `只能公开 2000 年至 ${year} 年`);
  });
});

describe("the hardship archive", () => {
  const good = () => ({ causes: ["ILLNESS"], level: "GENERAL", household: "独居", next_review: `${year + 1}-01-01` });
  it.each([
    ["no cause", { causes: [] }, "请至少选择一项困难原因"],
    ["an unknown cause", { causes: ["RICH"] }, "困难原因选项无效"],
    ["no level", { level: undefined }, "请选择困难级别"],
    ["an empty household", { household: "" }, "请填写家庭情况"],
    ["a review date in the past", { next_review: "2020-01-01" }, "须晚于今天"],
    ["a date that does not exist", { next_review: `${year + 1}-02-30` }, "格式不正确"],
    ["no review date", { next_review: undefined }, "请选择下次复核日期"],
  ])("refuses opening an entry with %s", async (_name, patch, expected) => {
    await refused(sec(), { a: "hardship-open", p: a.member2.id }, { ...good(), ...patch }, expected);
  });

  it("refuses an entry opened from a request of another member", async () => {
    await refused(sec(), { a: "hardship-open", p: a.member2.id, r: pending }, good(), "无效的操作");
  });

  it("refuses to resolve without a reason, or to change a resolved entry", async () => {
    const e = await h.db.prisma.$transaction((tx) =>
      openEntry(tx, { orgId: a.orgId, personId: a.leader.id, causes: ["OTHER"], level: "GENERAL", household: "x", nextReviewOn: `${year + 1}-01-01`, openedFromRequestId: null, byId: a.secretary.id, at: h.clock.now() }),
    );
    await refused(sec(), { a: "hardship-resolve", e: e!.id }, { reason: "" }, "请填写解困原因");
    await h.db.prisma.hardshipEntry.update({ where: { id: e!.id }, data: { status: "RESOLVED" } });
    await refused(sec(), { a: "hardship-update", e: e!.id }, good(), "已销档");
    await refused(sec(), { a: "hardship-view", e: 99999 }, undefined, "找不到该档案");
  });
});

describe("commands", () => {
  it.each([
    [`审批 ${new Date().getFullYear()}-9999`, "找不到编号为"],
    ["审批 abc", "不是申请编号"],
    ["收支公开 abc", "年份「abc」不正确"],
    ["收支公开 2099", "只能公开 2000 年至"],
    ["代为求助", "请写明党员姓名"],
    ["代为求助 查无此人", "找不到党员「查无此人」"],
    ["档案 查无此人", "找不到党员「查无此人」"],
  ])("%s is answered with what to fix", async (say, expected) => {
    const before = await aidState(h);
    const replies = await command(h, a.secretary, say);
    expect(replies.map(text).join("\n")).toContain(expected);
    expect({ ...(await aidState(h)), outbox: 0 }).toEqual({ ...before, outbox: 0 });
  });
});
