import { z } from "zod";
import { TRAINING_REVERSE_OPEN } from "../../../../cards/training-reversal.ts";
import { entryOfTraining, requireCorrector, requireReversible } from "../../aid/reversal.ts";
import { reversalFormOf } from "../../aid/reversal-view.ts";
import { defineAction } from "../../context.ts";
import { requireTraining } from "../training-view.ts";

/**
 * 冲正补贴 on a decided training card: the fund's reversal form for the subsidy's ledger line, in
 * place; saving it (fund-reverse) marks the application REVERSED and tells the member.
 */
export const trainingReverseOpen = defineAction({
  id: TRAINING_REVERSE_OPEN,
  value: z.object({ a: z.string(), t: z.number().int().positive().max(2_147_483_647) }),
  async run(ctx, { value }) {
    const app = await requireTraining(ctx, value.t);
    requireCorrector(ctx.actor, app.orgId);
    const e = await requireReversible(ctx, await entryOfTraining(ctx, app.id));
    await ctx.audit({ action: "fund.reverse.open", subjectType: "FundEntry", subjectId: e.id, orgId: e.orgId, subjectPersonId: app.personId, changes: { trainingApplicationId: app.id } });
    return { card: await reversalFormOf(ctx, e, "training") };
  },
});
