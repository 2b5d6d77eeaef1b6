import { pairingEndedLine } from "../../../../cards/visit-pairing.ts";
import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { hasRole } from "../../../domain/roles.ts";
import { addDays } from "../../../domain/calendar-day.ts";
import { defineAction, todayOf } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { pairingRef } from "../forms.ts";
import { pairingView } from "../views.ts";

/** 结束结对: the pairing stops today (its end date becomes yesterday); the row and its contacts stay. */
export const visitPairingEnd = defineAction({
  id: VISIT_ACTION.pairingEnd,
  value: pairingRef,
  async run(ctx, { value }) {
    const p = await ctx.store.visitPairing.loadPairing(value.pairing);
    if (!p) throw new UserError("unknown_pairing", { zh: "找不到该结对，请发送「结对」刷新。", en: "That pairing does not exist; send “pairing” to refresh." });
    if (!hasRole(ctx.actor, ["SECRETARY"], p.orgId)) throw notAllowed();
    const day = todayOf(ctx);
    const endOn = addDays(day, -1);
    if (!(await ctx.store.visitPairing.endPairing(p.id, day, endOn, `ended by ${ctx.actor.name}`))) {
      return { toast: { type: "info", text: { zh: "该结对已结束。", en: "This pairing has already ended." } }, card: await pairingView(ctx, p.orgId) };
    }
    await ctx.audit({ action: "pairing.end", subjectType: "Pairing", subjectId: p.id, orgId: p.orgId, subjectPersonId: p.memberId, changes: { endOn: [p.endOn, endOn] } });
    const helper = [p.departmentName, p.helperName].filter(Boolean).join(" · ");
    return { toast: { type: "success", text: { zh: "已结束结对。", en: "Pairing ended." } }, card: await pairingView(ctx, p.orgId, pairingEndedLine({ memberName: p.memberName, helper })) };
  },
});
