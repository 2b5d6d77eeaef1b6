// 确认 on the confirmation card: the change is checked again from the card's value (it is input,
// and the member's standing may have moved since the card was drawn), then recorded; the card
// becomes the result, with 撤销.
import { ROSTER_ACTION } from "../../../../cards/membership-change.ts";
import { defineAction } from "../../context.ts";
import { changeValue, checkChange, requestOf } from "../plan.ts";
import { recordChange } from "../record.ts";

export const changeConfirm = defineAction({
  id: ROSTER_ACTION.confirm,
  value: changeValue,
  async run(ctx, { value }) {
    const plan = await checkChange(ctx, requestOf(value));
    const card = await recordChange(ctx, plan);
    return { toast: { type: "success", text: { zh: `已登记：${plan.summary.kind.zh}`, en: `Recorded: ${plan.summary.kind.en}` } }, card };
  },
});
