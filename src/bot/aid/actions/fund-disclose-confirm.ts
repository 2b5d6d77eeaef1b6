import { z } from "zod";
import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { disclosureCard, disclosurePreviewCard } from "../../../../cards/aid-fund.ts";
import { FUND_ROLES, parseDisclosureYear } from "../../../domain/aid-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { hasRole } from "../../../domain/roles.ts";
import { must, notAllowed, UserError } from "../../errors.ts";
import { disclosureKeys, loadDisclosure, postedAt } from "../fund-disclosure.ts";
import { defineAction } from "../../context.ts";

/**
 * What the preview's 确认公开 carries: the branch, the year, the digest of the figures it showed
 * and its time stamp (shown in the group's card, so only a date and time may pass).
 */
const confirmValue = z.object({
  a: z.string(),
  o: z.number().int().positive().max(2_147_483_647),
  y: z.number().int(),
  h: z.string().regex(/^[0-9a-f]{16}$/),
  s: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/),
});

/**
 * 确认公开 on the private preview: posts the card the preview showed to the branch group, once.
 * A second click (a double click, an old copy) finds the first one's post and says so; if the
 * books moved since the preview, the preview is redrawn for a fresh look instead of posting.
 */
export const fundDiscloseConfirm = defineAction({
  id: AID_ACTION.fundDiscloseConfirm,
  value: confirmValue,
  async run(ctx, { value }) {
    if (!hasRole(ctx.actor, FUND_ROLES, value.o)) throw notAllowed();
    const year = must(parseDisclosureYear(String(value.y), localYear(ctx.clock.now(), ctx.config.timezone)));
    const preview = ctx.inbound.messageId;
    if (!preview) throw new UserError("no_preview", { zh: "找不到这张预览卡片，请重新发送「收支公开」。", en: "This preview card is unknown; send 收支公开 again." });
    const keys = disclosureKeys(value.o, year, preview);
    await ctx.store.aidFund.lockDisclosure(value.o);
    const outcome = await ctx.store.aidFund.disclosureOutcome(keys);
    if (outcome.postedAt) return { toast: { type: "info", text: { zh: `已于 ${postedAt(ctx, outcome.postedAt)} 公开，不会重复发布。`, en: `Already posted at ${postedAt(ctx, outcome.postedAt)}; not posted again.` } } };
    if (outcome.cancelled) return { toast: { type: "info", text: { zh: "这次收支公开已取消，未发布。需要时请重新发送「收支公开」。", en: "This disclosure was cancelled; send 收支公开 again when needed." } } };

    const d = await loadDisclosure(ctx, value.o, year, value.s);
    if (d.check !== value.h) {
      const fresh = await loadDisclosure(ctx, value.o, year);
      return {
        toast: { type: "warning", text: { zh: "预览后收支有变动，已按最新数据更新预览，请核对后再确认公开。", en: "The books changed since the preview; it is redrawn, check it and confirm again." } },
        card: disclosurePreviewCard(fresh.data, { kind: "preview", orgId: value.o, check: fresh.check }),
      };
    }
    ctx.send({ chatId: d.chatId }, { card: disclosureCard(d.data) }, keys.posted);
    await ctx.audit({ action: "fund.disclose", subjectType: "Fund", subjectId: value.o, orgId: value.o, changes: { year, chatId: d.chatId, preview } });
    return {
      toast: { type: "success", text: { zh: `已在「${d.data.orgName}」支部群公开 ${year} 年收支。`, en: `Posted the ${year} summary to the ${d.data.orgName} group.` } },
      card: disclosurePreviewCard(d.data, { kind: "posted", at: postedAt(ctx, ctx.clock.now()) }),
    };
  },
});
