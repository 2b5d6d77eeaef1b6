import { ORG_PAIRING_ACTION } from "../../../../cards/org-pairing.ts";
import { defineAction } from "../../context.ts";
import { mustActFor } from "../access.ts";
import { orgRef } from "../forms.ts";
import { pairingListView } from "../views.ts";

/** Back to the organisation's pairings (from the end form). */
export const orgPairingList = defineAction({
  id: ORG_PAIRING_ACTION.list,
  value: orgRef,
  async run(ctx, { value }) {
    await mustActFor(ctx, value.org);
    return { card: await pairingListView(ctx, value.org) };
  },
});
