// What the employment handlers share: finding the case a click names, who may act on it, and
// closing it as employed (by the member, or by their leader from the check-in card).
import { SEEKER_HELPER_ROLES } from "../../domain/job-match.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import type { CaseRow } from "../../store/employment.ts";
import type { BaseContext } from "../context.ts";
import { todayOf } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { unknownRecord } from "./texts.ts";
import { written } from "../../store/audit.ts";

export async function requireCase(ctx: Pick<BaseContext, "store">, id: number): Promise<CaseRow> {
  const c = await ctx.store.employment.findCase(id);
  if (!c) throw unknownRecord("求职登记");
  return c;
}

/** The member themself, or a leader, secretary or affairs worker of the case's branch. */
export function requireCaseActor(actor: Actor, c: CaseRow, opts: { memberToo: boolean }): void {
  if (opts.memberToo && actor.personId === c.personId) return;
  if (!hasRole(actor, SEEKER_HELPER_ROLES, c.orgId)) throw notAllowed(["求职登记"]);
}

/**
 * Closes an open case as employed (the member reported a job, or their leader did); false when
 * it was no longer open. Held postings for it are never sent (the weekly card skips closed cases).
 */
export async function closeAsEmployed(ctx: BaseContext, c: CaseRow, outcome: string | null): Promise<boolean> {
  const today = todayOf(ctx);
  if (!(await ctx.store.employment.markEmployed(c.id, { byId: ctx.actor.personId, today, outcome, at: ctx.clock.now() }))) return false;
  await ctx.audit({ action: "employment.case.employed", subjectType: "EmploymentCase", subjectId: c.id, orgId: c.orgId, subjectPersonId: c.personId, changes: { status: ["OPEN", "EMPLOYED"], ...written({ outcome }), personId: c.personId } });
  return true;
}
