// "更早的记录" / "回到最新" on 谁看过我的档案: another page of the clicker's own list. The value
// names no person: a click can only ever page the clicker's own records.
import { z } from "zod";
import { defineAction } from "../../context.ts";
import { myAuditCard } from "../audit-view.ts";

export const auditMine = defineAction({
  id: "audit-mine",
  value: z.object({ c: z.coerce.number().int().nonnegative().optional(), t: z.coerce.number().int().nonnegative().optional() }),
  async run(ctx, { value }) {
    const cursor = value.c !== undefined && value.t !== undefined ? { c: value.c, t: value.t } : undefined;
    return { card: await myAuditCard(ctx, cursor) };
  },
});
