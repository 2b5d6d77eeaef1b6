// Keeping only what is needed (docs/privacy.md). A leader records a talk from the digest card
// (the click carries the notes as form values) and reads the notes back (a card that shows them);
// once past the retention window the event payloads and message contents are stripped, while the
// keys still dedupe a redelivered click and a re-run digest; pending rows and rows inside the
// window are untouched. The records of a member who left more than three years ago are erased
// (ledgers unchanged, one audit line); one who left two years ago, and one who came back, keep
// theirs; a second run of either task changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dayToDate, minusYears } from "../../src/domain/calendar-day.ts";
import { dayIn } from "../../src/domain/zoned-time.ts";
import type { SentMessage } from "../../src/double/index.ts";
import type { EraseResult } from "../../src/jobs/erase-departed.ts";
import type { PruneResult } from "../../src/jobs/prune-payloads.ts";
import type { TalkSweepResult } from "../../src/jobs/talk-sweep.ts";
import { ERASED_TEXT } from "../../src/store/retention.ts";
import { storesOn } from "../../src/store/stores.ts";
import { command } from "../aid/support.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { at, buttonValues, seedTalkBranch, setLeader, startTalkHarness, TZ, type TalkBranch } from "../talks/support.ts";

let h: Harness;
let b: TalkBranch & { upperOrgId: number };
const text = (x: unknown) => JSON.stringify(x);

/** Written in the talk form; nothing else in the database says it. */
const NOTE = "隐私标记：母亲住院化疗";
const CONCERN = "隐私标记：担心房贷断供";

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "09:00") });
  // The tasks are run by the test, one at a time: the recovery sweep, left running on its 15 s
  // timer, would hand the rows written here as pending to the workers.
  await h.app.maintenance!.close();
  b = await seedTalkBranch(h, { code: "rt", memberNames: ["张三", "李四"], since: "2026-03-05", staffTalkOn: "2027-01-10" });
  for (const m of b.members) await setLeader(h, m.id, b.leaderA.id);
}, 60_000);
afterAll(async () => h?.close());

const run = <T>(task: string) => h.app.maintenance!.run(task) as Promise<T>;

