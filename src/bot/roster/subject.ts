// The member a roster command names ("张三", "张三#1234", a mobile number), looked up among
// everyone who holds or held a role in the branches where the sender is secretary: a member of
// another branch is simply not found there, so nobody records a change outside their branch.
import { orgsWhere } from "../../domain/roles.ts";
import type { ChangeSubject } from "../../store/membership-changes.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

export async function subjectNamed(ctx: BaseContext, who: string, command: string): Promise<ChangeSubject> {
  const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
  if (orgIds.length === 0) throw notAllowed();
  const found = await ctx.store.membershipChanges.subjectNamed(who, orgIds);
  if (found.ok) return found.subject;
  if (found.why === "none") {
    throw new UserError("member_not_found", {
      zh: `在您任书记的支部中找不到党员「${who}」，请核对姓名或手机号。其他支部的党员请由该支部书记办理。`,
      en: `No member "${who}" in the branches where you are secretary; members of other branches are recorded by their own secretary.`,
    });
  }
  const tails = found.candidates.map((c) => `${c.name}#${c.mobileTail ?? "????"}`);
  throw new UserError("member_ambiguous", {
    zh: `有 ${found.candidates.length} 位党员名为「${who}」：${tails.join("、")}。请写明手机尾号，例如「${command} ${tails[0]}」。`,
    en: `${found.candidates.length} members are called "${who}"; add the last mobile digits, e.g. "${command} ${tails[0]}".`,
  });
}
