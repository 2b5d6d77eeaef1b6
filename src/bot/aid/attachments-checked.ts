// The worker checked a member's picture or file. Kept: it goes on the request's timeline (as the
// answer when the secretary had asked for more information, which puts the request back with the
// deciders), every copy of the approval card is redrawn to show it, and the member is told. Refused:
// the member is told why. Runs once per attachment (its inbox row), as the member.
import type { CommandContext } from "../context.ts";
import { refreshCopies } from "../card-copies.ts";
import { loadRequest, requireRequest, sendApprovalCards } from "./approval.ts";
import { approvalCardOf } from "./approval-view.ts";
import { attachedNote, keptText } from "./attachments-texts.ts";

export async function attachmentChecked(ctx: CommandContext, attachmentId: number): Promise<void> {
  const att = await ctx.store.aidAttachments.findAttachment(attachmentId);
  if (!att || att.status === "PENDING") return;
  const ev = ctx.inbound;
  if (att.status === "REFUSED") {
    const told = ev.kind === "attachment_checked" && ev.refusal ? ev.refusal : { zh: att.refusal ?? "未能附上。", en: "It was not attached." };
    ctx.reply({ text: told });
    return;
  }
  const req = await requireRequest(ctx, att.requestId);
  const now = ctx.clock.now();
  const note = attachedNote(att.kind, att.fileName);
  // A picture sent while the secretary waits for more information is the member's answer.
  const mayAnswer = att.personId === req.personId || (req.onBehalf && att.personId === req.filedById);
  const answered = req.status === "NEEDS_INFO" && mayAnswer ? await ctx.store.aidRequests.provideInfo(req.id, { byId: att.personId, answer: note, at: now }) : null;
  if (!answered) await ctx.store.aidAttachments.recordAttachedEvent({ requestId: req.id, byId: att.personId, note, at: now });

  const rc = await loadRequest(ctx, req.id);
  const card = approvalCardOf(rc, ctx);
  await refreshCopies(ctx, rc.copies, card, undefined);
  const sentTo = answered ? await sendApprovalCards(ctx, rc, `i${answered.event.id}`, undefined, { audit: false }) : 0;
  const deciders = (await ctx.store.aidPeople.deciders(req.orgId)).filter((d) => d.id !== req.personId).map((d) => d.id);
  // The deciders' cards now show the picture: who it was shown to is part of the record.
  await ctx.audit({
    action: "aid.attachment.keep",
    subjectType: "AidRequest",
    subjectId: req.id,
    orgId: req.orgId,
    subjectPersonId: req.personId,
    changes: { attachment: att.id, kind: att.kind, sizeBytes: att.sizeBytes, shownTo: deciders, ...(answered ? { status: ["NEEDS_INFO", "PENDING"], newCards: sentTo } : {}) },
  });
  ctx.reply({ text: keptText(req.number, att.kind, att.fileName, answered !== null) });
}
