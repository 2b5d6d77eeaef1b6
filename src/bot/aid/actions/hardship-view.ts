import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { findEntry } from "../../../store/aid-hardship.ts";
import { entryRef } from "../forms.ts";
import { entryCardOf, requireArchivist } from "../hardship-view.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";

const unknownEntry = () => new UserError("unknown_entry", { zh: "找不到该档案，请刷新后重试。", en: "That entry does not exist; refresh and try again." });

/** 查看 / 管理 in the 档案 list: the entry with its history and forms. */
export const hardshipView = defineAction({
  id: AID_ACTION.hardshipView,
  value: entryRef,
  async run(ctx, { value }) {
    const entry = await findEntry(ctx.tx, value.e);
    if (!entry) throw unknownEntry();
    requireArchivist(ctx.actor, entry.orgId);
    await ctx.audit({ action: "hardship.view", subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId });
    return { card: await entryCardOf(ctx, entry) };
  },
});

export { unknownEntry };
