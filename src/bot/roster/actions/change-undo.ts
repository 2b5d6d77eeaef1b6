// 撤销 on a result card (or on the 撤销变动 command's card): the change is undone if it still may be.
import { z } from "zod";
import { ROSTER_ACTION } from "../../../../cards/membership-change.ts";
import { defineAction } from "../../context.ts";
import { loadChange, undoChange } from "../undo.ts";

export const changeUndo = defineAction({
  id: ROSTER_ACTION.undo,
  value: z.object({ c: z.int().positive() }),
  async run(ctx, { value }) {
    const change = await loadChange(ctx, value.c);
    const card = await undoChange(ctx, change);
    return { toast: { type: "success", text: { zh: "已撤销，已恢复变动前的状态。", en: "Undone; everything is as it was." } }, card };
  },
});
