// A branch's visit settings (festival names, due days, contact rules), read at most once per
// handler however many of its tasks a card lists.
import type { VisitSettings } from "../../domain/visit-settings.ts";
import { memo } from "../../lib/memo.ts";
import type { BaseContext } from "../context.ts";

export function settingsCache(ctx: Pick<BaseContext, "store" | "log">): (orgId: number) => Promise<VisitSettings> {
  return memo(async (orgId: number) => (await ctx.store.visitPeople.visitSettingsOf(orgId, ctx.log)).settings);
}
