// People as the visit features need them: finding a member or helper by what a secretary
// types (name, mobile, or "name#1234" for namesakes), secretaries of a branch, and settings.
import { readVisitSettings, type VisitSettings } from "../domain/visit-settings.ts";
import type { Logger } from "../log.ts";
import { ACTIVE_MEMBERSHIP, ALIVE } from "./standing.ts";
import type { Tx } from "./tx.ts";

export interface FoundPerson {
  id: number;
  name: string;
  openId: string | null;
  mobile: string | null;
  orgId: number;
}

export type Lookup = { ok: true; person: FoundPerson } | { ok: false; why: "none" | "many"; candidates: FoundPerson[] };

/**
 * A person holding a role in one of the branches, by "张三", "13800001111" or "张三#1111" (the
 * last digits of the mobile tell namesakes apart). `roles` limits the roles looked at.
 */
export async function findInBranches(tx: Tx, text: string, orgIds: readonly number[], roles: readonly ("MEMBER" | "LEADER" | "SECRETARY")[] = ["MEMBER"]): Promise<Lookup> {
  const q = text.trim();
  const [namePart, tail] = q.split(/[#＃]/) as [string, string | undefined];
  const byMobile = /^\+?\d{6,15}$/.test(q);
  const rows = await tx.membership.findMany({
    where: {
      orgId: { in: [...orgIds] },
      role: { in: [...roles] },
      person: byMobile ? { mobile: { endsWith: q.replace(/^\+?86/, "") } } : { name: namePart.trim() },
    },
    select: { orgId: true, person: { select: { id: true, name: true, larkOpenId: true, mobile: true } } },
    orderBy: [{ personId: "asc" }, { orgId: "asc" }],
  });
  const seen = new Map<number, FoundPerson>();
  for (const r of rows) {
    if (tail && !(r.person.mobile ?? "").endsWith(tail.trim())) continue;
    if (!seen.has(r.person.id)) seen.set(r.person.id, { id: r.person.id, name: r.person.name, openId: r.person.larkOpenId, mobile: r.person.mobile, orgId: r.orgId });
  }
  const found = [...seen.values()];
  if (found.length === 1) return { ok: true, person: found[0]! };
  return { ok: false, why: found.length === 0 ? "none" : "many", candidates: found };
}

/** Anyone on the roster by the same rules, whatever their branch (a leader from the upper organisation may help). */
export async function findAnyone(tx: Tx, text: string): Promise<Lookup> {
  const q = text.trim();
  const [namePart, tail] = q.split(/[#＃]/) as [string, string | undefined];
  const byMobile = /^\+?\d{6,15}$/.test(q);
  const rows = await tx.person.findMany({
    where: byMobile ? { mobile: { endsWith: q.replace(/^\+?86/, "") } } : { name: namePart.trim() },
    select: { id: true, name: true, larkOpenId: true, mobile: true, memberships: { select: { orgId: true }, take: 1, orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
    take: 10,
  });
  const found = rows
    .filter((r) => !tail || (r.mobile ?? "").endsWith(tail.trim()))
    .map((r) => ({ id: r.id, name: r.name, openId: r.larkOpenId, mobile: r.mobile, orgId: r.memberships[0]?.orgId ?? 0 }));
  if (found.length === 1) return { ok: true, person: found[0]! };
  return { ok: false, why: found.length === 0 ? "none" : "many", candidates: found };
}

/** Whether the person is a leader or secretary of some organisation (a 领导干部 may take a leader pairing). */
export async function isLeaderAnywhere(tx: Tx, personId: number): Promise<boolean> {
  return (await tx.membership.count({ where: { personId, role: { in: ["LEADER", "SECRETARY"] } } })) > 0;
}

/** The secretaries of a branch who can be reached in Lark (active, alive: standing.ts). */
export async function secretariesOf(tx: Tx, orgId: number): Promise<{ id: number; name: string; openId: string }[]> {
  const rows = await tx.membership.findMany({
    where: { orgId, role: "SECRETARY", ...ACTIVE_MEMBERSHIP, person: { larkOpenId: { not: null }, ...ALIVE } },
    select: { person: { select: { id: true, name: true, larkOpenId: true } } },
    orderBy: { personId: "asc" },
  });
  return rows.flatMap((r) => (r.person.larkOpenId ? [{ id: r.person.id, name: r.person.name, openId: r.person.larkOpenId }] : []));
}

/** Whom an escalation goes to: the branch's secretaries other than `except`, else the parent organisation's. */
export async function escalationTargets(tx: Tx, orgId: number, except: number): Promise<{ id: number; name: string; openId: string }[]> {
  const own = (await secretariesOf(tx, orgId)).filter((s) => s.id !== except);
  if (own.length > 0) return own;
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { parentId: true } });
  return org?.parentId ? (await secretariesOf(tx, org.parentId)).filter((s) => s.id !== except) : [];
}

/** A branch's visit settings; a malformed settings object is logged and the defaults used. */
export async function visitSettingsOf(tx: Tx, orgId: number, log?: Logger): Promise<{ settings: VisitSettings; orgName: string }> {
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { name: true, settings: true } });
  const { settings, problem } = readVisitSettings(org?.settings);
  if (problem) log?.warn({ orgId, problem }, "visit settings do not parse; using the defaults");
  return { settings, orgName: org?.name ?? "" };
}
