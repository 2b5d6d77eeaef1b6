import { FUND_ROLES } from "../../../domain/aid-rules.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { fundCardFor } from "../fund-view.ts";
import type { Command } from "../../context.ts";

/** 资金: balances by source, the latest entries and the income form, per branch the reader keeps the books of. */
export const fund: Command = {
  name: "资金",
  aliases: ["帮扶资金", "fund"],
  summary: { zh: "查看帮扶资金余额与收支，登记收入", en: "aid fund balances and entries; record income" },
  roles: FUND_ROLES,
  instead: { commands: ["收支公开"], ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    for (const orgId of orgsWhere(ctx.actor, FUND_ROLES)) {
      await ctx.audit({ action: "fund.view", subjectType: "Fund", subjectId: orgId, orgId });
      ctx.reply({ card: await fundCardFor(ctx, orgId) });
    }
  },
};
