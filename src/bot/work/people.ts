// Whom a work-care card goes to: the branch's secretaries reachable in Lark. (The member a
// command names is found by ../member-named.ts.)
import { secretariesOf, type Contact } from "../../store/org-contacts.ts";
import { viaTx } from "../../store/rows.ts";
import type { Tx } from "../../store/tx.ts";

/** The secretaries of a branch who can be reached in Lark, except `exceptId` (the person concerned). */
export async function reachableSecretaries(tx: Tx, orgId: number, exceptId?: number): Promise<(Contact & { openId: string })[]> {
  const all = await secretariesOf(viaTx(tx), [orgId]);
  return all.filter((s): s is Contact & { openId: string } => s.openId !== null && s.personId !== exceptId);
}
