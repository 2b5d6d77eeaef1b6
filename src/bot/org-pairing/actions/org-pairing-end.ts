import { ORG_PAIRING_ACTION, orgPairingEndedCard } from "../../../../cards/org-pairing.ts";
import { defineAction, todayOf } from "../../context.ts";
import { sideOf, unknownPairing } from "../access.ts";
import { endForm, given, pairingOrgRef } from "../forms.ts";
import { pairingListView, summaryOf, thisQuarter } from "../views.ts";

/** 结束结对 with its reason: either side may; the other side's secretaries are told. The rows stay. */
export const orgPairingEnd = defineAction({
  id: ORG_PAIRING_ACTION.end,
  value: pairingOrgRef,
  form: endForm,
  async run(ctx, { value, form }) {
    const p = await ctx.store.orgPairings.loadPairing(value.pairing, thisQuarter(ctx).period);
    if (!p) throw unknownPairing();
    const side = await sideOf(ctx, p, value.org);
    const today = todayOf(ctx);
    const reason = given(form.reason)!;
    if (!(await ctx.store.orgPairings.endPairing(p.id, today, reason, ctx.clock.now()))) {
      return { toast: { type: "info", text: { zh: "该结对已结束或不在进行中。", en: "This pairing has ended or is not active." } }, card: await pairingListView(ctx, side) };
    }
    await ctx.audit({ action: "org.pairing.end", subjectType: "OrgPairing", subjectId: p.id, orgId: side, changes: { status: ["ACTIVE", "ENDED"], fields: ["status", "endOn", "endedReason"] } });
    const other = side === p.orgId ? p.partnerOrgId : p.orgId;
    const ourName = side === p.orgId ? p.orgName : p.partnerName;
    const otherName = side === p.orgId ? p.partnerName : p.orgName;
    if (other !== null) {
      const card = orgPairingEndedCard({ ...summaryOf(p), status: "ENDED", endedBy: ctx.actor.name, endedOrg: ourName, reason, endOn: today });
      for (const s of await ctx.store.orgContacts.secretariesOf([other])) {
        if (s.openId && s.personId !== ctx.actor.personId) ctx.send({ openId: s.openId }, { card }, `org-pairing-${p.id}-ended-${s.personId}`);
      }
    }
    return { toast: { type: "success", text: { zh: "结对已结束。", en: "Pairing ended." } }, card: await pairingListView(ctx, side, { zh: `已结束与${otherName}的结对，记录已保留。`, en: `Ended the pairing with ${otherName}; its records are kept.` }) };
  },
});
