// Members talking with members (党员之间相互谈心), as members do it in Lark: 互相谈心 answers the
// light form, its save records one sealed row per form card (a double click records nothing
// more), audits it about both members and tells the other one (without the notes). Bad input
// is refused with a clear toast and writes nothing. The notes are read by the two members and
// the branch secretary only, each reading audited; 分析 counts the quarter's talks; and when a
// member left long ago, the notes of their talks are erased on either side.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, dayToDate, minusYears } from "../../src/domain/calendar-day.ts";
import type { SentMessage } from "../../src/double/index.ts";
import type { EraseResult } from "../../src/jobs/erase-departed.ts";
import { buttonValue, command, forgeClick, seedBranch, startAidHarness, type Branch } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";
import { opened } from "../support/sealed.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { at } from "./support.ts";

// The machine is shared: each step waits for deliveries over the double.
vi.setConfig({ testTimeout: 60_000 });

let h: Harness;
let a: Branch;
let b: Branch;
let zhou: SeededPerson;
const text = (x: unknown) => JSON.stringify(x);

/** Written in the form; nothing else in the database says it. */
const NOTE = "互谈标记：交流了学习体会，他提醒我多参加组织生活";
const NOTE2 = "互谈标记二：聊了孩子上学的事";

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at("2027-03-10", "10:00") });
  a = await seedBranch(h, "pt-a", { prefix: "甲" });
  b = await seedBranch(h, "pt-b", { prefix: "乙" });
  zhou = await seedPerson(h.db.prisma, h.double, { name: "甲周八", orgId: a.orgId, roles: [] });
}, 120_000);
afterAll(async () => h?.close());

/** The 互相谈心 form answering `who`. */
async function formFor(who: { openId: string }, say = "互相谈心"): Promise<SentMessage> {
  const msgs = await command(h, who, say);
  expect(msgs).toHaveLength(1);
  return msgs[0]!;
}

async function save(who: { openId: string }, form: SentMessage, formValue: Record<string, unknown>) {
  return h.double.click({ from: who.openId, messageId: form.message_id, value: buttonValue(form.content, "peer-talk-record"), formValue, tag: "button" });
}

