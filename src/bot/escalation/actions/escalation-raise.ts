// 上报党委 on an item's card (the hardship entry): raises it with no note, as 上报 does.
import { z } from "zod";
import { ESCALATION_ACTION } from "../../../../cards/escalation.ts";
import { ESCALATION_SUBJECTS, raiseRoles } from "../../../domain/escalation.ts";
import { hasRole } from "../../../domain/roles.ts";
import { defineAction } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { loadItem } from "../item.ts";
import { raiseItem } from "../raise.ts";

export const escalationRaise = defineAction({
  id: ESCALATION_ACTION.raise,
  value: z.object({ s: z.enum(ESCALATION_SUBJECTS, "无法上报该类事项"), i: z.coerce.number("事项编号不正确").int().positive("事项编号不正确") }),
  async run(ctx, { value }) {
    const item = await loadItem(ctx, value.s, value.i);
    if (!item) throw new UserError("unknown_item", { zh: "找不到该事项，请刷新卡片后重试。", en: "That item does not exist; refresh the card and try again." });
    if (!hasRole(ctx.actor, raiseRoles(item.subjectType), item.orgId)) throw notAllowed();
    if (item.view.kind === "HardshipEntry" && item.view.status !== "ACTIVE") throw new UserError("entry_resolved", { zh: "该档案已解困销档，无需上报。", en: "This entry is resolved; nothing to raise." });
    const r = await raiseItem(ctx, item, { reason: "RAISED", note: null });
    return { toast: { type: r.created ? "success" : "info", text: r.created ? { zh: `已上报${r.toOrgName}`, en: `Raised to ${r.toOrgName}` } : { zh: "已上报，无需重复上报", en: "Already raised" } } };
  },
});
