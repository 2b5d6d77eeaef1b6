// The audit says who, what and which record, never the sensitive values: after a hardship entry
// is opened and updated with household text, a talk recorded with notes and an aid request
// rejected with a reason, no audit line carries any of that text; each line about a member's
// records, views and changes alike, names that member (subjectPersonId).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localYear } from "../../src/domain/zoned-time.ts";
import { approvalCardFor, buttonValue, clickCard, command, file, forgeClick, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";

let h: Harness;
let a: Branch;
const SECRETS = ["夫妻均失业", "独居且患慢性病", "母亲住院经济压力大", "担心孩子学费", "家中变故暂不便说明"];

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "av", { prefix: "审" });
}, 60_000);
afterAll(async () => h?.close());

const auditText = async () => JSON.stringify(await h.db.prisma.auditLog.findMany({ select: { changes: true, action: true, subjectId: true } }));

describe("what the audit keeps", () => {
  it("a hardship entry opened and updated: the household text is named as changed, never kept", async () => {
    const msgs = await command(h, a.secretary, `档案 ${a.member.name}`);
    const form = msgs.find((m) => text(m).includes("建立困难档案"))!;
    const next = `${localYear(h.clock.now(), "Asia/Shanghai") + 1}-01-10`;
    const opened = await h.double.click({ from: a.secretary.openId, messageId: form.message_id, value: buttonValue(form.content, "hardship-open"), formValue: { causes: "UNEMPLOYMENT", level: "GENERAL", household: SECRETS[0], next_review: next } });
    expect(JSON.stringify(opened.toast)).toContain("已为");
    const updated = await h.double.click({
      from: a.secretary.openId,
      messageId: form.message_id,
      value: buttonValue(opened.card, "hardship-update"),
      formValue: { causes: ["UNEMPLOYMENT", "ILLNESS"], level: "SERIOUS", household: SECRETS[1], next_review: next },
    });
    expect(JSON.stringify(updated.toast)).toContain("档案已更新");
    const entry = await h.db.prisma.hardshipEntry.findFirstOrThrow({ where: { personId: a.member.id } });

    const update = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "hardship.update" } });
    expect(update).toMatchObject({ subjectId: String(entry.id), subjectPersonId: a.member.id, actorId: a.secretary.id });
    expect(update.changes).toEqual({ household: "changed", level: ["GENERAL", "SERIOUS"], causes: [["UNEMPLOYMENT"], ["ILLNESS", "UNEMPLOYMENT"]] });
    const open = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "hardship.open" } });
    expect(open).toMatchObject({ subjectPersonId: a.member.id, changes: expect.objectContaining({ written: ["household"], level: "GENERAL" }) });

    // Viewing it again (档案 lists it, the entry is opened): each line names the member.
    const [list] = await command(h, a.secretary, "档案");
    await h.double.click({ from: a.secretary.openId, messageId: list!.message_id, value: buttonValue(list!.content, "hardship-view") });
    for (const action of ["hardship.list", "hardship.view"]) {
      expect(await h.db.prisma.auditLog.findFirstOrThrow({ where: { action } })).toMatchObject({ subjectPersonId: a.member.id, subjectId: String(entry.id) });
    }
  });

  it("a talk recorded with notes and read back: the notes are named, not kept", async () => {
    const done = await forgeClick(h, a.secretary.openId, { a: "talk-record", m: a.member2.id, b: "task" }, { heldOn: "2026-11-02 +0800", form: "IN_PERSON", life: SECRETS[2], concerns: SECRETS[3], areas: ["LIFE"] });
    expect(JSON.stringify(done.toast)).toContain("已记录与");
    const talk = await h.db.prisma.talk.findFirstOrThrow({ where: { memberId: a.member2.id } });
    const [notes] = await command(h, a.secretary, `谈心记录 ${a.member2.name}`);
    expect(text(notes!)).toContain(SECRETS[2]);

    const create = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.create" } });
    expect(create).toMatchObject({ subjectId: String(talk.id), subjectPersonId: a.member2.id, changes: expect.objectContaining({ notes: ["life", "concerns"] }) });
    expect(await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.view" } })).toMatchObject({ subjectId: String(talk.id), subjectPersonId: a.member2.id, actorId: a.secretary.id });
  });

  it("an aid request rejected with a reason: the reason is named, not kept", async () => {
    const { req } = await file(h, a.member);
    const card = await approvalCardFor(h, a.secretary, req.number);
    const rejected = await clickCard(h, a.secretary, card, "aid-reject", { amount: "", source: "PARTY_FEE", note: SECRETS[4] });
    expect(rejected.toast).toMatchObject({ type: "success" });
    expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("REJECTED");
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "aid.request.reject" } });
    expect(line).toMatchObject({ subjectPersonId: a.member.id, changes: { status: ["PENDING", "REJECTED"], written: ["reason"] } });
    expect(await h.db.prisma.auditLog.count({ where: { action: "aid.request.file", subjectPersonId: a.member.id } })).toBe(1);
  });

  it("no audit line carries any of the sensitive text", async () => {
    const all = await auditText();
    for (const s of SECRETS) expect(all).not.toContain(s);
    // Every line written about these records names whose they are.
    const about = await h.db.prisma.auditLog.findMany({ where: { subjectType: { in: ["HardshipEntry", "Talk", "AidRequest"] } }, select: { action: true, subjectPersonId: true } });
    expect(about.length).toBeGreaterThan(6);
    expect(about.filter((l) => l.subjectPersonId === null)).toEqual([]);
  });
});
