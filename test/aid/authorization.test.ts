// Who may do what: every aid action tried by every role, from the record's own branch and from
// another branch. A refusal is a Chinese toast and changes nothing; only the roles of the
// record's own branch get through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "../../src/domain/roles.ts";
import { localYear } from "../../src/domain/zoned-time.ts";
import { openEntry } from "../../src/store/aid-hardship.ts";
import { createRequest } from "../../src/store/aid-requests.ts";
import type { Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";
import { aidState, command, forgeClick, fund, seedBranch, startAidHarness, text, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let b: Branch;
let year: number;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "za", { prefix: "甲" });
  b = await seedBranch(h, "zb", { prefix: "乙" });
  year = localYear(h.clock.now(), "Asia/Shanghai");
  await fund(h, a.orgId, "PARTY_FEE", 10_000);
  await fund(h, b.orgId, "PARTY_FEE", 10_000);
});
afterAll(async () => h?.close());

const ROLES = ["MEMBER", "LEADER", "SECRETARY", "AFFAIRS_WORKER", "AID_DELEGATE"] as const;
const actorOf = (br: Branch, role: (typeof ROLES)[number]): SeededPerson =>
  ({ MEMBER: br.member2, LEADER: br.leader, SECRETARY: br.secretary, AFFAIRS_WORKER: br.worker, AID_DELEGATE: br.delegate })[role];

let seq = 0;
async function freshPerson(br: Branch) {
  return h.db.prisma.person.create({ data: { name: `受助人${++seq}`, memberships: { create: [{ orgId: br.orgId, role: "MEMBER" }] } } });
}
async function freshRequest(br: Branch, status: "PENDING" | "NEEDS_INFO" | "APPROVED" = "PENDING", personId = br.member.id) {
  const now = h.clock.now();
  const made = await h.db.prisma.$transaction((tx) =>
    createRequest(tx, { year, orgId: br.orgId, personId, filedById: personId, onBehalf: false, category: "LIVING", description: "矩阵测试", requestedFen: 1000, urgency: "NORMAL", formMessageId: null, at: now }),
  );
  const id = made!.req.id;
  if (status === "NEEDS_INFO") await h.db.prisma.aidRequest.update({ where: { id }, data: { status } });
  if (status === "APPROVED") await h.db.prisma.aidRequest.update({ where: { id }, data: { status, approvedFen: 1000, fundSource: "PARTY_FEE", decidedById: br.secretary.id, decidedAt: now } });
  return id;
}
async function freshEntry(br: Branch) {
  const p = await freshPerson(br);
  const e = await h.db.prisma.$transaction((tx) =>
    openEntry(tx, { orgId: br.orgId, personId: p.id, causes: ["ILLNESS"], level: "GENERAL", household: "原始情况", nextReviewOn: `${year + 1}-01-01`, openedFromRequestId: null, byId: br.secretary.id, at: h.clock.now() }),
  );
  return e!.id;
}

const entryForm = () => ({ causes: ["ILLNESS", "OTHER"], level: "SERIOUS", household: "情况有变化", next_review: `${year + 1}-01-05` });

