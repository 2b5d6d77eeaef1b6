import { FUND_ROLES, parseDisclosureYear } from "../../../domain/aid-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { must } from "../../errors.ts";
import { postDisclosure } from "../fund-view.ts";
import type { Command } from "../../context.ts";

/** 收支公开 [年份]: posts the year's fund totals, without personal details, to the branch group. */
export const fundDisclose: Command = {
  name: "收支公开",
  aliases: ["资金公开", "disclose fund"],
  summary: { zh: "在支部群发布年度帮扶资金收支公开（收支公开 2026）", en: "post the year's fund summary to the branch group" },
  roles: FUND_ROLES,
  instead: { ask: "SECRETARY" },
  async run(ctx) {
    const year = must(parseDisclosureYear(ctx.args, localYear(ctx.clock.now(), ctx.config.timezone)));
    for (const orgId of orgsWhere(ctx.actor, FUND_ROLES)) {
      const { orgName } = await postDisclosure(ctx, orgId, year);
      ctx.reply({ text: { zh: `已在「${orgName}」支部群发布 ${year} 年帮扶资金收支公开。`, en: `Posted the ${year} fund summary to the ${orgName} group.` } });
    }
  },
};
