// Who keeps the national calendar: a secretary or affairs worker of an organisation at the top
// of the tree (usually the community committee). Any secretary or affairs worker may read it,
// since their branch's reminders follow it; only the top organisation's may change it.
import type { RoleName } from "../../domain/roles.ts";
import { hasRole } from "../../domain/roles.ts";
import type { TopOrg } from "../../store/calendar.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

export const CALENDAR_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];

/** The top organisation whose calendar the actor may edit, or null. */
export async function keeperOrg(ctx: Pick<BaseContext, "store" | "actor">): Promise<TopOrg | null> {
  const tops = await ctx.store.calendar.topOrgs();
  return tops.find((o) => hasRole(ctx.actor, CALENDAR_ROLES, o.id)) ?? null;
}

/** The top organisation the edit is made for (its id goes on the audit line); refuses anyone else. */
export async function mustKeep(ctx: Pick<BaseContext, "store" | "actor">): Promise<TopOrg> {
  const org = await keeperOrg(ctx);
  if (!org) {
    throw new UserError("calendar_not_keeper", {
      zh: "节假日安排由最上级组织（社区党委）的书记或党务工作者录入；您可以查看，不能修改。",
      en: "The holiday schedule is entered by a secretary or affairs worker of the top organisation; you may read it but not change it.",
    });
  }
  return org;
}

/** Reading the calendar: a secretary or affairs worker anywhere. */
export function mustRead(ctx: Pick<BaseContext, "actor">): void {
  if (!hasRole(ctx.actor, CALENDAR_ROLES)) throw notAllowed();
}
