// Reads what the store already holds about the organisations and people a roster refers to,
// so resolve.ts can check the file against it without touching the database itself.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Snapshot, SnapOrg, SnapPerson } from "./resolve.ts";
import type { PersonRow } from "./rows.ts";
import { LEADING_ROLES } from "./vocab.ts";

export async function loadSnapshot(tx: Prisma.TransactionClient, people: readonly PersonRow[]): Promise<Snapshot> {
  // All organisations: a branch's tree is small, and checking a new parent for cycles needs it whole.
  const orgRows = await tx.organization.findMany({
    select: { id: true, code: true, name: true, kind: true, parent: { select: { code: true } } },
  });
  const orgs = new Map<string, SnapOrg>(
    orgRows.map((o) => [o.code, { id: o.id, code: o.code, name: o.name, kind: o.kind, parentCode: o.parent?.code ?? null }]),
  );

  const mobiles = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const r of people) {
    if (r.mobile) mobiles.add(r.mobile);
    if (r.email) emails.add(r.email);
    if (r.leader && "mobile" in r.leader) mobiles.add(r.leader.mobile);
    if (r.leader && "name" in r.leader) names.add(r.leader.name);
  }
  const found = await tx.person.findMany({
    where: { OR: [{ mobile: { in: [...mobiles] } }, { email: { in: [...emails], mode: "insensitive" } }, { name: { in: [...names] } }] },
    select: {
      id: true,
      name: true,
      mobile: true,
      email: true,
      memberships: { where: { role: { in: [...LEADING_ROLES] } }, select: { role: true }, take: 1 },
    },
  });
  const peopleByMobile = new Map<string, SnapPerson>();
  const peopleByEmail = new Map<string, SnapPerson>();
  const peopleByName = new Map<string, SnapPerson[]>();
  for (const p of found) {
    const person: SnapPerson = { id: p.id, name: p.name, mobile: p.mobile, email: p.email, leading: p.memberships.length > 0 };
    if (p.mobile) peopleByMobile.set(p.mobile, person);
    // Stored e-mails may predate lower-casing; the file's are lower-cased.
    if (p.email) peopleByEmail.set(p.email.toLowerCase(), person);
    if (names.has(p.name)) peopleByName.set(p.name, [...(peopleByName.get(p.name) ?? []), person]);
  }
  return { orgs, peopleByMobile, peopleByEmail, peopleByName };
}
