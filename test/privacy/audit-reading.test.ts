// Reading the audit, over the Lark double: 张三 asks 谁看过我的档案 and reads, in words, exactly
// who read or changed their records (a secretary viewed the hardship file, a leader recorded a
// talk), never 李四's and never their own actions; a member cannot run 查阅记录; a branch's
// secretary cannot read another branch's member; a committee's secretary can for a branch below,
// and that lookup shows up in 张三's own list.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { localDateTime } from "../../src/domain/zoned-time.ts";
import { storesOn } from "../../src/store/stores.ts";
import { command, file, forgeClick, text, toast } from "../aid/support.ts";
import { startHarness, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { buttonValues } from "../talks/support.ts";

let h: Harness;
let committee: SeededPerson;
let secretary: SeededPerson;
let leader: SeededPerson;
let zhang: SeededPerson;
let li: SeededPerson;
let otherSecretary: SeededPerson;
let branchId: number;

/** The list lines of a card ("· 2026-12-03 09:30 王建国（支部书记）查看了您的困难档案"). */
function listed(card: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    if (o.tag === "markdown" && typeof o.content === "string") out.push(...o.content.split("\n").filter((l) => l.startsWith("· ")));
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** What each line says after its time: "王建国（支部书记）查看了您的困难档案". */
const said = (lines: string[]) => lines.map((l) => l.replace(/^· \d{4}-\d{2}-\d{2} \d{2}:\d{2} /, ""));

const auditLines = (action: string) => h.db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

beforeAll(async () => {
  h = await startHarness({ env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500" }, double: { quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 20_000, perMessagePatchPerSec: 50 } } });
  const p = h.db.prisma;
  const top = await p.organization.create({ data: { code: "ar-top", name: "磐东居委党委", kind: "COMMITTEE" } });
  const branch = await seedOrg(p, "ar-1", "磐东第一党支部", top.id);
  const other = await seedOrg(p, "ar-2", "磐东第二党支部", top.id);
  branchId = branch.id;
  committee = await seedPerson(p, h.double, { name: "赵书记", orgId: top.id, roles: ["SECRETARY"] });
  secretary = await seedPerson(p, h.double, { name: "王建国", orgId: branch.id, roles: ["SECRETARY", "LEADER"] });
  leader = await seedPerson(p, h.double, { name: "李明", orgId: branch.id, roles: ["LEADER"] });
  zhang = await seedPerson(p, h.double, { name: "张三", orgId: branch.id, roles: [] });
  li = await seedPerson(p, h.double, { name: "李四", orgId: branch.id, roles: [] });
  otherSecretary = await seedPerson(p, h.double, { name: "陈芳", orgId: other.id, roles: ["SECRETARY", "LEADER"] });
  // Hardship entries opened as the roster import does: no audit line of their own.
  const store = storesOn(h.db);
  for (const who of [zhang, li]) {
    await store.aidHardship.openEntry({ orgId: branch.id, personId: who.id, causes: ["ILLNESS"], level: "GENERAL", household: `${who.name}家母亲长期住院`, nextReviewOn: "2027-06-01", openedFromRequestId: null, byId: secretary.id, at: new Date() });
  }
}, 60_000);
afterAll(async () => h?.close());

describe("谁看过我的档案", () => {
  it("lists exactly what others did with 张三's records, in words, newest first, and not 张三's own", async () => {
    // 张三's own actions on their own records: a request filed (and sent to the deciders).
    const { req } = await file(h, zhang);
    // The secretary reads 张三's hardship file and 李四's; a leader records a talk with 张三.
    await command(h, secretary, "档案 张三");
    await command(h, secretary, "档案 李四");
    const talk = await forgeClick(h, leader.openId, { a: "talk-record", m: zhang.id, b: "list" }, { heldOn: localDateTime(new Date(), "Asia/Shanghai").slice(0, 10) + " +0800", form: "IN_PERSON", life: "母亲住院，经济压力大" });
    expect(text({ content: talk.toast })).toContain("已记录与张三的谈话");

    const [answer] = await command(h, zhang, "谁看过我的档案");
    expect(text(answer!)).toContain("谁看过我的档案");
    const lines = listed(answer!.content);
    expect(said(lines)).toEqual(["李明（支委）记录了与您的谈心", "王建国（支部书记）查看了您的困难档案"]);
    // The time is the line's own, in Shanghai.
    const view = (await auditLines("hardship.view")).find((l) => l.subjectPersonId === zhang.id || l.actorId === secretary.id)!;
    expect(lines[1]).toContain(localDateTime(view.at, "Asia/Shanghai"));
    expect(text(answer!)).not.toContain("李四");
    expect(text(answer!)).not.toContain(req.number);

    // Reading one's own list is logged as one's own, and so never lists itself.
    const own = await auditLines("audit.view_own");
    expect(own).toMatchObject([{ actorId: zhang.id, subjectPersonId: zhang.id }]);
    const [again] = await command(h, zhang, "我的记录查阅");
    expect(said(listed(again!.content))).toEqual(said(lines));
  });

  it("answers only in the private chat", async () => {
    const chat = h.double.addChat({ name: "磐东第一党支部群", members: [zhang.openId, secretary.openId] });
    const [answer] = await command(h, zhang, "谁看过我的档案", { chatId: chat.chat_id });
    expect(listed(answer!.content)).toEqual([]);
  });
});

describe("paging and older lines", () => {
  it("shows the last 90 days a page at a time, then earlier lines, including those written before subjectPersonId", async () => {
    const p = h.db.prisma;
    const entry = await p.hardshipEntry.findFirstOrThrow({ where: { personId: li.id } });
    const now = Date.now();
    // Twenty readings of 李四's file by the secretary, one every six days back: 15 within 90 days.
    for (let i = 1; i <= 20; i++) {
      await p.auditLog.create({ data: { at: new Date(now - i * 6 * 86_400_000), actorId: secretary.id, action: "hardship.view", subjectType: "HardshipEntry", subjectId: String(entry.id), orgId: branchId, subjectPersonId: li.id } });
    }
    // A line from before the audit named its person: found through the entry it names.
    await p.auditLog.create({ data: { at: new Date(now - 200 * 86_400_000), actorId: leader.id, action: "hardship.update", subjectType: "HardshipEntry", subjectId: String(entry.id), orgId: branchId, changes: { household: "changed" } } });

    const [first] = await command(h, li, "谁看过我的档案");
    const page1 = said(listed(first!.content));
    expect(page1).toHaveLength(15);
    expect(page1.every((l) => l === "王建国（支部书记）查看了您的困难档案")).toBe(true);
    expect(text(first!)).toContain("近 90 天");
    expect(text(first!)).toContain("更早的记录");

    const [earlier] = buttonValues(first!.content, "audit-mine");
    const older = await h.double.click({ from: li.openId, messageId: first!.message_id, value: earlier!, tag: "button" });
    const page2 = said(listed(older.card));
    // The secretary's one real reading plus the twenty made here: 21 in all, and the old change.
    expect(page2).toHaveLength(7);
    expect(page2.at(-1)).toBe("李明（支委）修改了您的困难档案（家庭情况）");
    expect(text({ content: older.card })).toContain("回到最新");
    expect(buttonValues(older.card, "audit-mine")).toEqual([{ a: "audit-mine" }]);
  });
});

describe("查阅记录", () => {
  it("refuses a member, pointing to their own list, and reads nothing", async () => {
    const [answer] = await command(h, li, "查阅记录 张三");
    expect(text(answer!)).toContain("无法使用「查阅记录」");
    expect(text(answer!)).toContain("谁看过我的档案");
    expect(await auditLines("audit.read")).toEqual([]);
  });

  it("does not let a branch's secretary read another branch's member, by command or by a forged click", async () => {
    const [answer] = await command(h, otherSecretary, "查阅记录 张三");
    expect(text(answer!)).toContain("找不到党员「张三」");
    expect(listed(answer!.content)).toEqual([]);
    const forged = await forgeClick(h, otherSecretary.openId, { a: "audit-read", p: zhang.id, k: "all" });
    expect(toast(forged).type).toBe("error");
    expect(forged.card).toBeUndefined();
    expect(await auditLines("audit.read")).toEqual([]);
  });

  let card: SentMessage;
  it("lets the committee's secretary read a member of a branch below, audited about the member", async () => {
    [card] = (await command(h, committee, "查阅记录 张三")) as [SentMessage];
    expect(text(card)).toContain("查阅记录 · 张三");
    const lines = said(listed(card.content));
    expect(lines).toContain("李明（支委）记录了与张三的谈心");
    expect(lines).toContain("王建国（支部书记）查看了张三的困难档案");
    // The secretary's view keeps 张三's own actions, named as such.
    expect(lines.some((l) => l.startsWith("张三（本人）提交了自己的求助"))).toBe(true);
    expect(lines.join()).not.toContain("李四");
    expect(await auditLines("audit.read")).toMatchObject([{ actorId: committee.id, subjectPersonId: zhang.id, orgId: branchId }]);
  });

  it("filters the card to views or changes", async () => {
    expect(text(card)).toContain('"k":"view"');
    const views = await h.double.click({ from: committee.openId, messageId: card.message_id, value: { a: "audit-read", p: zhang.id, k: "view" }, tag: "button" });
    const lines = said(listed(views.card));
    expect(lines).toContain("王建国（支部书记）查看了张三的困难档案");
    expect(lines.some((l) => l.includes("记录了与张三的谈心"))).toBe(false);
    const changes = await h.double.click({ from: committee.openId, messageId: card.message_id, value: { a: "audit-read", p: zhang.id, k: "change" }, tag: "button" });
    expect(said(listed(changes.card))).toContain("李明（支委）记录了与张三的谈心");
    expect(said(listed(changes.card)).some((l) => l.includes("查看了"))).toBe(false);
  });

  it("exports the member's lines as a spreadsheet sent to the secretary as a file, audited", async () => {
    const done = await h.double.click({ from: committee.openId, messageId: card.message_id, value: { a: "audit-export", p: zhang.id, k: "all" }, tag: "button" });
    expect(text({ content: done.card })).toContain("查阅记录-张三-");
    const msg = await h.double.waitForMessage({ to: committee.openId, where: (m) => m.msg_type === "file" }, 15_000);
    const bytes = await fetch(`${h.double.url}/_double/resources/${(msg.content as { file_key: string }).file_key}`).then(async (r) => Buffer.from(await r.arrayBuffer()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = wb.getWorksheet("查阅记录")!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1).join("|"));
    expect(rows.some((r) => r.includes("李明（支委）|修改|记录了与张三的谈心"))).toBe(true);
    expect(rows.some((r) => r.includes("王建国（支部书记）|查看|查看了张三的困难档案"))).toBe(true);
    expect(rows.join()).not.toContain("李四");
    expect(await auditLines("audit.export")).toMatchObject([{ actorId: committee.id, subjectPersonId: zhang.id }]);
  });

  it("lets the branch's own secretary read their member, and 张三 sees both lookups", async () => {
    const [answer] = await command(h, secretary, "查阅记录 张三 修改");
    expect(said(listed(answer!.content))).toContain("李明（支委）记录了与张三的谈心");
    const [mine] = await command(h, zhang, "谁看过我的档案");
    const lines = said(listed(mine!.content));
    expect(lines[0]).toBe("王建国（支部书记）查阅了您的档案查阅记录");
    expect(lines).toContain("赵书记（党委书记）查阅了您的档案查阅记录");
    expect(lines).toContain("赵书记（党委书记）导出了您的档案查阅记录");
    expect(lines).toContain("李明（支委）记录了与您的谈心");
  });
});
