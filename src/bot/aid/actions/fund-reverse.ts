import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { checkText, SOURCE_LABEL } from "../../../domain/aid-rules.ts";
import { checkReason, replacementRefusal, wholeEntryRefusal } from "../../../domain/fund-correction.ts";
import { parseYuan, yuanText } from "../../../domain/money.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import type { Text } from "../../../domain/text.ts";
import type { CorrectableEntry } from "../../../store/aid-fund.ts";
import { defineAction } from "../../context.ts";
import { fromProblem, must } from "../../errors.ts";
import { fundCardFor } from "../fund-view.ts";
import { requireReversible, reverseEntry, type ReversalInput, type Reversed } from "../reversal.ts";
import { entryRef, reverseForm } from "../reversal-forms.ts";
import type { z } from "zod";

/**
 * 确认冲正 on the reversal form: the entry is undone (and an income, when the right figures are
 * given, booked again as it should have been), and the card it came from comes back, current.
 */
export const fundReverse = defineAction({
  id: AID_ACTION.reverse,
  value: entryRef,
  form: reverseForm,
  async run(ctx, { value, form }) {
    const e = await requireReversible(ctx, value.e);
    const input = reversalInput(e, form);
    const done = await reverseEntry(ctx, e, input, ctx.last);
    const card = value.b !== "fund" && done.card ? done.card : await fundCardFor(ctx, e.orgId, done.pending);
    return { toast: { type: "success", text: reversedText(e, input, done) }, card };
  },
});

/** What the form asks, checked: the reason always; the right figures only for an income, and only when given. */
function reversalInput(e: CorrectableEntry, form: z.infer<typeof reverseForm>): ReversalInput {
  const reason = must(checkReason(form.reason));
  const amount = form.amount?.trim() ?? "";
  if (amount === "") return { reason, correction: null };
  const amountFen = must(parseYuan(amount, { zh: "正确金额", en: "right amount" }));
  // Only income is corrected with new figures; for a payment an amount can only be the whole of it.
  if (e.kind !== "INCOME") {
    const p = wholeEntryRefusal(amountFen, e);
    if (p) throw fromProblem(p);
    return { reason, correction: null };
  }
  const payer = must(checkText(form.payer?.trim() ? form.payer : (e.payer ?? ""), { zh: "拨付单位或捐赠人", en: "payer or donor" }, { required: true, max: 100 }));
  const note = must(checkText(form.note, { zh: "备注", en: "note" }, { required: false, max: 500 })) || null;
  const source = form.source ?? e.source;
  const same = replacementRefusal(e, { source, amountFen, payer });
  if (same) throw fromProblem(same);
  return { reason, correction: { source, amountFen, payer, note } };
}

export function reversedText(e: CorrectableEntry, input: ReversalInput, done: Reversed): Text {
  const y = yuanText(e.amountFen);
  const fix = input.correction
    ? { zh: `，并按正确金额登记「${SOURCE_LABEL[input.correction.source].zh}」收入 ${yuanText(input.correction.amountFen).zh}（流水 #${done.correctingId}）`, en: `, and booked the right income of ${yuanText(input.correction.amountFen).en} (#${done.correctingId})` }
    : { zh: "", en: "" };
  const told = e.request || e.training ? { zh: "，已通知申请人", en: "; the member was told" } : { zh: "", en: "" };
  const what = e.request ? `${e.request.number} 的帮扶款` : e.training ? `培训申请 ${requestLabel(e.training)} 的补贴` : `流水 #${e.id}`;
  return { zh: `已冲正${what} ${y.zh}（冲正流水 #${done.reversalId}）${fix.zh}${told.zh}。`, en: `Reversed entry #${e.id} of ${y.en} (reversal #${done.reversalId})${fix.en}${told.en}.` };
}
