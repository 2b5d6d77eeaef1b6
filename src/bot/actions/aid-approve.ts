import { AID_ACTION } from "../../../cards/aid-common.ts";
import { aidResultCard } from "../../../cards/aid-request.ts";
import { checkApproval, checkText, isOpen, NOTE_MAX, overBalance } from "../../domain/aid-rules.ts";
import { parseYuan } from "../../domain/money.ts";
import { balances, withdraw } from "../../store/aid-fund.ts";
import { markApproved } from "../../store/aid-requests.ts";
import { approvalCardOf, approvalCopies, decisionView, loadRequestContext, refreshCopies, requireDecider, requireRequest, tellMember } from "../aid/approval.ts";
import { decidedAnswer } from "../aid/decided.ts";
import { fromProblem, must } from "../aid/errors.ts";
import { decideForm, requestRef } from "../aid/forms.ts";
import { approvedText, noteLabel, sourceMissing } from "../aid/texts.ts";
import { defineAction } from "../context.ts";
import { UserError } from "../errors.ts";

/**
 * 批准: the request becomes APPROVED, the ledger gets the disbursement and the source's balance
 * drops, all in this transaction. The balance row is taken last, so approvals in one branch
 * queue on it only for the last moments of their transactions.
 */
export const aidApprove = defineAction({
  id: AID_ACTION.approve,
  value: requestRef,
  form: decideForm,
  async run(ctx, { value, form }) {
    const req = await requireRequest(ctx.tx, value.r);
    requireDecider(ctx.actor, req);
    if (!isOpen(req.status)) return decidedAnswer(ctx, req);
    if (!form.source) throw new UserError("source_missing", sourceMissing);
    const source = form.source;
    const amountFen = must(parseYuan(form.amount, { zh: "批准金额", en: "amount" }));
    const note = must(checkText(form.note, noteLabel, { required: false, max: NOTE_MAX })) || null;

    const rc = await loadRequestContext(ctx, req);
    const problem = checkApproval({ amountFen, ceilingFen: ctx.config.aidMaxFen, balanceFen: rc.balances[source], source });
    if (problem) throw fromProblem(problem);
    const copies = await approvalCopies(ctx.tx, req.id);

    const at = ctx.clock.now();
    const decided = await markApproved(ctx.tx, req, { byId: ctx.actor.personId, amountFen, source, note, at });
    if (!decided) return decidedAnswer(ctx, req);
    await ctx.audit({
      action: "aid.request.approve",
      subjectType: "AidRequest",
      subjectId: req.id,
      orgId: req.orgId,
      changes: { status: [req.status, "APPROVED"], approvedFen: amountFen, fundSource: source, note, fundEntryId: decided.entryId },
    });
    const paid = await withdraw(ctx.tx, req.orgId, source, amountFen);
    if (!paid) throw fromProblem(overBalance(source, (await balances(ctx.tx, req.orgId))[source]));

    // The card after the decision, drawn from what this transaction wrote.
    const after = { ...req, status: "APPROVED" as const, approvedFen: amountFen, fundSource: source, decidedById: ctx.actor.personId, decidedAt: at, decisionNote: note };
    rc.req = after;
    rc.events = [...rc.events, decided.event];
    rc.names.set(ctx.actor.personId, ctx.actor.name);
    rc.received = { totalFen: rc.received.totalFen + amountFen, count: rc.received.count + 1 };
    rc.balances = { ...rc.balances, [source]: paid.balanceFen };
    const card = approvalCardOf(rc, ctx);
    await refreshCopies(ctx, copies, card, ctx.inbound.messageId);
    const decision = decisionView(after, rc.names, ctx.config.timezone)!;
    tellMember(ctx, rc, (forName) => aidResultCard({ number: req.number, category: req.category, decision, ...(forName ? { forName } : {}) }), `aid-result-${req.id}`);
    return { toast: { type: "success", text: approvedText(req.number, amountFen) }, card };
  },
});
