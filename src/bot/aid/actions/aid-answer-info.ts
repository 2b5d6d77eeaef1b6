import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { aidInfoAnsweredCard, aidInfoClosedCard } from "../../../../cards/aid-request.ts";
import { checkText, DESCRIPTION_MAX } from "../../../domain/aid-rules.ts";
import { localDateTime } from "../../../domain/zoned-time.ts";
import { provideInfo, timeline } from "../../../store/aid-requests.ts";
import { approvalCardOf, loadRequest, refreshCopies, requireRequest, sendApprovalCards } from "../approval.ts";
import { must, notAllowed } from "../../errors.ts";
import { answerForm, requestRef } from "../forms.ts";
import { defineAction } from "../../context.ts";

/** The member's answer: the request is back with the deciders, who get it in a new approval card. */
export const aidAnswerInfo = defineAction({
  id: AID_ACTION.answerInfo,
  value: requestRef,
  form: answerForm,
  async run(ctx, { value, form }) {
    const req = await requireRequest(ctx.tx, value.r);
    // Only the member, or the leader who filed for them, answers for the request.
    if (ctx.actor.personId !== req.personId && !(req.onBehalf && ctx.actor.personId === req.filedById)) throw notAllowed();
    if (req.status !== "NEEDS_INFO") return { toast: { type: "info", text: { zh: "该申请当前无需补充说明。", en: "This request needs no answer now." } }, card: aidInfoClosedCard({ number: req.number, status: req.status }) };
    const answer = must(checkText(form.answer, { zh: "补充说明", en: "answer" }, { required: true, max: DESCRIPTION_MAX }));
    const question = (await timeline(ctx.tx, req.id)).filter((e) => e.type === "INFO_REQUESTED").at(-1);
    const at = ctx.clock.now();
    if (!(await provideInfo(ctx.tx, req, { byId: ctx.actor.personId, answer, at }))) {
      const now = await requireRequest(ctx.tx, req.id);
      return { toast: { type: "info", text: { zh: "该申请当前无需补充说明。", en: "This request needs no answer now." } }, card: aidInfoClosedCard({ number: req.number, status: now.status }) };
    }
    await ctx.audit({ action: "aid.request.answer_info", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, changes: { status: ["NEEDS_INFO", "PENDING"], answer } });
    const rc = await loadRequest(ctx, req.id);
    const provided = rc.events.filter((e) => e.type === "INFO_PROVIDED").at(-1)!;
    await refreshCopies(ctx, rc.copies, approvalCardOf(rc, ctx), undefined);
    await sendApprovalCards(ctx, rc, `i${provided.id}`);
    return {
      toast: { type: "success", text: { zh: "已提交补充说明，已转交支部书记。", en: "Sent to the secretary." } },
      card: aidInfoAnsweredCard({ number: req.number, question: question?.note ?? "", answer, at: localDateTime(at, ctx.config.timezone) }),
    };
  },
});
