import { ORG_PAIRING_ACTION } from "../../../../cards/org-pairing.ts";
import { defineAction } from "../../context.ts";
import { answerProposal } from "../answer.ts";
import { pairingRef } from "../forms.ts";

/** 同意结对: a secretary of the partner organisation accepts a pairing proposed across committees. */
export const orgPairingAccept = defineAction({
  id: ORG_PAIRING_ACTION.accept,
  value: pairingRef,
  run: (ctx, { value }) => answerProposal(ctx, value.pairing, true),
});
