// Who talks with whom: every member's responsible leader (from the roster, or set by the
// branch secretary). A leader must hold LEADER or SECRETARY in the member's branch.
import type { Tx } from "./tx.ts";

export interface AssignView {
  members: { id: number; name: string; leaderName: string | null }[];
  leaders: { id: number; name: string; count: number }[];
}

export async function assignView(tx: Tx, orgIds: number[]): Promise<AssignView> {
  const members = await tx.membership.findMany({
    where: { orgId: { in: orgIds }, role: "MEMBER" },
    select: { person: { select: { id: true, name: true, responsibleLeader: { select: { name: true } } } } },
    orderBy: { personId: "asc" },
  });
  const leaders = await tx.membership.findMany({
    where: { orgId: { in: orgIds }, role: { in: ["LEADER", "SECRETARY"] } },
    select: { person: { select: { id: true, name: true, _count: { select: { responsibleFor: true } } } } },
    orderBy: { personId: "asc" },
  });
  const once = <T extends { person: { id: number } }>(rows: T[]) => {
    const seen = new Set<number>();
    return rows.filter((r) => !seen.has(r.person.id) && seen.add(r.person.id));
  };
  return {
    members: once(members).map((m) => ({ id: m.person.id, name: m.person.name, leaderName: m.person.responsibleLeader?.name ?? null })),
    leaders: once(leaders).map((l) => ({ id: l.person.id, name: l.person.name, count: l.person._count.responsibleFor })),
  };
}

/** The branch (among orgIds) where `memberId` is a member and `leaderId` a leader or secretary; null if none. */
export async function sharedBranch(tx: Tx, orgIds: number[], memberId: number, leaderId: number): Promise<number | null> {
  const rows = await tx.membership.findMany({
    where: { orgId: { in: orgIds }, OR: [{ personId: memberId, role: "MEMBER" }, { personId: leaderId, role: { in: ["LEADER", "SECRETARY"] } }] },
    select: { orgId: true, personId: true, role: true },
    orderBy: { orgId: "asc" },
  });
  const memberOrgs = new Set(rows.filter((r) => r.personId === memberId && r.role === "MEMBER").map((r) => r.orgId));
  return rows.find((r) => r.personId === leaderId && r.role !== "MEMBER" && memberOrgs.has(r.orgId))?.orgId ?? null;
}

/** The member's name and current responsible leader (id and name, null when none); null when there is no such person. */
export async function responsibleLeaderOf(tx: Tx, memberId: number): Promise<{ memberName: string; leaderId: number | null; leaderName: string | null } | null> {
  const p = await tx.person.findUnique({ where: { id: memberId }, select: { name: true, responsibleLeaderId: true, responsibleLeader: { select: { name: true } } } });
  return p ? { memberName: p.name, leaderId: p.responsibleLeaderId, leaderName: p.responsibleLeader?.name ?? null } : null;
}

export async function setResponsibleLeader(tx: Tx, memberId: number, leaderId: number): Promise<void> {
  await tx.person.update({ where: { id: memberId }, data: { responsibleLeaderId: leaderId } });
}
