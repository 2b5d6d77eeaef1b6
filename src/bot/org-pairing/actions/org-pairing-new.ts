import { ORG_PAIRING_ACTION, orgPairingFormCard } from "../../../../cards/org-pairing.ts";
import { hasRole } from "../../../domain/roles.ts";
import { defineAction, todayOf } from "../../context.ts";
import { mustActFor, PAIRING_ROLES } from "../access.ts";
import { orgRef } from "../forms.ts";

/** 新建结对: the set-up form, as a card of its own in the private chat (one pairing per submitted form). */
export const orgPairingNew = defineAction({
  id: ORG_PAIRING_ACTION.newForm,
  value: orgRef,
  async run(ctx, { value }) {
    await mustActFor(ctx, value.org);
    const orgName = (await ctx.store.orgs.orgName(value.org)) ?? "";
    // Acting for a branch below: the duty says of which organisation.
    const above = ctx.actor.grants.find((g) => PAIRING_ROLES.includes(g.role));
    const ownDuty = hasRole(ctx.actor, ["SECRETARY"], value.org) ? "书记" : hasRole(ctx.actor, ["AFFAIRS_WORKER"], value.org) ? "党务工作者" : `${above?.orgName ?? ""}${above?.role === "SECRETARY" ? "书记" : "党务工作者"}`;
    ctx.send({ openId: ctx.actor.openId }, { card: orgPairingFormCard({ orgId: value.org, orgName, today: todayOf(ctx), ownName: ctx.actor.name, ownDuty }) }, `org-pairing-form-${ctx.inbound.key}`);
    return { toast: { type: "info", text: { zh: "已发送结对表单，请填写后提交。", en: "The pairing form is on its way; fill it in and submit." } } };
  },
});