/** The options of the form's select of members: id → name. */
function peerOptions(card: unknown): { values: string[]; initial: string | undefined } {
  let found: { values: string[]; initial: string | undefined } | undefined;
  const walk = (x: unknown) => {
    if (found || typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    if (o.tag === "select_static" && o.name === "peer") {
      found = { values: (o.options as { value: string }[]).map((v) => v.value), initial: o.initial_option as string | undefined };
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no peer select in ${text(card).slice(0, 300)}`);
  return found;
}

describe("recording a talk with another member", () => {
  let form: SentMessage;

  it("answers 互相谈心 with a form listing the branch's other active members, not oneself nor another branch's", async () => {
    form = await formFor(a.member);
    expect(text(form.content)).toContain("记录党员互相谈心");
    const { values } = peerOptions(form.content);
    expect(values).toContain(String(a.member2.id));
    expect(values).toContain(String(a.secretary.id));
    expect(values).toContain(String(a.offline.id));
    expect(values).not.toContain(String(a.member.id));
    expect(values).not.toContain(String(b.member.id));
  });

  it("chooses the member named (互相谈心 甲李四) and refuses a name not in the branch", async () => {
    const named = await formFor(a.member, "互相谈心 甲李四");
    expect(peerOptions(named.content).initial).toBe(String(a.member2.id));
    const [reply] = await command(h, a.member, "互相谈心 乙李四");
    expect(text(reply!.content)).toContain("找不到在册党员「乙李四」");
  });

  it("records the talk once, its notes sealed, audited about both members by field name only", async () => {
    const done = await save(a.member, form, { peer: String(a.member2.id), heldOn: "2027-03-09 +0800", form: "PHONE", notes: NOTE });
    expect(text(done.toast)).toContain("已记录与甲李四的谈心");
    expect(text(done.card)).toContain("已记录 3月9日 与甲李四的谈心");

    const rows = await h.db.prisma.peerTalk.findMany();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.notes).toMatch(/^enc1:/);
    expect(row.notes).not.toContain("互谈标记");
    expect(opened("PeerTalk", row)).toMatchObject({ orgId: a.orgId, recordedById: a.member.id, peerId: a.member2.id, form: "PHONE", notes: NOTE, formMessageId: form.message_id });
    expect(row.heldOn.toISOString().slice(0, 10)).toBe("2027-03-09");

    const lines = await h.db.prisma.auditLog.findMany({ where: { action: "peer.talk.record", subjectId: String(row.id) }, orderBy: { id: "asc" } });
    expect(lines.map((l) => l.subjectPersonId).sort()).toEqual([a.member.id, a.member2.id].sort());
    for (const l of lines) {
      expect(l.actorId).toBe(a.member.id);
      expect(l.orgId).toBe(a.orgId);
      expect(text(l.changes)).toContain("notes");
      expect(text(l.changes)).not.toContain("互谈标记");
    }
  });

  it("records nothing more on a second click of the same form", async () => {
    const again = await save(a.member, form, { peer: String(a.member2.id), heldOn: "2027-03-09 +0800", form: "PHONE", notes: NOTE });
    expect(text(again.toast)).toContain("这次谈心已经记录过了");
    expect(text(again.card)).toContain("甲李四");
    expect(await h.db.prisma.peerTalk.count()).toBe(1);
    expect(await h.db.prisma.auditLog.count({ where: { action: "peer.talk.record" } })).toBe(2);
  });

  it("tells the other member privately who recorded a talk with them and when, without the notes", async () => {
    const notice = await h.double.waitForMessage({ to: a.member2.openId, where: (m) => text(m.content).includes("党员互相谈心") });
    expect(text(notice.content)).toContain("甲张三记录了");
    expect(text(notice.content)).toContain("2027年3月9日");
    expect(text(notice.content)).not.toContain("互谈标记");
    const row = await h.db.prisma.peerTalk.findFirstOrThrow();
    expect(await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: `peer-talk-notice-${row.id}` } })).toBe(1);
  });
});

describe("what is refused, with a toast, writing nothing", () => {
  let form: SentMessage;
  const ok = () => ({ peer: String(a.member2.id), heldOn: "2027-03-08 +0800", form: "IN_PERSON", notes: "不该保存" });

  beforeAll(async () => {
    form = await formFor(a.member);
  }, 60_000);

  it.each([
    ["a day in the future", { heldOn: "2027-03-11 +0800" }, "谈心日期不能晚于今天"],
    ["a day more than 90 days back", { heldOn: "2026-12-09 +0800" }, "不能早于 90 天前"],
    ["oneself", { peer: "__self__" }, "不能选择自己"],
    ["a member of another branch", { peer: "__other__" }, "不是本支部的在册党员"],
    ["a forged member id", { peer: "99999999" }, "不是本支部的在册党员"],
    ["no member chosen", { peer: "" }, "请选择谈心对象"],
    ["notes too long", { notes: "长".repeat(501) }, "500 字以内"],
  ])("%s", async (_, change, says) => {
    const before = { talks: await h.db.prisma.peerTalk.count(), audits: await h.db.prisma.auditLog.count({ where: { action: { startsWith: "peer.talk" } } }) };
    const v: Record<string, unknown> = { ...ok(), ...change };
    if (v.peer === "__self__") v.peer = String(a.member.id);
    if (v.peer === "__other__") v.peer = String(b.member.id);
    const r = await save(a.member, form, v);
    expect((r.toast as { type?: string } | undefined)?.type).not.toBe("success");
    expect(text(r.toast)).toContain(says);
    expect(await h.db.prisma.peerTalk.count()).toBe(before.talks);
    expect(await h.db.prisma.auditLog.count({ where: { action: { startsWith: "peer.talk" } } })).toBe(before.audits);
  });

  it("refuses a save forged for another branch's form", async () => {
    const r = await forgeClick(h, a.member.openId, { a: "peer-talk-record", o: b.orgId }, { peer: String(b.member.id), heldOn: "2027-03-08 +0800", form: "IN_PERSON" });
    expect(r.toast?.content).toContain("没有进行此操作的权限");
    expect(await h.db.prisma.peerTalk.count()).toBe(1);
  });
});

describe("who reads the notes", () => {
  it("both members read them in 我的谈心, and a reading is audited about the other one", async () => {
    for (const [reader, other] of [
      [a.member, a.member2],
      [a.member2, a.member],
    ] as const) {
      const [reply] = await command(h, reader, "我的谈心");
      expect(text(reply!.content)).toContain(NOTE);
      expect(text(reply!.content)).toContain("党员互相谈心");
      const lines = await h.db.prisma.auditLog.findMany({ where: { action: "peer.talk.view", actorId: reader.id } });
      expect(lines.map((l) => l.subjectPersonId)).toEqual([other.id]);
    }
  });

  it("the branch secretary reads them in 谈心记录, audited about both members", async () => {
    const [reply] = await command(h, a.secretary, "谈心记录 甲张三");
    expect(text(reply!.content)).toContain(NOTE);
    const lines = await h.db.prisma.auditLog.findMany({ where: { action: "peer.talk.view", actorId: a.secretary.id } });
    expect(lines.map((l) => l.subjectPersonId).sort()).toEqual([a.member.id, a.member2.id].sort());
  });

  it("another member, a leader of the branch who took no part, and a leader of another branch do not", async () => {
    const [mine] = await command(h, a.worker, "我的谈心");
    expect(text(mine!.content)).not.toContain("互谈标记");
    const [leader] = await command(h, a.leader, "谈心记录 甲张三");
    expect(text(leader!.content)).not.toContain("互谈标记");
    const [other] = await command(h, b.leader, "谈心记录 甲张三");
    expect(text(other!.content)).not.toContain("互谈标记");
    expect(text(other!.content)).toContain("没有名为「甲张三」的党员");
    for (const p of [a.worker, a.leader, b.leader]) expect(await h.db.prisma.auditLog.count({ where: { action: "peer.talk.view", actorId: p.id } })).toBe(0);
  });
});

describe("counted in 分析 and erased with a departed member", () => {
  it("counts the quarter's talks and the members on either side", async () => {
    const form = await formFor(zhou, "互相谈心 甲李四");
    const done = await save(zhou, form, { peer: String(a.member2.id), heldOn: "2027-03-10 +0800", form: "VIDEO", notes: NOTE2 });
    expect(text(done.toast)).toContain("已记录与甲李四的谈心");
    const [card] = await command(h, a.secretary, "分析");
    expect(text(card!.content)).toContain("**党员互相谈心**：本期记录 2 次，参与党员 3 人");
  });

  it("puts both talks, with their notes, in the other member's own data export (导出我的数据)", async () => {
    const said = await h.double.say({ from: a.member2.openId, text: "导出我的数据" });
    const msg = await h.double.waitForMessage({ to: a.member2.openId, where: (m) => m.parent_id === said.messageId && m.msg_type === "file" }, 15_000);
    const fileKey = (msg.content as { file_key: string }).file_key;
    const bytes = await fetch(`${h.double.url}/_double/resources/${fileKey}`).then(async (r) => Buffer.from(await r.arrayBuffer()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet("互相谈心")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows).toEqual([
      ["谈心日期", "对方", "方式", "记录人", "谈心内容"],
      ["2027-03-09", "甲张三", "电话", "甲张三", NOTE],
      ["2027-03-10", "甲周八", "视频", "甲周八", NOTE2],
    ]);
  });

  it("clears the notes of every talk a member who left over three years ago took part in, keeping the rows", async () => {
    const today = "2027-03-10";
    await h.db.prisma.membership.updateMany({ where: { personId: zhou.id }, data: { status: "ENDED", endedOn: dayToDate(addDays(minusYears(today, 3), -1)) } });
    const r = (await h.app.maintenance!.run("erase-departed")) as EraseResult;
    expect(r.erased).toBe(1);
    const rows = await h.db.prisma.peerTalk.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(opened("PeerTalk", rows[0]!).notes).toBe(NOTE);
    expect(rows[1]).toMatchObject({ recordedById: zhou.id, peerId: a.member2.id, notes: null, form: "VIDEO" });
  });
});
