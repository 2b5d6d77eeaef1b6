import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { disclosureCancelledCard } from "../../../../cards/aid-fund.ts";
import { FUND_ROLES, parseDisclosureYear } from "../../../domain/aid-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { hasRole } from "../../../domain/roles.ts";
import { must, notAllowed, UserError } from "../../errors.ts";
import { discloseValue } from "../forms.ts";
import { disclosureKeys, postedAt } from "../fund-disclosure.ts";
import { defineAction } from "../../context.ts";

/**
 * 取消 on the private preview: nothing is posted. The cancelled card is also staged as an update
 * of the preview under the cancellation's key, which is what a late 确认公开 on the same preview
 * finds, so a cancel and a confirm racing each other end as whichever came first.
 */
export const fundDiscloseCancel = defineAction({
  id: AID_ACTION.fundDiscloseCancel,
  value: discloseValue,
  async run(ctx, { value }) {
    if (!hasRole(ctx.actor, FUND_ROLES, value.o)) throw notAllowed();
    const year = must(parseDisclosureYear(String(value.y), localYear(ctx.clock.now(), ctx.config.timezone)));
    const preview = ctx.inbound.messageId;
    if (!preview) throw new UserError("no_preview", { zh: "找不到这张预览卡片。", en: "This preview card is unknown." });
    const keys = disclosureKeys(value.o, year, preview);
    await ctx.store.aidFund.lockDisclosure(value.o);
    const outcome = await ctx.store.aidFund.disclosureOutcome(keys);
    if (outcome.postedAt) return { toast: { type: "info", text: { zh: `已于 ${postedAt(ctx, outcome.postedAt)} 公开，无法取消。`, en: `Already posted at ${postedAt(ctx, outcome.postedAt)}; it cannot be cancelled.` } } };
    const orgName = (await ctx.store.orgs.orgName(value.o)) ?? "?";
    const card = disclosureCancelledCard({ orgName, year });
    if (!outcome.cancelled) ctx.patch(preview, card, keys.cancelled);
    return { toast: { type: "info", text: { zh: "已取消，未发布到支部群。", en: "Cancelled; nothing was posted." } }, card };
  },
});
