// 取消 on the confirmation card: nothing is written; the card says so, so it cannot be confirmed later by mistake.
import { z } from "zod";
import { changeCancelledCard, ROSTER_ACTION } from "../../../../cards/membership-change.ts";
import { CHANGE_KINDS, KIND_LABEL } from "../../../domain/membership-change.ts";
import { defineAction } from "../../context.ts";

export const changeCancel = defineAction({
  id: ROSTER_ACTION.cancel,
  value: z.object({ k: z.enum(CHANGE_KINDS) }),
  async run(_ctx, { value }) {
    return { toast: { type: "info", text: { zh: "已取消，未做任何更改。", en: "Cancelled; nothing changed." } }, card: changeCancelledCard(KIND_LABEL[value.k]) };
  },
});
