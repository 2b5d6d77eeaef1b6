import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { aidInfoAnsweredCard, aidInfoClosedCard } from "../../../../cards/aid-request.ts";
import { checkText, DESCRIPTION_MAX } from "../../../domain/aid-rules.ts";
import { localDateTime } from "../../../domain/zoned-time.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction } from "../../context.ts";
import { must, notAllowed } from "../../errors.ts";
import { loadRequest, requireRequest, sendApprovalCards } from "../approval.ts";
import { approvalCardOf } from "../approval-view.ts";
import { answerForm, requestRef } from "../forms.ts";
import { refreshReceipt } from "../receipt.ts";
import { written } from "../../../store/audit.ts";

const noAnswerNeeded = { zh: "该申请当前无需补充说明。", en: "This request needs no answer now." };

/** The member's answer: the request is back with the deciders, who get it in a new approval card. */
export const aidAnswerInfo = defineAction({
  id: AID_ACTION.answerInfo,
  value: requestRef,
  form: answerForm,
  async run(ctx, { value, form }) {
    const req = await requireRequest(ctx, value.r);
    // Only the member, or the leader who filed for them, answers for the request.
    if (ctx.actor.personId !== req.personId && !(req.onBehalf && ctx.actor.personId === req.filedById)) throw notAllowed();
    if (req.status !== "NEEDS_INFO") return { toast: { type: "info", text: noAnswerNeeded }, card: aidInfoClosedCard({ number: req.number, status: req.status }) };
    const answer = must(checkText(form.answer, { zh: "补充说明", en: "answer" }, { required: true, max: DESCRIPTION_MAX }));
    const provided = await ctx.store.aidRequests.provideInfo(req.id, { byId: ctx.actor.personId, answer, at: ctx.clock.now() });
    if (!provided) {
      const now = await requireRequest(ctx, req.id);
      return { toast: { type: "info", text: noAnswerNeeded }, card: aidInfoClosedCard({ number: req.number, status: now.status }) };
    }
    await ctx.audit({ action: "aid.request.answer_info", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { status: ["NEEDS_INFO", "PENDING"], ...written({ answer }) } });
    const rc = await loadRequest(ctx, req.id);
    // The question this answers: the last one asked before it.
    const question = rc.events.filter((e) => e.type === "INFO_REQUESTED" && e.id < provided.event.id).at(-1);
    await refreshCopies(ctx, rc.copies, approvalCardOf(rc, ctx), undefined);
    await sendApprovalCards(ctx, rc, `i${provided.event.id}`);
    refreshReceipt(ctx, rc);
    return {
      toast: { type: "success", text: { zh: "已提交补充说明，已转交支部书记。", en: "Sent to the secretary." } },
      card: aidInfoAnsweredCard({ number: req.number, question: question?.note ?? "", answer, at: localDateTime(provided.event.at, ctx.config.timezone) }),
    };
  },
});
