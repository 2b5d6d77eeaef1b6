import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { checkText, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { defineAction } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { entryRef, resolveForm } from "../forms.ts";
import { entryCardOf, requireArchivist, requireEntry } from "../hardship-view.ts";
import { written } from "../../../store/audit.ts";

/** 标记为已解困: closes the entry (its history stays), with the reason. */
export const hardshipResolve = defineAction({
  id: AID_ACTION.hardshipResolve,
  value: entryRef,
  form: resolveForm,
  async run(ctx, { value, form }) {
    const entry = await requireEntry(ctx, value.e);
    requireArchivist(ctx.actor, entry.orgId);
    const reason = must(checkText(form.reason, { zh: "解困原因", en: "reason" }, { required: true, max: NOTE_MAX }));
    if (!(await ctx.store.aidHardship.resolveEntry(entry, { byId: ctx.actor.personId, reason, at: ctx.clock.now() }))) {
      throw new UserError("entry_closed", { zh: "该档案已销档。", en: "This entry is already resolved." });
    }
    await ctx.audit({ action: "hardship.resolve", subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId, subjectPersonId: entry.personId, changes: { status: ["ACTIVE", "RESOLVED"], ...written({ reason }) } });
    const after = await requireEntry(ctx, entry.id);
    return { toast: { type: "success", text: { zh: "已标记为已解困。", en: "Marked resolved." } }, card: await entryCardOf(ctx, after) };
  },
});
