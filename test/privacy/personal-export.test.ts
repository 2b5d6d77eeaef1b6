// A member's own data as a file in chat (导出我的数据), the secretary's talk ledger with notes
// (导出谈心记录) and the report script's audit line, over the Lark double with real PostgreSQL and
// Redis: the file message arrives, its bytes are downloaded from the double and opened.
import { execFile } from "node:child_process";
import { hostname } from "node:os";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayIn } from "../../src/domain/zoned-time.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { storesFor } from "../../src/store/stores.ts";
import { file, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import type { TestDatabase } from "../support/db.ts";
import { TEST_DATA_KEYS } from "../support/env.ts";
import { eventually, type Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";
import { fileWorkbook, textRowsOf as rowsOf } from "../support/xlsx.ts";

const NOTE_A = "谈心内容甲：家中老人住院需要照顾";
const NOTE_B = "谈心内容乙：想换工作岗位";

let h: Harness;
let a: Branch;
let numberA: string;
let numberB: string;

const workbookOf = (m: SentMessage) => fileWorkbook(h.double, m);


const allText = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => rowsOf(wb, ws.name).flat().join("|")).join("\n");

async function fileReplyTo(who: SeededPerson, said: { messageId: string }): Promise<SentMessage> {
  return h.double.waitForMessage({ to: who.openId, where: (m) => m.parent_id === said.messageId && m.msg_type === "file" }, 15_000);
}

/** Nothing left to deliver, so a fault injected next meets only the message under test. */
const outboxSettled = () => eventually(async () => (await h.db.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0, 15_000);

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "p5", { prefix: "导" });
  const today = dayIn(h.clock.now(), h.config.timezone);
  const store = storesFor(h.db.prisma);
  const talk = (memberId: number, thinking: string) =>
    store.talks.recordTalk({ orgId: a.orgId, memberId, leaderId: a.leader.id, heldOn: today, form: "IN_PERSON", thinking, concernAreas: ["LIFE"], followUps: [], now: h.clock.now() });
  await talk(a.member.id, NOTE_A);
  await talk(a.member2.id, NOTE_B);
  numberA = (await file(h, a.member)).req.number;
  numberB = (await file(h, a.member2, { category: "LIVING", description: "家里房屋漏雨需要修缮，费用困难", amount: "800", urgency: "NORMAL" })).req.number;
  await outboxSettled();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("导出我的数据", () => {
  it("sends the member their own records as a spreadsheet, without the leader's notes or anyone else's rows", async () => {
    const said = await h.double.say({ from: a.member.openId, text: "导出我的数据" });
    const msg = await fileReplyTo(a.member, said);
    expect(msg.msg_type).toBe("file");
    const wb = await workbookOf(msg);
    const aid = rowsOf(wb, "帮扶申请");
    expect(aid[0]).toContain("情况说明");
    expect(aid.slice(1).map((r) => r[0])).toEqual([numberA]);
    expect(aid[1]).toContain("住院手术，自付医疗费用困难");
    const talks = rowsOf(wb, "谈心谈话");
    expect(talks[0]).toEqual(["谈话日期", "谈话人", "方式"]);
    expect(talks.slice(1)).toEqual([[dayIn(h.clock.now(), h.config.timezone), a.leader.name, "面谈"]]);
    const everything = allText(wb);
    expect(everything).not.toContain(NOTE_A);
    expect(everything).not.toContain(NOTE_B);
    expect(everything).not.toContain(numberB);
    expect(everything).not.toContain(a.member2.name);

    const row = await h.db.prisma.exportFile.findFirstOrThrow({ where: { personId: a.member.id, kind: "personal-data" } });
    expect(row.fileKey).toBe((msg.content as { file_key: string }).file_key);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "person.export", actorId: a.member.id } });
    expect(audit).toMatchObject({ subjectType: "Person", subjectId: String(a.member.id), subjectPersonId: a.member.id });
  });

  it("answers a second request within the hour politely, and makes no second file", async () => {
    const said = await h.double.say({ from: a.member.openId, text: "我的数据" });
    const reply = await h.double.waitForMessage({ to: a.member.openId, where: (m) => m.parent_id === said.messageId });
    expect(reply.msg_type).toBe("text");
    expect(text(reply)).toContain("每小时可导出一次");
    expect(await h.db.prisma.exportFile.count({ where: { personId: a.member.id } })).toBe(1);
  });

  it("sends the same upload again when the send failed after the upload (no second upload)", async () => {
    await outboxSettled();
    h.double.clearFaults();
    // The send fails once after the upload went through. The first upload meets a harmless fault;
    // any second upload would meet the tripwire behind it, which must still be waiting at the end.
    h.double.injectFault({ kind: "5xx", match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" }, count: 1 });
    h.double.injectFault({ kind: "slow", delayMs: 1, match: { method: "POST", pathPrefix: "/open-apis/im/v1/files" }, count: 1 });
    const tripwire = h.double.injectFault({ kind: "5xx", match: { method: "POST", pathPrefix: "/open-apis/im/v1/files" }, count: 5 });
    const said = await h.double.say({ from: a.member2.openId, text: "个人信息导出" });
    const msg = await fileReplyTo(a.member2, said);
    const row = await h.db.prisma.exportFile.findFirstOrThrow({ where: { personId: a.member2.id } });
    expect((msg.content as { file_key: string }).file_key).toBe(row.fileKey);
    // Lark has the message before the worker records its answer on the row.
    const out = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { msgType: "file", receiveId: null, status: "SENT", larkMessageId: msg.message_id } }));
    expect(out.attempts).toBeGreaterThanOrEqual(1);
    expect(h.double.faults()).toEqual([expect.objectContaining({ id: tripwire.id, remaining: 5 })]);
    h.double.clearFaults();
    const wb = await workbookOf(msg);
    expect(rowsOf(wb, "帮扶申请").slice(1).map((r) => r[0])).toEqual([numberB]);
  });
});

