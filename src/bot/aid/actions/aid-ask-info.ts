import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { aidInfoRequestCard } from "../../../../cards/aid-request.ts";
import { checkText, isOpen, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { localDateTime } from "../../../domain/zoned-time.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { loadRequest, requireDecider, requireRequest } from "../approval.ts";
import { approvalCardOf } from "../approval-view.ts";
import { decidedAnswer } from "../decided.ts";
import { decideForm, requestRef } from "../forms.ts";
import { refreshReceipt } from "../receipt.ts";
import { askedText, questionLabel } from "../texts.ts";
import { written } from "../../../store/audit.ts";

/** 请求补充说明: the member (or the leader who filed for them) gets a card to answer in. */
export const aidAskInfo = defineAction({
  id: AID_ACTION.askInfo,
  value: requestRef,
  form: decideForm,
  async run(ctx, { value, form }) {
    // The row decides whether anything happens; the card is read once, after the change.
    const req = await requireRequest(ctx, value.r);
    requireDecider(ctx.actor, req);
    if (!isOpen(req.status)) return decidedAnswer(ctx, req);
    const question = must(checkText(form.note, questionLabel, { required: true, max: NOTE_MAX }));
    const asked = await ctx.store.aidRequests.askForInfo(req.id, { byId: ctx.actor.personId, question, at: ctx.clock.now() });
    if (!asked) return decidedAnswer(ctx, req);
    const rc = await loadRequest(ctx, req.id);
    // The member answers if they use Lark; otherwise the leader who filed for them does.
    const to = rc.member.openId ? rc.member : rc.filer?.openId ? rc.filer : null;
    if (!to?.openId) {
      throw new UserError("no_recipient", { zh: "申请人未使用飞书，也没有代办人可以转达，请线下联系申请人后再作决定。", en: "The member has no Lark account and nobody filed for them; contact them in person, then decide." });
    }
    await ctx.audit({ action: "aid.request.ask_info", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { status: [req.status, "NEEDS_INFO"], ...written({ question }), to: to.id } });
    ctx.send(
      { openId: to.openId },
      {
        card: aidInfoRequestCard({
          requestId: req.id,
          number: req.number,
          question,
          askedBy: ctx.actor.name,
          askedAt: localDateTime(asked.event.at, ctx.config.timezone),
          ...(to.id !== rc.member.id ? { forName: rc.member.name } : {}),
        }),
      },
      `aid-info-${req.id}-${asked.event.id}`,
    );
    const card = approvalCardOf(rc, ctx);
    await refreshCopies(ctx, rc.copies, card, ctx.inbound.messageId);
    refreshReceipt(ctx, rc);
    return { toast: { type: "success", text: askedText(req.number) }, card };
  },
});
