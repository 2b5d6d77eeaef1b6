import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { requireRequest } from "../approval.ts";
import { unknownPerson } from "../errors.ts";
import { requestRef } from "../forms.ts";
import { openFormOf, requireArchivist } from "../hardship-view.ts";

/** 为该党员建立困难档案 (on an approved request's card): sends the secretary the form, filled from the request. */
export const hardshipForm = defineAction({
  id: AID_ACTION.hardshipForm,
  value: requestRef,
  async run(ctx, { value }) {
    const req = await requireRequest(ctx, value.r);
    requireArchivist(ctx.actor, req.orgId);
    if (req.status !== "APPROVED") throw new UserError("not_approved", { zh: "只有已批准的申请可以直接建档；也可发送「档案 姓名」建档。", en: "Only approved requests open an entry here; or send \"档案 <name>\"." });
    const active = await ctx.store.aidHardship.entryOf(req.personId);
    if (active?.status === "ACTIVE") return { toast: { type: "info", text: { zh: "该党员已有在档的困难档案，发送「档案」查看。", en: "This member already has an active entry; send \"档案\"." } } };
    const person = await ctx.store.aidPeople.aidPerson(req.personId);
    if (!person) throw unknownPerson();
    await ctx.audit({ action: "hardship.form", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: person.id, changes: { personId: person.id } });
    ctx.send({ openId: ctx.actor.openId }, { card: openFormOf(ctx, person, req) }, `hardship-form-${req.id}-${ctx.actor.personId}-${ctx.inbound.key}`);
    return { toast: { type: "success", text: { zh: "建档表单已发送，请在新卡片中填写。", en: "The form was sent in a new card." } } };
  },
});
