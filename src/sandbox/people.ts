// The people list of the sandbox page: every Lark user of the double, with what the roster
// says they are, office holders first.
import type { LarkDouble } from "../double/index.ts";
import { ROLE_LABEL, type RoleName } from "../domain/roles.ts";
import type { Stores } from "../store/stores.ts";
import type { PersonSummary } from "./page/protocol.ts";

const ROLE_ORDER = Object.keys(ROLE_LABEL);

export async function peopleOnPage(store: Pick<Stores, "people">, double: LarkDouble): Promise<PersonSummary[]> {
  const users = double.users().filter((u) => !u.resigned);
  const rolesOf = await store.people.rolesByOpenId(users.map((u) => u.open_id));
  const out: PersonSummary[] = users.map((u) => {
    const held = rolesOf.get(u.open_id);
    const roles = [...new Set(held?.map((m) => m.role as RoleName) ?? [])].sort((a, b) => ROLE_ORDER.indexOf(b) - ROLE_ORDER.indexOf(a));
    return {
      openId: u.open_id,
      name: u.name,
      inRoster: held !== undefined,
      roles: roles.map((role) => ({ role, ...ROLE_LABEL[role] })),
      orgs: [...new Set(held?.map((m) => m.orgName) ?? [])],
    };
  });
  // Office holders first, then members, then people the roster does not know.
  const rank = (p: PersonSummary) => (!p.inRoster ? 2 : p.roles.some((x) => x.role !== "MEMBER") ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}
