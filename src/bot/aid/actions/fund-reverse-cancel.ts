import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { requireCorrector, unknownEntry } from "../reversal.ts";
import { entryRef } from "../reversal-forms.ts";
import { cardToGoBackTo } from "../reversal-view.ts";

/** 返回 on the reversal form: the card it was opened from, nothing written. */
export const fundReverseCancel = defineAction({
  id: AID_ACTION.reverseCancel,
  value: entryRef,
  async run(ctx, { value }) {
    const e = await ctx.store.aidFund.entryToCorrect(value.e);
    if (!e) throw unknownEntry(value.e);
    requireCorrector(ctx.actor, e.orgId);
    return { card: await cardToGoBackTo(ctx, e, value.b) };
  },
});
