import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { requireRequest } from "../approval.ts";
import { requestRef } from "../forms.ts";
import { urgeRequest } from "../member-moves.ts";

/** 催办 from the receipt: the deciders get a message, once a day; the receipt says so. */
export const aidUrge = defineAction({
  id: AID_ACTION.urge,
  value: requestRef,
  async run(ctx, { value }) {
    const req = await requireRequest(ctx, value.r);
    const { toast, receipt } = await urgeRequest(ctx, req);
    return { toast, ...(ctx.inbound.messageId === req.formMessageId ? { card: receipt } : {}) };
  },
});