describe("导出谈心记录", () => {
  it("sends the branch secretary the talk ledger with notes, audited with who and which branch", async () => {
    const said = await h.double.say({ from: a.secretary.openId, text: "导出谈心记录" });
    const msg = await fileReplyTo(a.secretary, said);
    const wb = await workbookOf(msg);
    const rows = rowsOf(wb, "谈心谈话");
    expect(rows[0]).toContain("思想");
    expect(rows.flat()).toEqual(expect.arrayContaining([NOTE_A, NOTE_B, a.member.name, a.member2.name]));
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.export-notes", subjectType: "Organization" } });
    expect(line).toMatchObject({ actorId: a.secretary.id, orgId: a.orgId, subjectId: String(a.orgId) });
    const perMember = await h.db.prisma.auditLog.findMany({ where: { action: "talk.export-notes", subjectType: "Talk" }, orderBy: { subjectPersonId: "asc" } });
    expect(perMember.map((l) => [l.actorId, l.subjectPersonId])).toEqual([
      [a.secretary.id, a.member.id],
      [a.secretary.id, a.member2.id],
    ]);
    const warning = await h.double.waitForMessage({ to: a.secretary.openId, where: (m) => m.parent_id === said.messageId && m.msg_type === "text" });
    expect(text(warning)).toContain("请勿转发");
  });

  it("refuses a leader with guidance, and makes no file", async () => {
    const said = await h.double.say({ from: a.leader.openId, text: "导出谈心记录" });
    const reply = await h.double.waitForMessage({ to: a.leader.openId, where: (m) => m.parent_id === said.messageId });
    expect(text(reply)).toContain("支部书记");
    expect(text(reply)).toContain("谈心记录");
    expect(await h.db.prisma.exportFile.count({ where: { kind: "talk-notes", personId: a.leader.id } })).toBe(0);
  });

  it("the report script's export with notes records the operating-system user and host, and warns", async () => {
    const run = promisify(execFile);
    const quarter = `${dayIn(h.clock.now(), h.config.timezone).slice(0, 4)}Q${Math.floor((Number(dayIn(h.clock.now(), h.config.timezone).slice(5, 7)) - 1) / 3) + 1}`;
    const out = `${process.env.TMPDIR ?? "/tmp"}/p5-ledger-${Date.now()}.xlsx`;
    const env = { ...process.env, DATABASE_URL: (h.db as TestDatabase).url, DATA_KEYS: TEST_DATA_KEYS, LOG_LEVEL: "silent" };
    const r = await run("npx", ["tsx", "scripts/talk-report.ts", "--branch", "p5", "--quarter", quarter, "--with-notes", "--out", out], { env });
    expect(r.stderr).toContain("--with-notes");
    expect(r.stderr).toContain(hostname());
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.export-notes", actorId: null } });
    expect(line.changes).toMatchObject({ ranBy: { host: hostname(), osUser: expect.any(String) } });
    expect((line.changes as { ranBy: { osUser: string } }).ranBy.osUser).not.toBe("");
  }, 60_000);

  it("an hour later the member may export again, and finds the secretary's export among who read their records", async () => {
    h.clock.advance(61 * 60_000);
    const said = await h.double.say({ from: a.member.openId, text: "导出我的数据" });
    const wb = await workbookOf(await fileReplyTo(a.member, said));
    const readings = rowsOf(wb, "查阅记录");
    expect(readings[0]).toEqual(["时间", "查阅人", "做了什么"]);
    const secretaryExport = readings.find((r) => r[1]!.includes(a.secretary.name) && r[2] === "导出了谈心台账（含谈话内容）");
    expect(secretaryExport).toBeDefined();
    // Their own export is theirs, not a reading by someone else.
    expect(readings.some((r) => r[1]!.includes(a.member.name))).toBe(false);
    expect(await h.db.prisma.exportFile.count({ where: { personId: a.member.id, kind: "personal-data" } })).toBe(2);
  });

  it("drops the files once they expire, a week after they were made", async () => {
    const store = storesFor(h.db.prisma);
    const made = await h.db.prisma.exportFile.count();
    expect(made).toBeGreaterThanOrEqual(4);
    expect(await store.exportFiles.dropExpiredExportFiles(h.clock.now())).toBe(0);
    expect(await store.exportFiles.dropExpiredExportFiles(new Date(h.clock.now().getTime() + 8 * 24 * 3600_000))).toBe(made);
    expect(await h.db.prisma.exportFile.count()).toBe(0);
  });
});
