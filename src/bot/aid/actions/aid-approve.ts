import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { aidResultCard } from "../../../../cards/aid-request.ts";
import { checkApproval, checkText, isOpen, NOTE_MAX, overBalance } from "../../../domain/aid-rules.ts";
import { parseYuan } from "../../../domain/money.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction } from "../../context.ts";
import { fromProblem, must, UserError } from "../../errors.ts";
import { loadRequest, requireDecider, tellMember, withApproval } from "../approval.ts";
import { approvalCardOf, decisionView } from "../approval-view.ts";
import { decidedAnswer } from "../decided.ts";
import { decideForm, requestRef } from "../forms.ts";
import { refreshReceipt } from "../receipt.ts";
import { approvedText, noteLabel, sourceMissing } from "../texts.ts";
import { written } from "../../../store/audit.ts";

/**
 * 批准: the request becomes APPROVED and the ledger gets the disbursement in one statement,
 * the source's balance drops in the transaction's last (ctx.lastWrite). The
 * click is the hot path: one read before the decision, and the card is drawn from that read and
 * what the decision statement returned.
 */
export const aidApprove = defineAction({
  id: AID_ACTION.approve,
  value: requestRef,
  form: decideForm,
  plainSql: true,
  async run(ctx, { value, form }) {
    const rc = await loadRequest(ctx, value.r);
    const { req } = rc;
    requireDecider(ctx.actor, req);
    if (!isOpen(req.status)) return decidedAnswer(ctx, req);
    if (!form.source) throw new UserError("source_missing", sourceMissing);
    const source = form.source;
    const amountFen = must(parseYuan(form.amount, { zh: "批准金额", en: "amount" }));
    const note = must(checkText(form.note, noteLabel, { required: false, max: NOTE_MAX })) || null;
    const problem = checkApproval({ amountFen, ceilingFen: ctx.config.aidMaxFen, balanceFen: rc.balances[source], source });
    if (problem) throw fromProblem(problem);

    const done = await ctx.store.aidRequests.approve({ requestId: req.id, amountFen, source, note, byId: ctx.actor.personId, at: ctx.clock.now() });
    if (!done) return decidedAnswer(ctx, req);
    // Last, in the statement that writes the messages and the audit line, so the balance row is
    // locked only until the commit. Another approval may have emptied the source since we read
    // it: then everything above is undone and we say why.
    ctx.lastWrite(ctx.store.aidFund.withdrawal(req.orgId, source, amountFen), async (paid) => {
      if (!paid) throw fromProblem(overBalance(source, (await ctx.store.aidFund.balances(req.orgId))[source]));
    });
    await ctx.audit({
      action: "aid.request.approve",
      subjectType: "AidRequest",
      subjectId: req.id,
      orgId: req.orgId,
      subjectPersonId: req.personId,
      changes: { status: [req.status, "APPROVED"], approvedFen: amountFen, fundSource: source, ...written({ note }), fundEntryId: done.entryId },
    });

    const after = withApproval(rc, done);
    const card = approvalCardOf(after, ctx);
    await refreshCopies(ctx, after.copies, card, ctx.inbound.messageId);
    refreshReceipt(ctx, after);
    const decision = decisionView(after.req, after.names, ctx.config.timezone)!;
    tellMember(ctx, after, (forName) => aidResultCard({ number: req.number, category: req.category, decision, ...(forName ? { forName } : {}) }), `aid-result-${req.id}`);
    return { toast: { type: "success", text: approvedText(req.number, amountFen) }, card };
  },
});
