// Whom a work-care card goes to: the branch's secretaries reachable in Lark. (The member a
// command names is found by ../member-named.ts.)
import type { Contact } from "../../store/org-contacts.ts";
import type { BaseContext } from "../context.ts";

/** The secretaries of a branch who can be reached in Lark, except `exceptId` (the person concerned). */
export async function reachableSecretaries(ctx: Pick<BaseContext, "store">, orgId: number, exceptId?: number): Promise<(Contact & { openId: string })[]> {
  const all = await ctx.store.orgContacts.secretariesOf([orgId]);
  return all.filter((s): s is Contact & { openId: string } => s.openId !== null && s.personId !== exceptId);
}
