import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { requireRequest } from "../approval.ts";
import { requestRef } from "../forms.ts";
import { withdrawRequest } from "../member-moves.ts";

/** 撤回 from the receipt: before any decision; the receipt is redrawn in place. */
export const aidWithdraw = defineAction({
  id: AID_ACTION.withdraw,
  value: requestRef,
  async run(ctx, { value }) {
    const req = await requireRequest(ctx, value.r);
    const { toast, receipt } = await withdrawRequest(ctx, req);
    // Only the receipt turns into the receipt: a click from anywhere else keeps its card.
    return { toast, ...(ctx.inbound.messageId === req.formMessageId ? { card: receipt } : {}) };
  },
});
