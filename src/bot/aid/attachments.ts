// Pictures and files members send. In the private chat, while they have an open request, each
// one is recorded against it (PENDING) and handed to the attachment worker after commit, which
// downloads and checks it; this handler never calls Lark. A hospital bill is health data: a
// picture in a group is never kept. Stickers, voice and video get a helpful answer instead of
// "not understood". The worker's word that a file was checked comes back here as an
// attachment_checked event (attachments-checked.ts).
import type { InboundEvent, InboundMessage } from "../../lark/events.ts";
import type { Command, CommandContext } from "../context.ts";
import { attachmentChecked } from "./attachments-checked.ts";
import { groupPictureText, noOpenRequestText, unreadableKindText } from "./attachments-texts.ts";

/** A message that is not text (rich text without pictures reads as text and goes to the commands). */
export function isAttachmentMessage(ev: InboundEvent): boolean {
  if (ev.kind !== "message") return false;
  return (ev.resources?.length ?? 0) > 0 || (ev.messageKind !== undefined && ev.messageKind !== "text");
}

async function attachmentMessage(ctx: CommandContext, ev: InboundMessage): Promise<void> {
  const resources = ev.resources ?? [];
  if (resources.length === 0) {
    ctx.reply({ text: unreadableKindText(ev.messageKind ?? "other") });
    return;
  }
  if (ev.chatType === "group") {
    ctx.reply({ text: groupPictureText });
    return;
  }
  const req = await ctx.store.aidAttachments.openRequestForAttachment(ctx.actor.personId);
  if (!req) {
    ctx.reply({ text: noOpenRequestText });
    return;
  }
  const ids = await ctx.store.aidAttachments.recordAttachments({
    requestId: req.id,
    personId: ctx.actor.personId,
    messageId: ev.messageId,
    items: resources.map((r) => ({ fileKey: r.key, kind: r.type === "image" ? "IMAGE" : "FILE", fileName: r.fileName })),
    at: ctx.clock.now(),
  });
  if (ids.length === 0) return;
  await ctx.audit({ action: "aid.attachment.receive", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { attachments: ids, messageId: ev.messageId } });
  for (const id of ids) ctx.queueAttachmentWork({ fetch: id });
}

/**
 * Not a command word: the router runs it for pictures, files, stickers, voice and video, and for
 * the worker's attachment_checked events. Kept out of the registry, so help never lists it.
 */
export const ATTACHMENTS_HANDLER: Command = {
  name: "(attachment)",
  aliases: [],
  summary: { zh: "图片和文件", en: "pictures and files" },
  roles: "anyone",
  async run(ctx) {
    const ev = ctx.inbound;
    if (ev.kind === "attachment_checked") return attachmentChecked(ctx, ev.attachmentId);
    if (ev.kind === "message") return attachmentMessage(ctx, ev);
  },
};
