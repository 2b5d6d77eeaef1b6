import { z } from "zod";
import { ATTACHMENT_FILE_ACTION } from "../../../../cards/aid-attachments.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { requireDecider, requireRequest } from "../approval.ts";
import { attachmentGoneText, fileOnItsWayText } from "../attachments-texts.ts";

const attachmentRef = z.object({ a: z.string(), t: z.number().int().positive().max(2_147_483_647) });

/**
 * 获取文件 on the approval card: a decider of the request's branch gets the member's PDF as a file
 * message in their private chat. The upload to Lark happens in the attachment worker after
 * commit; here the decider is checked (a forged click by anyone else is refused) and the view
 * of the bytes is audited.
 */
export const aidAttachmentFile = defineAction({
  id: ATTACHMENT_FILE_ACTION,
  value: attachmentRef,
  async run(ctx, { value }) {
    const att = await ctx.store.aidAttachments.findAttachment(value.t);
    if (!att) throw new UserError("no_attachment", attachmentGoneText);
    const req = await requireRequest(ctx, att.requestId);
    requireDecider(ctx.actor, req);
    if (att.status !== "KEPT") throw new UserError("no_attachment", attachmentGoneText);
    await ctx.audit({ action: "aid.attachment.view", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { attachment: att.id, kind: att.kind, as: "file_message" } });
    ctx.queueAttachmentWork({ sendFile: { attachmentId: att.id, openId: ctx.actor.openId, key: `aid-att-file-${att.id}-${ctx.inbound.key}` } });
    return { toast: { type: "success", text: fileOnItsWayText } };
  },
});
