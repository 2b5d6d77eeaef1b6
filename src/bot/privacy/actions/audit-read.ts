// The filter (全部 / 查看 / 修改) and "更早的记录" on a secretary's 查阅记录 card: the same
// check as the command at every click (the member must be in an organisation they are secretary
// of, or one below), so a forged or stale card reads nothing.
import { z } from "zod";
import { defineAction } from "../../context.ts";
import { notAllowed } from "../../errors.ts";
import { memberAuditCard, readableMember } from "../audit-view.ts";

export const auditRead = defineAction({
  id: "audit-read",
  value: z.object({
    p: z.coerce.number().int().positive(),
    k: z.enum(["all", "view", "change"]),
    c: z.coerce.number().int().nonnegative().optional(),
    t: z.coerce.number().int().nonnegative().optional(),
  }),
  async run(ctx, { value }) {
    const member = await readableMember(ctx, value.p);
    if (!member) throw notAllowed(["谁看过我的档案"]);
    const cursor = value.c !== undefined && value.t !== undefined ? { c: value.c, t: value.t } : undefined;
    return { card: await memberAuditCard(ctx, member, value.k, cursor) };
  },
});