/** Rows of `table` whose whole text holds `needle`. */
async function rowsHolding(table: string, needle: string): Promise<number> {
  const r = await h.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text LIKE $1`, [`%${needle}%`]);
  return r[0]!.n;
}

describe("event payloads and message contents past the retention window", () => {
  let digest: SentMessage;
  let clickEventId: string;
  let clickKey: string;
  let notesKey: string;
  const digestKey = () => `talk-digest-${b.leaderA.id}-2027-03-01`;

  it("holds the notes in the click's payload and in the notes card sent, while they are fresh", async () => {
    expect(await run<TalkSweepResult>("talk-sweep")).toMatchObject({ leaders: 1, staged: 1 });
    digest = await h.double.waitForMessage({ to: b.leaderA.openId, where: (m) => text(m.content).includes("谈心谈话提醒") });
    const zhang = b.members[0]!;
    const open = buttonValues(digest.content, "talk-form").find((v) => Number(v.m) === zhang.id)!;
    const opened = await h.double.click({ from: b.leaderA.openId, messageId: digest.message_id, value: open, tag: "button" });
    const [save] = buttonValues(opened.card, "talk-record");
    const done = await h.double.click({
      from: b.leaderA.openId,
      messageId: digest.message_id,
      value: save!,
      tag: "button",
      formValue: { heldOn: "2027-03-01 +0800", form: "PHONE", life: NOTE, concerns: CONCERN, areas: ["LIFE"] },
    });
    expect(text(done.toast)).toContain("已记录与张三的谈话");
    clickEventId = done.eventId!;
    clickKey = `evt:${clickEventId}`;
    expect(await h.db.prisma.talk.count({ where: { memberId: zhang.id } })).toBe(1);

    const [notes] = await command(h, b.leaderA, "谈心记录 张三");
    expect(text(notes!.content)).toContain(NOTE);
    const row = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { larkMessageId: notes!.message_id, status: "SENT" } }));
    notesKey = row.idempotencyKey;

    const click = await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: clickKey } });
    expect(text(click.payload)).toContain(NOTE);
    expect(click.status).toBe("DONE");
    expect(text(row.content)).toContain(NOTE);
    await eventually(async () => (await h.db.prisma.outboxMessage.findUnique({ where: { idempotencyKey: digestKey() } }))?.status === "SENT");
  });

  it("strips them past the window, keeping each row's key, and leaves pending rows and rows inside the window", async () => {
    // Still waiting (Lark was down, the worker too): a pending row is read later, whatever its age.
    await h.db.prisma.inboundEvent.create({
      data: { key: "evt:retention-pending", eventType: "im.message.receive_v1", payload: { kind: "message", text: `谈心记录 ${NOTE}` }, receivedAt: at("2027-02-01") },
    });
    await h.db.prisma.outboxMessage.create({
      data: { idempotencyKey: "retention-pending", kind: "SEND", receiveIdType: "open_id", receiveId: b.leaderA.openId, rateKey: b.leaderA.openId, msgType: "text", content: { text: NOTE }, createdAt: at("2027-02-01") },
    });

    // Nine and a half hours later the leader reads the notes again: that click and card are inside the window.
    h.clock.set(at("2027-03-01", "18:30"));
    const [again] = await command(h, b.leaderA, "谈心记录 张三");
    const fresh = await eventually(() => h.db.prisma.outboxMessage.findFirst({ where: { larkMessageId: again!.message_id, status: "SENT" } }));

    const before = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: notesKey } });
    const r = await run<PruneResult>("prune-payloads");
    expect(r.inbound).toBeGreaterThanOrEqual(3); // the digest's two clicks, the first 谈心记录
    expect(r.outbox).toBeGreaterThanOrEqual(2); // the digest, the first notes card

    const click = await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: clickKey } });
    expect(click).toMatchObject({ key: clickKey, eventType: "card.action.trigger", status: "DONE", payload: {} });
    expect(click.prunedAt!.getTime()).toBeGreaterThanOrEqual(at("2027-03-01", "18:30").getTime());
    expect(click.processedAt).not.toBeNull();

    const card = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: notesKey } });
    expect(card).toMatchObject({ content: {}, status: "SENT", kind: before.kind, larkMessageId: before.larkMessageId, lang: before.lang, targetMessageId: before.targetMessageId, rateKey: before.rateKey });
    expect(card.prunedAt).not.toBeNull();
    expect((await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: digestKey() } })).content).toEqual({});

    // What still holds the notes: the pending rows and the second reading, nothing older.
    const pendingIn = await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: "evt:retention-pending" } });
    expect(pendingIn).toMatchObject({ status: "PENDING", prunedAt: null });
    expect(text(pendingIn.payload)).toContain(NOTE);
    const pendingOut = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "retention-pending" } });
    expect(pendingOut).toMatchObject({ status: "PENDING", prunedAt: null, content: { text: NOTE } });
    expect((await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: fresh.id } })).prunedAt).toBeNull();
    expect(text((await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: fresh.id } })).content)).toContain(NOTE);
    expect(await rowsHolding("InboundEvent", NOTE)).toBe(1);
    expect(await rowsHolding("InboundEvent", CONCERN)).toBe(0);
    expect(await rowsHolding("OutboxMessage", NOTE)).toBe(2);
  });

  it("still dedupes a redelivered click and a re-run digest by the keys that stayed", async () => {
    const events = await h.db.prisma.inboundEvent.count();
    const redelivered = await h.double.redeliver(clickEventId);
    expect(redelivered.status).toBe(200);
    expect(await h.db.prisma.talk.count({ where: { memberId: b.members[0]!.id } })).toBe(1);
    expect(await h.db.prisma.inboundEvent.count()).toBe(events);
    expect((await h.db.prisma.inboundEvent.findUniqueOrThrow({ where: { key: clickKey } })).payload).toEqual({});

    // 李四 is still due: the evening's catch-up run builds the leader's digest again, and its key says it went out.
    const r = await run<TalkSweepResult>("talk-sweep");
    expect(r).toMatchObject({ leaders: 1, staged: 0 });
    expect(r.skipped).toBeUndefined();
    expect(h.double.messages({ to: b.leaderA.openId }).filter((m) => text(m.content).includes("谈心谈话提醒"))).toHaveLength(1);
  });

  it("changes nothing when run again", async () => {
    const snapshot = async () => ({
      inbound: await h.db.prisma.inboundEvent.findMany({ orderBy: { key: "asc" } }),
      outbox: await h.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    });
    const first = await snapshot();
    expect(await run<PruneResult>("prune-payloads")).toEqual({ inbound: 0, outbox: 0 });
    expect(await snapshot()).toEqual(first);
  });
});

describe("records of members who left", () => {
  type Kept = { person: SeededPerson; talkId: number; requestId: number; entryId: number };
  let today: string;
  let leftLongAgo: Kept;
  let leftRecently: Kept;
  let cameBack: Kept;

  /** Every kind of sensitive record about `person`, each text carrying `mark`, and money paid to them. */
  async function records(person: SeededPerson, mark: string): Promise<Kept> {
    const p = h.db.prisma;
    const talk = await p.talk.create({
      data: { orgId: b.orgId, memberId: person.id, leaderId: b.leaderA.id, heldOn: dayToDate("2023-05-10"), form: "IN_PERSON", thinking: `${mark}思想`, life: `${mark}生活`, concerns: `${mark}顾虑`, concernAreas: ["LIFE"] },
    });
    await p.talkRevision.create({ data: { talkId: talk.id, revisedById: b.leaderA.id, before: { life: `${mark}旧稿` } } });
    await p.followUp.create({ data: { talkId: talk.id, ownerId: b.leaderA.id, description: `${mark}跟进`, dueOn: dayToDate("2023-05-20"), status: "DONE" } });
    await p.talkTask.create({ data: { orgId: b.orgId, memberId: person.id, leaderId: b.leaderA.id, reason: "FLAGGED", note: `${mark}上报`, dueOn: dayToDate("2023-05-01"), status: "DONE" } });
    const entry = await p.hardshipEntry.create({
      data: { orgId: b.orgId, personId: person.id, causes: ["ILLNESS"], level: "SERIOUS", household: `${mark}家庭情况`, status: "RESOLVED", resolvedReason: `${mark}已好转`, nextReviewOn: dayToDate("2024-01-01") },
    });
    await p.hardshipHistory.create({ data: { entryId: entry.id, action: "UPDATED", changes: { household: [`${mark}旧情况`, `${mark}家庭情况`] } } });
    const req = await p.aidRequest.create({
      data: {
        number: `R-${person.id}`,
        orgId: b.orgId,
        personId: person.id,
        filedById: person.id,
        category: "ILLNESS",
        description: `${mark}申请说明`,
        requestedFen: 200_000,
        approvedFen: 150_000,
        status: "APPROVED",
        fundSource: "PARTY_FEE",
        decisionNote: `${mark}审批意见`,
        events: { create: [{ type: "FILED" }, { type: "APPROVED", note: `${mark}批准说明` }] },
        attachments: { create: [{ personId: person.id, messageId: `om-${person.id}`, fileKey: `fk-${person.id}`, kind: "FILE", fileName: `${mark}诊断书.pdf`, bytes: Buffer.from(`${mark}文件内容`), status: "KEPT" }] },
      },
    });
    await p.fundEntry.create({ data: { orgId: b.orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 150_000, payeeId: person.id, aidRequestId: req.id, note: `${mark}审批意见`, createdAt: at("2023-06-01") } });
    const visit = await p.visitTask.create({
      data: { orgId: b.orgId, memberId: person.id, visitorId: b.leaderA.id, eventKind: "ILLNESS", reason: `${mark}住院`, dueOn: dayToDate("2023-07-01"), status: "DONE", visitedOn: dayToDate("2023-07-01"), how: "HOME", goods: "水果", amountFen: 50_000, fundSource: "PARTY_FEE", notes: `${mark}走访记录` },
    });
    await p.fundEntry.create({ data: { orgId: b.orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 50_000, payeeId: person.id, visitTaskId: visit.id, createdAt: at("2023-07-01") } });
    await p.contactLog.create({ data: { orgId: b.orgId, memberId: person.id, byId: b.leaderA.id, kind: "MOBILE", at: at("2023-08-01"), how: "PHONE", note: `${mark}联系情况` } });
    await p.question.create({
      data: { orgId: b.orgId, askerId: person.id, status: "ANSWERED", messageCount: 2, messages: { create: [{ authorId: person.id, fromAsker: true, body: `${mark}提问` }, { authorId: b.secretary.id, fromAsker: false, body: `${mark}答复` }] } },
    });
    return { person, talkId: talk.id, requestId: req.id, entryId: entry.id };
  }

  /** Ends every membership of `person` on `day`, as a recorded departure leaves them. */
  async function leave(person: SeededPerson, day: string): Promise<void> {
    await h.db.prisma.membership.updateMany({ where: { personId: person.id }, data: { status: "ENDED", endedOn: dayToDate(day) } });
  }

  const ledger = async () => {
    const sums = await storesOn(h.db).aidFund.ledgerSums(b.orgId, at("2023-01-01", "00:00"), at("2027-12-31", "00:00"));
    const fund = await h.db.prisma.fundEntry.aggregate({ _sum: { amountFen: true }, _count: true, where: { orgId: b.orgId } });
    const approved = await h.db.prisma.aidRequest.aggregate({ _sum: { approvedFen: true, requestedFen: true }, _count: true });
    const visits = await h.db.prisma.visitTask.aggregate({ _sum: { amountFen: true }, _count: true });
    return { sums, fund, approved, visits };
  };

  beforeAll(async () => {
    today = dayIn(h.clock.now(), TZ);
    const p = h.db.prisma;
    const person = (name: string) => seedPerson(p, h.double, { name, orgId: b.orgId, roles: [] });
    leftLongAgo = await records(await person("王五"), "王五隐私");
    leftRecently = await records(await person("赵六"), "赵六隐私");
    cameBack = await records(await person("孙七"), "孙七隐私");
    await leave(leftLongAgo.person, addDays(minusYears(today, 3), -1));
    await leave(leftRecently.person, minusYears(today, 2));
    // Left as long ago as 王五, and came back since: a member of the general branch now.
    await leave(cameBack.person, addDays(minusYears(today, 3), -1));
    await p.membership.create({ data: { personId: cameBack.person.id, orgId: b.upperOrgId, role: "MEMBER", since: dayToDate(minusYears(today, 1)) } });
  }, 60_000);

  it("erases the sensitive fields of a member who left three years and a day ago, keeping every amount, with one audit line", async () => {
    const before = await ledger();
    const r = await run<EraseResult>("erase-departed");
    expect(r).toEqual({ today, erased: 1 });

    const id = leftLongAgo.person.id;
    const p = h.db.prisma;
    for (const table of ["Talk", "TalkRevision", "FollowUp", "TalkTask", "HardshipEntry", "HardshipHistory", "AidRequest", "AidRequestEvent", "AidAttachment", "FundEntry", "VisitTask", "ContactLog", "QuestionMessage"]) {
      expect(await rowsHolding(table, "王五隐私"), table).toBe(0);
    }
    expect(await p.talk.findUniqueOrThrow({ where: { id: leftLongAgo.talkId } })).toMatchObject({ thinking: null, work: null, life: null, concerns: null, concernAreas: ["LIFE"], form: "IN_PERSON" });
    expect(await p.followUp.findFirstOrThrow({ where: { talkId: leftLongAgo.talkId } })).toMatchObject({ description: ERASED_TEXT, status: "DONE" });
    expect(await p.hardshipEntry.findUniqueOrThrow({ where: { id: leftLongAgo.entryId } })).toMatchObject({ household: ERASED_TEXT, resolvedReason: null, causes: ["ILLNESS"], level: "SERIOUS", status: "RESOLVED" });
    expect(await p.aidRequest.findUniqueOrThrow({ where: { id: leftLongAgo.requestId } })).toMatchObject({ description: ERASED_TEXT, decisionNote: null, approvedFen: 150_000, requestedFen: 200_000, status: "APPROVED" });
    expect(await p.aidAttachment.findFirstOrThrow({ where: { requestId: leftLongAgo.requestId } })).toMatchObject({ bytes: null, fileName: null, kind: "FILE", status: "KEPT" });
    expect(await p.visitTask.findFirstOrThrow({ where: { memberId: id } })).toMatchObject({ notes: null, reason: null, amountFen: 50_000, eventKind: "ILLNESS", status: "DONE" });
    expect((await p.questionMessage.findMany({ where: { question: { askerId: id } } })).map((m) => m.body)).toEqual([ERASED_TEXT, ERASED_TEXT]);
    expect((await p.person.findUniqueOrThrow({ where: { id } })).erasedAt).not.toBeNull();

    expect(await ledger()).toEqual(before);

    const lines = await p.auditLog.findMany({ where: { action: "person.erase" } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actorId: null, subjectType: "Person", subjectId: String(id), subjectPersonId: id, orgId: b.orgId });
    expect(text(lines[0]!.changes)).not.toContain("王五隐私");
  });

  it("keeps the records of a member who left two years ago and of one who came back", async () => {
    for (const [kept, mark] of [
      [leftRecently, "赵六隐私"],
      [cameBack, "孙七隐私"],
    ] as const) {
      expect((await h.db.prisma.person.findUniqueOrThrow({ where: { id: kept.person.id } })).erasedAt).toBeNull();
      expect(await h.db.prisma.talk.findUniqueOrThrow({ where: { id: kept.talkId } })).toMatchObject({ life: `${mark}生活`, concerns: `${mark}顾虑` });
      expect((await h.db.prisma.hardshipEntry.findUniqueOrThrow({ where: { id: kept.entryId } })).household).toBe(`${mark}家庭情况`);
      expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: kept.requestId } })).description).toBe(`${mark}申请说明`);
      expect(await rowsHolding("QuestionMessage", mark)).toBe(2);
      expect(await rowsHolding("AidAttachment", mark)).toBe(1);
    }
  });

  it("changes nothing when run again", async () => {
    const snapshot = async () => ({
      people: await h.db.prisma.person.findMany({ orderBy: { id: "asc" } }),
      talks: await h.db.prisma.talk.findMany({ orderBy: { id: "asc" } }),
      requests: await h.db.prisma.aidRequest.findMany({ orderBy: { id: "asc" } }),
      audits: await h.db.prisma.auditLog.count(),
    });
    const first = await snapshot();
    expect(await run<EraseResult>("erase-departed")).toEqual({ today, erased: 0 });
    expect(await snapshot()).toEqual(first);
  });
});
