// 查看 on an escalation notice or the 上报事项 list: the item itself, for the organisation it was
// raised to. Audited as a view of the member's records.
import { z } from "zod";
import { ESCALATION_ACTION } from "../../../../cards/escalation.ts";
import { defineAction } from "../../context.ts";
import { itemCardOf, requireEscalation } from "../view.ts";

export const escalationOpen = defineAction({
  id: ESCALATION_ACTION.open,
  value: z.object({ e: z.coerce.number("事项编号不正确").int().positive("事项编号不正确") }),
  async run(ctx, { value }) {
    const row = await requireEscalation(ctx, value.e);
    await ctx.audit({ action: "escalation.view", subjectType: row.subjectType, subjectId: row.subjectId, orgId: row.fromOrgId, subjectPersonId: row.subjectPersonId, changes: { escalationId: row.id } });
    return { card: await itemCardOf(ctx, row) };
  },
});
