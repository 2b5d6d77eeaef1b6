import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { entryForm, entryRef } from "../forms.ts";
import { auditDiff } from "../../../store/audit.ts";
import { entryCardOf, entryInput, requireArchivist, requireEntry } from "../hardship-view.ts";

/** The fields whose values the audit may keep; the household's situation is only named as changed. */
const HARDSHIP_PLAIN_FIELDS = ["causes", "level", "nextReviewOn"];

/** 保存 (更新 / 复核): changes an active entry; the history gets the diff. */
export const hardshipUpdate = defineAction({
  id: AID_ACTION.hardshipUpdate,
  value: entryRef,
  form: entryForm,
  async run(ctx, { value, form }) {
    const entry = await requireEntry(ctx, value.e);
    requireArchivist(ctx.actor, entry.orgId);
    const closed = () => new UserError("entry_closed", { zh: "该档案已销档，不能再修改。", en: "This entry is resolved and cannot be changed." });
    if (entry.status !== "ACTIVE") throw closed();
    const input = entryInput(form, todayOf(ctx));
    const diff = await ctx.store.aidHardship.updateEntry(entry, input, { byId: ctx.actor.personId, at: ctx.clock.now() });
    if (diff === null) throw closed();
    if (Object.keys(diff).length > 0) await ctx.audit({ action: "hardship.update", subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId, subjectPersonId: entry.personId, changes: auditDiff(diff, HARDSHIP_PLAIN_FIELDS) });
    const after = await requireEntry(ctx, entry.id);
    return {
      toast: Object.keys(diff).length > 0 ? { type: "success", text: { zh: "档案已更新。", en: "Entry updated." } } : { type: "info", text: { zh: "没有改动。", en: "Nothing changed." } },
      card: await entryCardOf(ctx, after),
    };
  },
});
