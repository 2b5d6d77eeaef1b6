import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { defineAction } from "../../context.ts";
import { entryRef } from "../forms.ts";
import { entryCardOf, requireArchivist, requireEntry } from "../hardship-view.ts";

/** 查看 / 管理 in the 档案 list: the entry with its history and forms. */
export const hardshipView = defineAction({
  id: AID_ACTION.hardshipView,
  value: entryRef,
  async run(ctx, { value }) {
    const entry = await requireEntry(ctx, value.e);
    requireArchivist(ctx.actor, entry.orgId);
    await ctx.audit({ action: "hardship.view", subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId, subjectPersonId: entry.personId });
    return { card: await entryCardOf(ctx, entry) };
  },
});
