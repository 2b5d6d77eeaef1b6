import { ORG_PAIRING_ACTION, orgPairingActivityFormCard } from "../../../../cards/org-pairing.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { sideOf, unknownPairing } from "../access.ts";
import { pairingRef } from "../forms.ts";
import { activityChoices, thisQuarter } from "../views.ts";

/** 记录活动 (on the list or the quarterly reminder): the activity form for this pairing, as a card of its own. */
export const orgPairingActivityOpen = defineAction({
  id: ORG_PAIRING_ACTION.activityOpen,
  value: pairingRef,
  async run(ctx, { value }) {
    const p = await ctx.store.orgPairings.loadPairing(value.pairing, thisQuarter(ctx).period);
    if (!p) throw unknownPairing();
    await sideOf(ctx, p);
    if (p.status !== "ACTIVE") throw new UserError("org_pairing_not_active", { zh: "该结对不在进行中，无法登记活动。", en: "This pairing is not active; no activity can be recorded." });
    const choices = await activityChoices(ctx);
    ctx.send({ openId: ctx.actor.openId }, { card: orgPairingActivityFormCard({ today: todayOf(ctx), choices, initial: p.id }) }, `org-pairing-activity-form-${ctx.inbound.key}`);
    return { toast: { type: "info", text: { zh: "已发送活动登记表单。", en: "The activity form is on its way." } } };
  },
});
