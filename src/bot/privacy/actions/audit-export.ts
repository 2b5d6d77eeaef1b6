// "导出表格" on a secretary's 查阅记录 card: every line about the member (of the card's filter)
// as a spreadsheet sent to them in this chat, checked and audited like the card itself.
import { z } from "zod";
import { defineAction } from "../../context.ts";
import { notAllowed } from "../../errors.ts";
import { exportMemberAudit, readableMember } from "../audit-view.ts";

export const auditExport = defineAction({
  id: "audit-export",
  value: z.object({ p: z.coerce.number().int().positive(), k: z.enum(["all", "view", "change"]) }),
  async run(ctx, { value }) {
    const member = await readableMember(ctx, value.p);
    if (!member) throw notAllowed(["谁看过我的档案"]);
    return { toast: { type: "success", text: { zh: "表格已生成，稍后发送给您", en: "The spreadsheet is on its way" } }, card: await exportMemberAudit(ctx, member, value.k) };
  },
});