/** Each action: how to make a fresh target in branch `br`, the click, and who of that branch may do it. */
const ACTIONS: { id: string; allowed: readonly RoleName[]; click: (br: Branch) => Promise<{ value: Record<string, unknown>; form?: Record<string, unknown> }> }[] = [
  { id: "aid-approve", allowed: ["SECRETARY", "AID_DELEGATE"], click: async (br) => ({ value: { a: "aid-approve", r: await freshRequest(br) }, form: { amount: "10", source: "PARTY_FEE" } }) },
  { id: "aid-reject", allowed: ["SECRETARY", "AID_DELEGATE"], click: async (br) => ({ value: { a: "aid-reject", r: await freshRequest(br) }, form: { note: "理由" } }) },
  { id: "aid-ask-info", allowed: ["SECRETARY", "AID_DELEGATE"], click: async (br) => ({ value: { a: "aid-ask-info", r: await freshRequest(br) }, form: { note: "请补充" } }) },
  { id: "aid-open", allowed: ["SECRETARY", "AID_DELEGATE"], click: async (br) => ({ value: { a: "aid-open", r: await freshRequest(br) } }) },
  // Only the member whose request it is answers; no role of the branch may answer for them.
  { id: "aid-answer-info", allowed: [], click: async (br) => ({ value: { a: "aid-answer-info", r: await freshRequest(br, "NEEDS_INFO") }, form: { answer: "补充" } }) },
  { id: "aid-submit (on behalf)", allowed: ["LEADER", "SECRETARY", "AFFAIRS_WORKER"], click: async (br) => ({ value: { a: "aid-submit", f: br.offline.id }, form: { category: "LIVING", description: "代为申请：独居老人生活困难", amount: "", urgency: "NORMAL" } }) },
  { id: "fund-income", allowed: ["SECRETARY", "AFFAIRS_WORKER"], click: async (br) => ({ value: { a: "fund-income", o: br.orgId }, form: { source: "DONATION", amount: "10", payer: "某单位" } }) },
  { id: "fund-disclose", allowed: ["SECRETARY", "AFFAIRS_WORKER"], click: async (br) => ({ value: { a: "fund-disclose", o: br.orgId, y: year } }) },
  { id: "hardship-form", allowed: ["SECRETARY"], click: async (br) => ({ value: { a: "hardship-form", r: await freshRequest(br, "APPROVED", (await freshPerson(br)).id) } }) },
  { id: "hardship-open", allowed: ["SECRETARY"], click: async (br) => ({ value: { a: "hardship-open", p: (await freshPerson(br)).id }, form: entryForm() }) },
  { id: "hardship-view", allowed: ["SECRETARY"], click: async (br) => ({ value: { a: "hardship-view", e: await freshEntry(br) } }) },
  { id: "hardship-update", allowed: ["SECRETARY"], click: async (br) => ({ value: { a: "hardship-update", e: await freshEntry(br) }, form: entryForm() }) },
  { id: "hardship-resolve", allowed: ["SECRETARY"], click: async (br) => ({ value: { a: "hardship-resolve", e: await freshEntry(br) }, form: { reason: "已解困" } }) },
];

describe("card actions: every role, own branch and another branch", () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      for (const from of ["own", "other"] as const) {
        const allowed = from === "own" && action.allowed.includes(role);
        it(`${action.id} by ${role} of the ${from} branch is ${allowed ? "allowed" : "refused"}`, async () => {
          const actor = actorOf(from === "own" ? a : b, role);
          const { value, form } = await action.click(a);
          const before = await aidState(h);
          const r = await forgeClick(h, actor.openId, value, form);
          expect(r.status).toBe(200);
          if (allowed) {
            expect(r.toast?.type ?? "none", JSON.stringify(r.toast)).not.toBe("error");
            expect(r.toast ?? r.card).toBeTruthy();
          } else {
            expect(r.toast?.type).toBe("error");
            expect(r.toast?.content).toContain("没有进行此操作的权限");
            expect(r.card).toBeUndefined();
            expect(await aidState(h)).toEqual(before);
          }
        });
      }
    }
  }

  it("the member answers their own question", async () => {
    const r = await forgeClick(h, a.member.openId, { a: "aid-answer-info", r: await freshRequest(a, "NEEDS_INFO") }, { answer: "补充" });
    expect(r.toast?.type).toBe("success");
  });

  it("a decider cannot decide their own request", async () => {
    const own = await freshRequest(a, "PENDING", a.secretary.id);
    const before = await aidState(h);
    const r = await forgeClick(h, a.secretary.openId, { a: "aid-approve", r: own }, { amount: "10", source: "PARTY_FEE" });
    expect(r.toast?.content).toContain("不能审批自己的帮扶申请");
    expect(await aidState(h)).toEqual(before);
  });
});

