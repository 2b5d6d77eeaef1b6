import { ORG_PAIRING_ACTION, orgPairingEndFormCard } from "../../../../cards/org-pairing.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { sideOf, unknownPairing } from "../access.ts";
import { pairingOrgRef } from "../forms.ts";
import { summaryOf, thisQuarter } from "../views.ts";

/** 结束结对 on the list: the form asking why it ends. */
export const orgPairingEndOpen = defineAction({
  id: ORG_PAIRING_ACTION.endOpen,
  value: pairingOrgRef,
  async run(ctx, { value }) {
    const p = await ctx.store.orgPairings.loadPairing(value.pairing, thisQuarter(ctx).period);
    if (!p) throw unknownPairing();
    const side = await sideOf(ctx, p, value.org);
    if (p.status !== "ACTIVE") throw new UserError("org_pairing_not_active", { zh: "该结对不在进行中。", en: "This pairing is not active." });
    return { card: orgPairingEndFormCard({ ...summaryOf(p), viewerOrg: side }) };
  },
});
