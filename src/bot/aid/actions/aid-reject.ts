import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { aidResultCard } from "../../../../cards/aid-request.ts";
import { checkText, isOpen, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction } from "../../context.ts";
import { must } from "../../errors.ts";
import { loadRequest, requireDecider, requireRequest, tellMember } from "../approval.ts";
import { approvalCardOf, decisionView } from "../approval-view.ts";
import { decidedAnswer } from "../decided.ts";
import { decideForm, requestRef } from "../forms.ts";
import { refreshReceipt } from "../receipt.ts";
import { reasonLabel, rejectedText } from "../texts.ts";
import { written } from "../../../store/audit.ts";

/** 不批准: final, with a reason the member is told. */
export const aidReject = defineAction({
  id: AID_ACTION.reject,
  value: requestRef,
  form: decideForm,
  async run(ctx, { value, form }) {
    // The row decides whether anything happens; the card is read once, after the change.
    const req = await requireRequest(ctx, value.r);
    requireDecider(ctx.actor, req);
    if (!isOpen(req.status)) return decidedAnswer(ctx, req);
    const reason = must(checkText(form.note, reasonLabel, { required: true, max: NOTE_MAX }));
    if (!(await ctx.store.aidRequests.reject(req.id, { byId: ctx.actor.personId, reason, at: ctx.clock.now() }))) return decidedAnswer(ctx, req);
    await ctx.audit({ action: "aid.request.reject", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { status: [req.status, "REJECTED"], ...written({ reason }) } });
    const rc = await loadRequest(ctx, req.id);
    const card = approvalCardOf(rc, ctx);
    await refreshCopies(ctx, rc.copies, card, ctx.inbound.messageId);
    refreshReceipt(ctx, rc);
    const decision = decisionView(rc.req, rc.names, ctx.config.timezone)!;
    tellMember(ctx, rc, (forName) => aidResultCard({ number: req.number, category: req.category, decision, ...(forName ? { forName } : {}) }), `aid-result-${req.id}`);
    return { toast: { type: "success", text: rejectedText(req.number) }, card };
  },
});
