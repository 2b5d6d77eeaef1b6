import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { badActionText } from "../../texts.ts";
import { loadRequest } from "../approval.ts";
import { approvalCardOf } from "../approval-view.ts";
import { unknownPerson } from "../errors.ts";
import { entryForm, openEntryValue } from "../forms.ts";
import { entryCardOf, entryInput, requireArchivist } from "../hardship-view.ts";
import { written } from "../../../store/audit.ts";

/** 建档: opens the member's hardship entry (at most one active), from a request or directly. */
export const hardshipOpen = defineAction({
  id: AID_ACTION.hardshipOpen,
  value: openEntryValue,
  form: entryForm,
  async run(ctx, { value, form }) {
    const { store } = ctx;
    const person = await store.aidPeople.aidPerson(value.p);
    const branch = person ? await store.aidPeople.memberBranch(person.id) : null;
    if (!person || !branch) throw unknownPerson();
    requireArchivist(ctx.actor, branch.orgId);
    const req = value.r !== undefined ? await store.aidRequests.findRequest(value.r) : null;
    // A request id that does not belong to this member is a forged or mixed-up card.
    if (value.r !== undefined && (!req || req.personId !== person.id || req.orgId !== branch.orgId)) throw new UserError("bad_value", badActionText);
    const input = entryInput(form, todayOf(ctx));
    const entry = await store.aidHardship.openEntry({ orgId: branch.orgId, personId: person.id, ...input, openedFromRequestId: req?.id ?? null, byId: ctx.actor.personId, at: ctx.clock.now() });
    if (!entry) throw new UserError("entry_exists", { zh: `${person.name}已有在档的困难档案，请发送「档案 ${person.name}」查看或更新。`, en: `${person.name} already has an active entry; send "档案 ${person.name}".` });
    await ctx.audit({ action: "hardship.open", subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId, subjectPersonId: person.id, changes: { personId: person.id, causes: input.causes, level: input.level, nextReviewOn: input.nextReviewOn, ...written({ household: input.household }), openedFromRequestId: req?.id ?? null } });
    if (req) {
      // The request's approval cards show the archive status: redraw them.
      const rc = await loadRequest(ctx, req.id);
      await refreshCopies(ctx, rc.copies, approvalCardOf(rc, ctx), undefined);
    }
    return { toast: { type: "success", text: { zh: `已为${person.name}建立困难档案。`, en: `Opened an entry for ${person.name}.` } }, card: await entryCardOf(ctx, entry) };
  },
});
