import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { aidResultCard } from "../../../../cards/aid-request.ts";
import { checkApproval, checkText, isOpen, NOTE_MAX, overBalance } from "../../../domain/aid-rules.ts";
import { parseYuan } from "../../../domain/money.ts";
import { recordApproval } from "../../../store/aid-approval.ts";
import { balances, withdraw } from "../../../store/aid-fund.ts";
import { approvalCardOf, decisionView, loadRequest, refreshCopies, requireDecider, tellMember } from "../approval.ts";
import { decidedAnswer } from "../decided.ts";
import { fromProblem, must, UserError } from "../../errors.ts";
import { decideForm, requestRef } from "../forms.ts";
import { approvedText, noteLabel, sourceMissing } from "../texts.ts";
import { defineAction } from "../../context.ts";

/**
 * 批准: the request becomes APPROVED and the ledger gets the disbursement in one statement,
 * the source's balance drops in the transaction's last (src/store/aid-approval.ts). The click
 * is the hot path: one read, two writes, and the card is drawn from what was read.
 */
export const aidApprove = defineAction({
  id: AID_ACTION.approve,
  value: requestRef,
  form: decideForm,
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

    const at = ctx.clock.now();
    const out = await recordApproval(ctx.tx, { requestId: req.id, amountFen, source, note, byId: ctx.actor.personId, at });
    if (out.kind === "decided") return decidedAnswer(ctx, req);
    // Last, so the balance row is locked only until the commit. Another approval may have
    // emptied the source since we read it: then everything above is undone and we say why.
    ctx.last(async (tx) => {
      if (!(await withdraw(tx, req.orgId, source, amountFen))) throw fromProblem(overBalance(source, (await balances(tx, req.orgId))[source]));
    });
    await ctx.audit({
      action: "aid.request.approve",
      subjectType: "AidRequest",
      subjectId: req.id,
      orgId: req.orgId,
      changes: { status: [req.status, "APPROVED"], approvedFen: amountFen, fundSource: source, note, fundEntryId: out.entryId },
    });

    // The card after the decision, drawn from what was read plus what this transaction wrote.
    const after = { ...req, status: "APPROVED" as const, approvedFen: amountFen, fundSource: source, decidedById: ctx.actor.personId, decidedAt: at, decisionNote: note };
    rc.req = after;
    rc.events = [...rc.events, out.event];
    rc.names.set(ctx.actor.personId, ctx.actor.name);
    rc.received = { totalFen: rc.received.totalFen + amountFen, count: rc.received.count + 1 };
    // The balance as read less this payment: what the card shows as of this decision.
    rc.balances = { ...rc.balances, [source]: rc.balances[source] - amountFen };
    const card = approvalCardOf(rc, ctx);
    await refreshCopies(ctx, rc.copies, card, ctx.inbound.messageId);
    const decision = decisionView(after, rc.names, ctx.config.timezone)!;
    tellMember(ctx, rc, (forName) => aidResultCard({ number: req.number, category: req.category, decision, ...(forName ? { forName } : {}) }), `aid-result-${req.id}`);
    return { toast: { type: "success", text: approvedText(req.number, amountFen) }, card };
  },
});
