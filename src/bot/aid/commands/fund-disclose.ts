import { disclosurePreviewCard } from "../../../../cards/aid-fund.ts";
import { FUND_ROLES, parseDisclosureYear } from "../../../domain/aid-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { must } from "../../errors.ts";
import { loadDisclosure } from "../fund-disclosure.ts";
import type { Command } from "../../context.ts";

/**
 * 收支公开 [年份]: shows the sender, privately, exactly what the branch group would see, with
 * 确认公开 / 取消; nothing reaches the group until they confirm (actions/fund-disclose-confirm.ts).
 */
export const fundDisclose: Command = {
  name: "收支公开",
  aliases: ["资金公开", "disclose fund"],
  summary: { zh: "预览并在支部群发布年度帮扶资金收支公开（收支公开 2026）", en: "preview, then post the year's fund summary to the branch group" },
  roles: FUND_ROLES,
  instead: { ask: "SECRETARY" },
  async run(ctx) {
    const year = must(parseDisclosureYear(ctx.args, localYear(ctx.clock.now(), ctx.config.timezone)));
    // Asked in the group itself, the preview still goes to the private chat: the buttons are theirs alone.
    const inGroup = ctx.inbound.kind === "message" && ctx.inbound.chatType === "group";
    for (const orgId of orgsWhere(ctx.actor, FUND_ROLES)) {
      const d = await loadDisclosure(ctx, orgId, year);
      const card = disclosurePreviewCard(d.data, { kind: "preview", orgId, check: d.check });
      if (inGroup) ctx.send({ openId: ctx.actor.openId }, { card }, `fund-disclosure-preview-${orgId}-${year}-${ctx.inbound.key}`);
      else ctx.reply({ card });
      await ctx.audit({ action: "fund.disclose.preview", subjectType: "Fund", subjectId: orgId, orgId, changes: { year } });
    }
    if (inGroup) ctx.reply({ text: { zh: "收支公开的预览已私信发给您，确认后才会发布到支部群。", en: "The preview is in your private chat; nothing is posted until you confirm." } });
  },
};
