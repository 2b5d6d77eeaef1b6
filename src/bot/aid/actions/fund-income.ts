import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { checkText, FUND_ROLES, NOTE_MAX, SOURCE_LABEL } from "../../../domain/aid-rules.ts";
import { parseYuan, yuanText } from "../../../domain/money.ts";
import { hasRole } from "../../../domain/roles.ts";
import { must, notAllowed, UserError } from "../../errors.ts";
import { incomeForm, orgRef } from "../forms.ts";
import { fundCardFor } from "../fund-view.ts";
import { defineAction } from "../../context.ts";

/** 登记收入: income into one source, the balance and the ledger line together. */
export const fundIncome = defineAction({
  id: AID_ACTION.fundIncome,
  value: orgRef,
  form: incomeForm,
  async run(ctx, { value, form }) {
    if (!hasRole(ctx.actor, FUND_ROLES, value.o)) throw notAllowed();
    const amountFen = must(parseYuan(form.amount, { zh: "收入金额", en: "amount" }));
    const payer = must(checkText(form.payer, { zh: "拨付单位或捐赠人", en: "payer or donor" }, { required: true, max: 100 }));
    const note = must(checkText(form.note, { zh: "备注", en: "note" }, { required: false, max: NOTE_MAX })) || null;
    const done = await ctx.store.aidFund.recordIncome({ orgId: value.o, source: form.source, amountFen, payer, note, recordedById: ctx.actor.personId, at: ctx.clock.now() });
    if (!done) throw new UserError("balance_overflow", { zh: "该来源余额将超出系统可记录的上限，请核对金额。", en: "The balance would exceed what can be recorded; check the amount." });
    await ctx.audit({ action: "fund.income", subjectType: "FundEntry", subjectId: done.entryId, orgId: value.o, changes: { source: form.source, amountFen, payer, note, balanceFen: done.balanceFen } });
    const s = SOURCE_LABEL[form.source];
    return {
      toast: { type: "success", text: { zh: `已登记「${s.zh}」收入 ${yuanText(amountFen).zh}。`, en: `Recorded ${yuanText(amountFen).en} into ${s.en}.` } },
      card: await fundCardFor(ctx, value.o),
    };
  },
});
