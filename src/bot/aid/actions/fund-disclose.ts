import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { disclosurePreviewCard } from "../../../../cards/aid-fund.ts";
import { FUND_ROLES, parseDisclosureYear } from "../../../domain/aid-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { hasRole } from "../../../domain/roles.ts";
import { must, notAllowed } from "../../errors.ts";
import { discloseValue } from "../forms.ts";
import { loadDisclosure } from "../fund-disclosure.ts";
import { defineAction } from "../../context.ts";

/** The 收支公开 button on the fund card: sends the clicker the private preview, posts nothing. */
export const fundDiscloseAction = defineAction({
  id: AID_ACTION.fundDisclose,
  value: discloseValue,
  async run(ctx, { value }) {
    if (!hasRole(ctx.actor, FUND_ROLES, value.o)) throw notAllowed();
    const year = must(parseDisclosureYear(String(value.y), localYear(ctx.clock.now(), ctx.config.timezone)));
    const d = await loadDisclosure(ctx, value.o, year);
    ctx.send({ openId: ctx.actor.openId }, { card: disclosurePreviewCard(d.data, { kind: "preview", orgId: value.o, check: d.check }) }, `fund-disclosure-preview-${value.o}-${year}-${ctx.inbound.key}`);
    await ctx.audit({ action: "fund.disclose.preview", subjectType: "Fund", subjectId: value.o, orgId: value.o, changes: { year } });
    return { toast: { type: "info", text: { zh: "已发送收支公开预览，请核对后点「确认公开」。", en: "Preview sent; check it, then press Post it." } } };
  },
});
