// The people side of aid: which branch a member belongs to, who decides in a branch (the
// secretary and the aid delegates 受托人 they name), and finding a member by name for someone
// filing on their behalf.
import type { PersonTag } from "../generated/prisma/enums.ts";
import type { Tx } from "./tx.ts";

export interface AidPerson {
  id: number;
  name: string;
  openId: string | null;
  tags: PersonTag[];
}

export interface Branch {
  orgId: number;
  orgName: string;
}

/** The branch a person is a member of (a 党支部 first, else any organisation they belong to). */
export async function memberBranch(tx: Tx, personId: number): Promise<Branch | null> {
  const rows = await tx.membership.findMany({
    where: { personId },
    select: { orgId: true, role: true, org: { select: { name: true, kind: true } } },
    orderBy: { id: "asc" },
  });
  const rank = (r: (typeof rows)[number]) => (r.role === "MEMBER" ? 0 : 2) + (r.org.kind === "BRANCH" ? 0 : 1);
  const best = rows.sort((a, b) => rank(a) - rank(b))[0];
  return best ? { orgId: best.orgId, orgName: best.org.name } : null;
}

export async function aidPerson(tx: Tx, personId: number): Promise<AidPerson | null> {
  const p = await tx.person.findUnique({ where: { id: personId }, select: { id: true, name: true, larkOpenId: true, tags: true } });
  return p ? { id: p.id, name: p.name, openId: p.larkOpenId, tags: p.tags } : null;
}

/** Members of the given branches called `name` (exact), with the last digits of their mobile to tell namesakes apart. */
export async function membersNamed(tx: Tx, name: string, orgIds: readonly number[]): Promise<(AidPerson & { mobileTail: string | null; orgId: number })[]> {
  const rows = await tx.membership.findMany({
    where: { orgId: { in: [...orgIds] }, role: "MEMBER", person: { name } },
    select: { orgId: true, person: { select: { id: true, name: true, larkOpenId: true, tags: true, mobile: true } } },
    orderBy: { personId: "asc" },
  });
  return rows.map((r) => ({
    id: r.person.id,
    name: r.person.name,
    openId: r.person.larkOpenId,
    tags: r.person.tags,
    mobileTail: r.person.mobile ? r.person.mobile.slice(-4) : null,
    orgId: r.orgId,
  }));
}

export interface Decider {
  id: number;
  name: string;
  openId: string;
}

/** Everyone who decides aid in a branch (secretary, aid delegates) and can be reached in Lark. */
export async function deciders(tx: Tx, orgId: number): Promise<Decider[]> {
  const rows = await tx.membership.findMany({
    where: { orgId, role: { in: ["SECRETARY", "AID_DELEGATE"] }, person: { larkOpenId: { not: null } } },
    select: { person: { select: { id: true, name: true, larkOpenId: true } } },
    orderBy: { personId: "asc" },
  });
  const seen = new Map<number, Decider>();
  for (const r of rows) if (r.person.larkOpenId) seen.set(r.person.id, { id: r.person.id, name: r.person.name, openId: r.person.larkOpenId });
  return [...seen.values()];
}

/** Names the person an aid delegate of the branch; false when they are one already. */
export async function addDelegate(tx: Tx, personId: number, orgId: number): Promise<boolean> {
  const added = await tx.membership.createMany({ data: [{ personId, orgId, role: "AID_DELEGATE" }], skipDuplicates: true });
  return added.count > 0;
}

/** Removes the person as aid delegate of the branch; false when they were none. */
export async function removeDelegate(tx: Tx, personId: number, orgId: number): Promise<boolean> {
  const gone = await tx.membership.deleteMany({ where: { personId, orgId, role: "AID_DELEGATE" } });
  return gone.count > 0;
}

/** The aid delegates of the given branches, in the order they were named. */
export async function delegatesOf(tx: Tx, orgIds: readonly number[]): Promise<{ orgId: number; name: string }[]> {
  const rows = await tx.membership.findMany({ where: { orgId: { in: [...orgIds] }, role: "AID_DELEGATE" }, select: { orgId: true, person: { select: { name: true } } }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ orgId: r.orgId, name: r.person.name }));
}
