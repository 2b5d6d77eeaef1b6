// Pictures and files for aid requests, end to end over the Lark double, real PostgreSQL and Redis:
// a member photographs a bill in the private chat, the worker downloads and checks it, the deciders'
// approval cards show it, the member is told; refusals, duplicates, a lost job, Lark errors and a
// forged click for a PDF.
import { opened, testKeyring } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Harness } from "../support/harness.ts";
import { approvalCardFor, clickCard, command, file, forgeClick, fund, seedBranch, startAidHarness, text, type Branch } from "./support.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a60000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const DOCX = Buffer.from("504b0304140006000800000021000000", "hex");
const b64 = (b: Buffer) => b.toString("base64");

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "at", { prefix: "附" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
});
afterAll(async () => h?.close());

/** The bot's text answers to `who` that contain `piece`. */
const told = (who: { openId: string }, piece: string) => h.double.messages({ to: who.openId }).filter((m) => m.msg_type === "text" && text(m).includes(piece));

async function settled(messageId: string) {
  return eventually(async () => {
    const rows = await h.db.prisma.aidAttachment.findMany({ where: { messageId } });
    // Name and bytes are sealed at rest: opened with the tests' key to compare with what was sent.
    return rows.length > 0 && rows.every((r) => r.status !== "PENDING")
      ? rows.map((r) => ({ ...opened("AidAttachment", r), bytes: r.bytes && testKeyring.openBytes("AidAttachment.bytes", r.bytes) }))
      : undefined;
  });
}

describe("a member attaches a picture to their pending request", () => {
  it("keeps the PNG, shows it on every decider's card and tells the member", async () => {
    const { req } = await file(h, a.member);
    const card = await approvalCardFor(h, a.secretary, req.number);
    await approvalCardFor(h, a.delegate, req.number);

    const sent = await h.double.sendFile({ from: a.member.openId, type: "image", fileName: "票据.png", data: b64(PNG) });
    const [row] = await settled(sent.messageId);
    expect(row).toMatchObject({ requestId: req.id, personId: a.member.id, status: "KEPT", kind: "IMAGE", mimeType: "image/png", sizeBytes: PNG.length, fileKey: sent.fileKey });
    expect(Buffer.from(row!.bytes!).equals(PNG)).toBe(true);
    expect(row!.cardImageKey).toMatch(/^img_v3_/);

    // Both deciders' copies are patched to show the re-uploaded picture (an img element).
    await eventually(() => JSON.stringify(h.double.message(card.message_id)!.content).includes(row!.cardImageKey!));
    for (const who of [a.secretary, a.delegate]) {
      const copy = await approvalCardFor(h, who, req.number);
      await eventually(() => JSON.stringify(h.double.message(copy.message_id)!.content).includes(`"img_key":"${row!.cardImageKey}"`));
      expect(text(h.double.message(copy.message_id)!)).toContain("申请人附件");
    }
    await eventually(() => told(a.member, `已将图片附到您的求助 ${req.number}`).length === 1);
    const events = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId: req.id, type: "ATTACHED" } });
    expect(events.map((e) => opened("AidRequestEvent", e))).toEqual([expect.objectContaining({ actorId: a.member.id, note: "发送了图片" })]);
    const audits = await h.db.prisma.auditLog.findMany({ where: { subjectType: "AidRequest", subjectId: String(req.id), action: { startsWith: "aid.attachment" } } });
    expect(audits.map((x) => x.action).sort()).toEqual(["aid.attachment.keep", "aid.attachment.receive"]);
    // The member's 我的 lists it with the request.
    const mine = await command(h, a.member, "我的");
    expect(text(mine[0]!)).toContain("附件：图片 1 张");
  });

  it("refuses a .docx and a 12 MB picture with the reason, attaching nothing", async () => {
    const docx = await h.double.sendFile({ from: a.member.openId, type: "file", fileName: "病历.docx", data: b64(DOCX) });
    const [refused] = await settled(docx.messageId);
    expect(refused).toMatchObject({ status: "REFUSED", bytes: null, cardImageKey: null });
    expect(refused!.refusal).toBe("只能接收图片或 PDF 文件，单个不超过 10 MB；「病历.docx」未能附上。");
    await eventually(() => told(a.member, "只能接收图片或 PDF 文件，单个不超过 10 MB；「病历.docx」未能附上。").length === 1);

    const big = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(12 * 1024 * 1024, 7)]);
    const huge = await h.double.sendFile({ from: a.member.openId, type: "image", fileName: "大图.png", data: b64(big) });
    const [tooBig] = await settled(huge.messageId);
    expect(tooBig).toMatchObject({ status: "REFUSED", bytes: null });
    // An image message carries no file name: the member is told of "this picture".
    await eventually(() => told(a.member, "只能接收图片或 PDF 文件，单个不超过 10 MB；这张图片未能附上。").length === 1);
  });

  it("takes a PDF, lists it by name and size, and sends it to a decider who asks, never to a leader who forges the click", async () => {
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.member.id, status: "PENDING" } });
    const sent = await h.double.sendFile({ from: a.member.openId, type: "file", fileName: "住院清单.pdf", data: b64(PDF) });
    const [row] = await settled(sent.messageId);
    expect(row).toMatchObject({ status: "KEPT", kind: "FILE", mimeType: "application/pdf", fileName: "住院清单.pdf" });
    const card = await approvalCardFor(h, a.secretary, req.number);
    await eventually(() => text(h.double.message(card.message_id)!).includes("住院清单.pdf"));

    const forged = await forgeClick(h, a.leader.openId, { a: "aid-attachment-file", t: row!.id });
    expect(forged.toast?.type).toBe("error");
    const auditsBefore = await h.db.prisma.auditLog.count({ where: { action: "aid.attachment.view" } });
    expect(auditsBefore).toBe(0);

    const since = h.clock.now().getTime();
    const click = await clickCard(h, a.secretary, h.double.message(card.message_id)!, "aid-attachment-file");
    expect(JSON.stringify(click.toast)).toContain("私聊发送");
    const fileMsg = await h.double.waitForMessage({ to: a.secretary.openId, since, where: (m) => m.msg_type === "file" });
    const fileKey = (fileMsg.content as { file_key: string }).file_key;
    const bytes = await fetch(`${h.double.url}/_double/resources/${fileKey}`).then(async (r) => Buffer.from(await r.arrayBuffer()));
    expect(bytes.equals(PDF)).toBe(true);
    const views = await h.db.prisma.auditLog.findMany({ where: { action: "aid.attachment.view" } });
    expect(views).toEqual([expect.objectContaining({ actorId: a.secretary.id, subjectId: String(req.id) })]);
    expect(h.double.messages({ to: a.leader.openId }).some((m) => m.msg_type === "file")).toBe(false);
  });

  it("records one row when Lark delivers the same message twice", async () => {
    const sent = await h.double.sendFile({ from: a.member.openId, type: "image", data: b64(PNG) });
    await settled(sent.messageId);
    if ("eventId" in sent && sent.eventId) await h.double.redeliver(sent.eventId);
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.db.prisma.aidAttachment.count({ where: { messageId: sent.messageId } })).toBe(1);
  });
});

