// Who a work-care command is about and whom it goes to: a member named in a leader's command
// (with the mobile's last digits for namesakes, as 代为求助 does), and the branch's secretaries.
import type { RoleName } from "../../domain/roles.ts";
import { orgsWhere, type Actor } from "../../domain/roles.ts";
import { membersNamed } from "../../store/aid-people.ts";
import { secretariesOf, type Contact } from "../../store/org-contacts.ts";
import { viaTx } from "../../store/talk-due.ts";
import type { Tx } from "../../store/tx.ts";
import { UserError } from "../errors.ts";

/** "张三 1234" → the one member of the actor's branches (where they hold `roles`) so named. */
export async function memberNamedInArgs(tx: Tx, actor: Actor, args: string, roles: readonly RoleName[], command: string): Promise<{ id: number; name: string; orgId: number; openId: string | null }> {
  const [name, tail] = args.split(/\s+/).filter(Boolean);
  if (!name) throw new UserError("name_missing", { zh: `请写明党员姓名，例如「${command} 张三」。`, en: `Name the member, e.g. "${command} 张三".` });
  const found = (await membersNamed(tx, name, orgsWhere(actor, roles))).filter((p) => !tail || p.mobileTail === tail);
  if (found.length === 0) throw new UserError("member_not_found", { zh: `在您所在支部找不到党员「${name}」${tail ? `（手机尾号 ${tail}）` : ""}，请核对姓名。`, en: `No member called "${name}" in your branch.` });
  const distinct = [...new Map(found.map((p) => [p.id, p])).values()];
  if (distinct.length > 1) {
    const tails = distinct.map((p) => p.mobileTail ?? "?").join("、");
    throw new UserError("member_ambiguous", { zh: `有 ${distinct.length} 位党员名为「${name}」，请加上手机尾号，例如「${command} ${name} ${distinct[0]?.mobileTail ?? "0000"}」（尾号：${tails}）。`, en: `${distinct.length} members are called "${name}"; add the last 4 digits of the mobile (${tails}).` });
  }
  const p = distinct[0]!;
  return { id: p.id, name: p.name, orgId: p.orgId, openId: p.openId };
}

/** The secretaries of a branch who can be reached in Lark, except `exceptId` (the person concerned). */
export async function reachableSecretaries(tx: Tx, orgId: number, exceptId?: number): Promise<(Contact & { openId: string })[]> {
  const all = await secretariesOf(viaTx(tx), [orgId]);
  return all.filter((s): s is Contact & { openId: string } => s.openId !== null && s.personId !== exceptId);
}
