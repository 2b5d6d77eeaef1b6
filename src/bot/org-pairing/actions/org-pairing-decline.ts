import { ORG_PAIRING_ACTION } from "../../../../cards/org-pairing.ts";
import { defineAction } from "../../context.ts";
import { answerProposal } from "../answer.ts";
import { pairingRef } from "../forms.ts";

/** 不同意: a secretary of the partner organisation declines a pairing proposed across committees. */
export const orgPairingDecline = defineAction({
  id: ORG_PAIRING_ACTION.decline,
  value: pairingRef,
  run: (ctx, { value }) => answerProposal(ctx, value.pairing, false),
});
