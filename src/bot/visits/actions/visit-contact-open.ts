import { contactFormCard } from "../../../../cards/visit-contact.ts";
import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { defineAction, todayOf } from "../../context.ts";
import { contactRef } from "../forms.ts";
import { contactTarget } from "../access.ts";

/** 记录联系: the contact form for a paired or mobile member, in place of the clicked card. */
export const visitContactOpen = defineAction({
  id: VISIT_ACTION.contactOpen,
  value: contactRef,
  async run(ctx, { value }) {
    const t = await contactTarget(ctx, value);
    return {
      card: contactFormCard({ memberId: t.memberId, memberName: t.memberName, kind: t.kind, ...(t.pairingId ? { pairingId: t.pairingId } : {}), detail: t.detail, today: todayOf(ctx) }),
    };
  },
});
