import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { requireReversible } from "../reversal.ts";
import { entryRef } from "../reversal-forms.ts";
import { reversalFormOf } from "../reversal-view.ts";

/** 冲正 beside a ledger line of the fund card: the reversal form in place, for the secretary only. */
export const fundReverseOpen = defineAction({
  id: AID_ACTION.reverseOpen,
  value: entryRef,
  async run(ctx, { value }) {
    const e = await requireReversible(ctx, value.e);
    await ctx.audit({ action: "fund.reverse.open", subjectType: "FundEntry", subjectId: e.id, orgId: e.orgId, subjectPersonId: e.payeeId });
    return { card: await reversalFormOf(ctx, e, value.b) };
  },
});
