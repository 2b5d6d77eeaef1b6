import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { approvalKeyPrefix, loadRequest, requireDecider } from "../approval.ts";
import { approvalCardOf } from "../approval-view.ts";
import { requestRef } from "../forms.ts";
import { defineAction } from "../../context.ts";

/** 打开审批卡片 (from the 审批 list): a fresh copy of the approval card, kept current like the others. */
export const aidOpen = defineAction({
  id: AID_ACTION.open,
  value: requestRef,
  async run(ctx, { value }) {
    const rc = await loadRequest(ctx, value.r);
    const { req } = rc;
    requireDecider(ctx.actor, req);
    await ctx.audit({ action: "aid.request.view", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId });
    ctx.send({ openId: ctx.actor.openId }, { card: approvalCardOf(rc, ctx) }, `${approvalKeyPrefix(req.id)}open-${ctx.actor.personId}-${ctx.inbound.key}`);
    return { toast: { type: "success", text: { zh: `已发送 ${req.number} 的审批卡片。`, en: `Sent the card for ${req.number}.` } } };
  },
});