describe("commands: every role", () => {
  const COMMANDS: { label: string; say: (br: Branch) => string; allowed: readonly RoleName[] }[] = [
    { label: "资金", say: () => "资金", allowed: ["SECRETARY", "AFFAIRS_WORKER"] },
    { label: "收支公开", say: () => `收支公开 ${year}`, allowed: ["SECRETARY", "AFFAIRS_WORKER"] },
    { label: "档案", say: () => "档案", allowed: ["SECRETARY"] },
    { label: "审批", say: () => "审批", allowed: ["SECRETARY", "AID_DELEGATE"] },
    { label: "代为求助", say: (br) => `代为求助 ${br.offline.name}`, allowed: ["LEADER", "SECRETARY", "AFFAIRS_WORKER"] },
  ];
  for (const c of COMMANDS) {
    for (const role of ROLES) {
      const allowed = c.allowed.includes(role);
      if (allowed) {
        it(`${c.label} by ${role} is answered`, async () => {
          const body = (await command(h, actorOf(a, role), c.say(a))).map(text).join("\n");
          expect(body).not.toContain("没有进行此操作的权限");
        });
        continue;
      }
      it(`${c.label} by ${role} shows nothing of the feature and changes nothing`, async () => {
        const before = await aidState(h);
        const since = Date.now();
        await h.double.say({ from: actorOf(a, role).openId, text: c.say(a) });
        await new Promise((r) => setTimeout(r, 600));
        // The refusal card names the command typed and what the person may use instead; nothing else may mention the feature.
        const leaked = h.double.messages({ since }).filter((m) => !text(m).includes("无法使用「") && /帮扶资金|困难党员档案|待审批|代.*申请帮扶|收支公开/.test(text(m)));
        expect(leaked).toEqual([]);
        expect({ ...(await aidState(h)), outbox: 0 }).toEqual({ ...before, outbox: 0 });
      });
      it(`${c.label} by ${role} is refused with a Chinese reply`, async () => {
        const said = await h.double.say({ from: actorOf(a, role).openId, text: c.say(a) });
        const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId }, 1500);
        expect(text(reply)).toContain("没有进行此操作的权限");
      });
    }
  }

  it("nobody reaches another branch's records by name or number", async () => {
    const number = (await h.db.prisma.aidRequest.findFirstOrThrow({ where: { orgId: a.orgId } })).number;
    const before = await aidState(h);
    expect(text((await command(h, b.secretary, `审批 ${number}`))[0]!)).toContain("没有进行此操作的权限");
    expect(text((await command(h, b.secretary, `档案 ${a.member.name}`))[0]!)).toContain("找不到党员");
    expect(text((await command(h, b.leader, `代为求助 ${a.offline.name}`))[0]!)).toContain("找不到党员");
    const fundCard = text((await command(h, b.worker, "资金"))[0]!);
    expect(fundCard).toContain("乙党支部");
    expect(fundCard).not.toContain("甲");
    const after = await aidState(h);
    expect({ ...after, audits: 0, outbox: 0 }).toEqual({ ...before, audits: 0, outbox: 0 });
  });

  it("我的 shows a member only their own requests", async () => {
    const mineA = (await h.db.prisma.aidRequest.findMany({ where: { personId: a.member.id }, orderBy: { id: "desc" }, take: 10 })).map((r) => r.number);
    const other = await freshRequest(b);
    const otherNumber = (await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: other } })).number;
    const body = text((await command(h, a.member, "我的"))[0]!);
    for (const n of mineA) expect(body).toContain(n);
    expect(body).not.toContain(otherNumber);
    const body2 = text((await command(h, a.member2, "我的"))[0]!);
    for (const n of mineA) expect(body2).not.toContain(n);
  });
});
