import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { requireRequest } from "../approval.ts";
import { requestRef } from "../forms.ts";
import { entryOfRequest, requireCorrector, requireReversible } from "../reversal.ts";
import { reversalFormOf } from "../reversal-view.ts";

/** 冲正 on an approved request's card: the reversal form of the payment, in place. */
export const aidReverseOpen = defineAction({
  id: AID_ACTION.aidReverseOpen,
  value: requestRef,
  async run(ctx, { value }) {
    const req = await requireRequest(ctx, value.r);
    requireCorrector(ctx.actor, req.orgId);
    const e = await requireReversible(ctx, await entryOfRequest(ctx, req.id));
    await ctx.audit({ action: "fund.reverse.open", subjectType: "FundEntry", subjectId: e.id, orgId: e.orgId, subjectPersonId: req.personId, changes: { aidRequestId: req.id } });
    return { card: await reversalFormOf(ctx, e, "aid") };
  },
});