describe("when things go wrong", () => {
  it("fetches later, once, a picture whose job was lost between recording and fetching", async () => {
    const q = h.app.queues.attachments;
    await q.pause();
    const sent = await h.double.sendFile({ from: a.member2.openId, type: "image", data: b64(PNG) });
    // 李四 has no request: no row. File one, then send while the queue is paused and lose the job.
    await eventually(() => told(a.member2, "您目前没有待审批的帮扶申请").length === 1);
    expect(await h.db.prisma.aidAttachment.count({ where: { messageId: sent.messageId } })).toBe(0);
    const { req } = await file(h, a.member2);
    const lost = await h.double.sendFile({ from: a.member2.openId, type: "image", fileName: "lost.png", data: b64(PNG) });
    await eventually(() => h.db.prisma.aidAttachment.findFirst({ where: { messageId: lost.messageId, status: "PENDING" } }));
    await q.drain();
    await q.resume();
    expect(await q.getJobCounts("waiting")).toMatchObject({ waiting: 0 });

    h.clock.advance(60_000);
    await h.app.maintenance!.run("recover");
    await h.app.maintenance!.run("recover");
    const [row] = await settled(lost.messageId);
    expect(row).toMatchObject({ status: "KEPT", requestId: req.id });
    await eventually(() => told(a.member2, `已将图片附到您的求助 ${req.number}`).length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(told(a.member2, "已将图片附到").length).toBe(1);
    expect(await h.db.prisma.aidAttachment.count({ where: { messageId: lost.messageId } })).toBe(1);
  });

  it("retries a download Lark answered with an error", async () => {
    h.double.injectFault({ kind: "5xx", match: { method: "GET", pathPrefix: "/open-apis/im/v1/messages/" }, count: 2 });
    const sent = await h.double.sendFile({ from: a.member2.openId, type: "image", data: b64(PNG) });
    const [row] = await settled(sent.messageId);
    expect(row!.status).toBe("KEPT");
    expect(h.double.faults()).toHaveLength(0);
  });
});

describe("answers that are not attachments", () => {
  it("counts a picture as the answer when the secretary asked for more information", async () => {
    const { req } = await file(h, a.worker);
    const card = await approvalCardFor(h, a.secretary, req.number);
    await clickCard(h, a.secretary, card, "aid-ask-info", { note: "请提供住院票据" });
    await eventually(async () => (await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).status === "NEEDS_INFO");
    const sent = await h.double.sendFile({ from: a.worker.openId, type: "image", data: b64(PNG) });
    await settled(sent.messageId);
    await eventually(() => told(a.worker, "作为补充说明转交审批人").length === 1);
    const after = await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(after.status).toBe("PENDING");
    const ev = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId: req.id, type: "INFO_PROVIDED" } });
    expect(ev.map((e) => opened("AidRequestEvent", e))).toEqual([expect.objectContaining({ actorId: a.worker.id, note: "发送了图片" })]);
    // The deciders get the request back in a fresh card.
    await approvalCardFor(h, a.secretary, req.number, 1);
  });

  it("never keeps a picture sent in a group, and points to the private chat", async () => {
    const post = await h.double.sendPost({ from: a.member.openId, chatId: a.chatId, lines: ["票据"], images: [{ data: b64(PNG) }] });
    await eventually(() => h.double.messages().some((m) => m.parent_id === post.messageId && text(m).includes("请不要发在群里")));
    expect(await h.db.prisma.aidAttachment.count({ where: { messageId: post.messageId } })).toBe(0);
  });

  it("answers stickers and voice helpfully, and reads rich text as a command", async () => {
    const sticker = await h.double.sendFile({ from: a.member.openId, type: "sticker" });
    await eventually(() => h.double.messages().some((m) => m.parent_id === sticker.messageId && text(m).includes("暂时无法识别表情")));
    const voice = await h.double.sendFile({ from: a.member.openId, type: "audio", data: b64(Buffer.from("opus")) });
    await eventually(() => h.double.messages().some((m) => m.parent_id === voice.messageId && text(m).includes("暂时无法识别语音")));
    const post = await h.double.sendPost({ from: a.member.openId, lines: ["帮助"] });
    const answer = await eventually(() => h.double.messages().find((m) => m.parent_id === post.messageId));
    expect(text(answer)).not.toContain("没有听懂");
  });
});
