import { contactDoneCard } from "../../../../cards/visit-contact.ts";
import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { parseDay } from "../../../domain/calendar-day.ts";
import { CONTACT_HOW_LABEL } from "../../../domain/visit-contact.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { contactForm, contactRef, given } from "../forms.ts";
import { contactTarget } from "../access.ts";
import { written } from "../../../store/audit.ts";

/** Logs a contact with a paired member (PAIRING) or a mobile member (MOBILE). */
export const visitContactSave = defineAction({
  id: VISIT_ACTION.contactSave,
  value: contactRef,
  form: contactForm,
  async run(ctx, { value, form }) {
    const t = await contactTarget(ctx, value);
    const on = parseDay(form.at);
    if (!on) throw new UserError("bad_date", { zh: "联系日期格式不正确，请重新选择。", en: "The date is not a date; pick it again." });
    if (on > todayOf(ctx)) throw new UserError("future_date", { zh: "联系日期不能晚于今天。", en: "The date cannot be in the future." });
    const note = given(form.note);
    const id = await ctx.store.visitContacts.logContact({ orgId: t.orgId, memberId: t.memberId, byId: ctx.actor.personId, kind: t.kind, pairingId: t.pairingId, on, how: form.how, note });
    await ctx.audit({ action: "contact.log", subjectType: "ContactLog", subjectId: id, orgId: t.orgId, subjectPersonId: t.memberId, changes: { memberId: t.memberId, kind: t.kind, pairingId: t.pairingId, on, how: form.how, ...written({ note }) } });
    return {
      toast: { type: "success", text: { zh: "已记录联系。", en: "Contact logged." } },
      card: contactDoneCard({ memberName: t.memberName, at: on, how: CONTACT_HOW_LABEL[form.how], note, today: todayOf(ctx) }),
    };
  },
});
