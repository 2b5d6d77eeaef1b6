// Reads what the store already holds about the organisations and people a roster refers to,
// so resolve.ts can check the file against it without touching the database itself.
import type { RosterStore, Snapshot, SnapOrg, SnapPerson } from "./plan.ts";
import type { PersonRow } from "./rows.ts";
import { LEADING_ROLES } from "./vocab.ts";

export async function loadSnapshot(store: RosterStore, people: readonly PersonRow[]): Promise<Snapshot> {
  // All organisations: a branch's tree is small, and checking a new parent for cycles needs it whole.
  const orgs = new Map<string, SnapOrg>((await store.roster.orgTree()).map((o) => [o.code, o]));

  const mobiles = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const r of people) {
    if (r.mobile) mobiles.add(r.mobile);
    if (r.email) emails.add(r.email);
    // Everyone a cell names: the 联系领导, and the 谈心人 and 结对人 of the history columns.
    for (const ref of [r.leader, r.talkLeader, r.pairHelper]) {
      if (ref && "mobile" in ref) mobiles.add(ref.mobile);
      if (ref && "name" in ref) names.add(ref.name);
    }
  }
  const found = await store.roster.peopleMatching({ mobiles: [...mobiles], emails: [...emails], names: [...names] }, [...LEADING_ROLES]);
  const peopleByMobile = new Map<string, SnapPerson>();
  const peopleByEmail = new Map<string, SnapPerson>();
  const peopleByName = new Map<string, SnapPerson[]>();
  for (const person of found) {
    if (person.mobile) peopleByMobile.set(person.mobile, person);
    // Stored e-mails may predate lower-casing; the file's are lower-cased.
    if (person.email) peopleByEmail.set(person.email.toLowerCase(), person);
    if (names.has(person.name)) peopleByName.set(person.name, [...(peopleByName.get(person.name) ?? []), person]);
  }
  return { orgs, peopleByMobile, peopleByEmail, peopleByName };
}
