// The member a command names ("代为求助 张三", "受托人 张三 1234", "求职登记 张三"): looked up in
// the branches where the sender holds the command's roles, with the mobile's last four digits
// to tell namesakes apart. Every way of not finding exactly one is a UserError saying what to type.
import type { Text } from "../../cards/kit.ts";
import { orgsWhere, type Actor, type RoleName } from "../domain/roles.ts";
import type { Stores } from "../store/stores.ts";
import { UserError } from "./errors.ts";

export interface NamedMember {
  id: number;
  name: string;
  orgId: number;
  openId: string | null;
}

/**
 * "张三 1234" → the one member so named. `command` is the command word, for the examples;
 * `notSelf` leaves the sender out (nobody files for, or delegates to, themselves), with
 * `selfHint` added to the not-found answer to say what to do instead.
 */
export async function memberNamedInArgs(
  store: Pick<Stores, "aidPeople">,
  actor: Actor,
  args: string,
  roles: readonly RoleName[],
  command: string,
  opts: { notSelf?: boolean; selfHint?: Text } = {},
): Promise<NamedMember> {
  const [name, tail] = args.split(/\s+/).filter(Boolean);
  if (!name) throw new UserError("name_missing", { zh: `请写明党员姓名，例如「${command} 张三」。`, en: `Name the member, e.g. "${command} 张三".` });
  const found = (await store.aidPeople.membersNamed(name, orgsWhere(actor, roles))).filter((p) => (!tail || p.mobileTail === tail) && !(opts.notSelf && p.id === actor.personId));
  if (found.length === 0) {
    throw new UserError("member_not_found", {
      zh: `在您所在支部找不到党员「${name}」${tail ? `（手机尾号 ${tail}）` : ""}，请核对姓名。${opts.selfHint?.zh ?? ""}`,
      en: `No member called "${name}" in your branch.${opts.selfHint ? ` ${opts.selfHint.en}` : ""}`,
    });
  }
  const distinct = [...new Map(found.map((p) => [p.id, p])).values()];
  if (distinct.length > 1) {
    const tails = distinct.map((p) => p.mobileTail ?? "?").join("、");
    throw new UserError("member_ambiguous", {
      zh: `有 ${distinct.length} 位党员名为「${name}」，请加上手机尾号，例如「${command} ${name} ${distinct[0]?.mobileTail ?? "0000"}」（尾号：${tails}）。`,
      en: `${distinct.length} members are called "${name}"; add the last 4 digits of the mobile (${tails}).`,
    });
  }
  const p = distinct[0]!;
  return { id: p.id, name: p.name, orgId: p.orgId, openId: p.openId };
}
