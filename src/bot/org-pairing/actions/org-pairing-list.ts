import { ORG_PAIRING_ACTION } from "../../../../cards/org-pairing.ts";
import { hasRole } from "../../../domain/roles.ts";
import { defineAction } from "../../context.ts";
import { notAllowed } from "../../errors.ts";
import { PAIRING_ROLES } from "../access.ts";
import { orgRef } from "../forms.ts";
import { pairingListView } from "../views.ts";

/** Back to the organisation's pairings (from the end form). */
export const orgPairingList = defineAction({
  id: ORG_PAIRING_ACTION.list,
  value: orgRef,
  async run(ctx, { value }) {
    if (!hasRole(ctx.actor, PAIRING_ROLES, value.org)) throw notAllowed();
    return { card: await pairingListView(ctx, value.org) };
  },
});
