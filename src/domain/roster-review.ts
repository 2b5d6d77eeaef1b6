// A roster re-import's removals, waiting for the secretary (issue 13, point 1). The file states
// who is in the organisations it covers; whoever the store holds there and the file no longer
// lists is reported, as is a role the file no longer gives and a member the file now lists in
// another branch. Nothing is removed on import: the branch secretary confirms in chat, and only
// then do the memberships end (never deleted). Pure rules: what to propose, and how to say it.
import { z } from "zod";
import type { Text } from "./text.ts";

export type ReviewRole = "MEMBER" | "LEADER" | "SECRETARY" | "AFFAIRS_WORKER" | "AID_DELEGATE";

const ROLE_WORD: Record<ReviewRole, Text> = {
  MEMBER: { zh: "党员", en: "member" },
  LEADER: { zh: "党员领导干部", en: "leader" },
  SECRETARY: { zh: "支部书记", en: "secretary" },
  AFFAIRS_WORKER: { zh: "党务工作者", en: "affairs worker" },
  AID_DELEGATE: { zh: "帮扶审批受托人", en: "aid delegate" },
};
const ROLE_ORDER: readonly ReviewRole[] = ["MEMBER", "LEADER", "SECRETARY", "AFFAIRS_WORKER", "AID_DELEGATE"];

/**
 * One proposed removal in one organisation:
 * - missing: the file covers the organisation and does not list the person: every role ends;
 * - moved: the file lists the person as a member of another branch: every role here ends and
 *   what they bring moves with them (a transfer inside the system);
 * - roles: the person stays, but the file no longer gives them these roles.
 */
export const reviewItemSchema = z.object({
  kind: z.enum(["missing", "moved", "roles"]),
  personId: z.number().int(),
  name: z.string(),
  mobile: z.string().nullable(),
  roles: z.array(z.enum(["MEMBER", "LEADER", "SECRETARY", "AFFAIRS_WORKER", "AID_DELEGATE"])),
  membershipIds: z.array(z.number().int()),
  toOrgId: z.number().int().nullable(),
  toOrgName: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** What a RosterReview's `plan` holds. */
export const reviewPlanSchema = z.object({
  file: z.string(),
  importedOn: z.string(),
  items: z.array(reviewItemSchema),
});
export type ReviewPlan = z.infer<typeof reviewPlanSchema>;

/** A membership the store holds (ACTIVE or SUSPENDED: ENDED ones are history already). */
export interface HeldMembership {
  readonly id: number;
  readonly personId: number;
  readonly name: string;
  readonly mobile: string | null;
  readonly orgId: number;
  readonly orgIsBranch: boolean;
  readonly role: ReviewRole;
}

/** Where the file lists each person: organisation ids, and which of them are 党支部 listing them as 党员. */
export interface Listed {
  readonly orgIds: ReadonlySet<number>;
  readonly memberOfBranch: { readonly id: number; readonly name: string } | null;
}

export interface RoleRemoval {
  readonly personId: number;
  readonly orgId: number;
  readonly memberships: readonly { readonly id: number; readonly role: ReviewRole }[];
}

const sortRoles = (roles: readonly ReviewRole[]) => [...new Set(roles)].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));

/**
 * The removals to propose, by organisation. `covered` are the organisations the file lists
 * people for; `held` the store's memberships in them and of the people in the file;
 * `roleRemovals` the roles the file no longer gives people it still lists.
 */
export function proposeRemovals(q: {
  covered: ReadonlySet<number>;
  held: readonly HeldMembership[];
  listed: ReadonlyMap<number, Listed>;
  roleRemovals: readonly RoleRemoval[];
  names: ReadonlyMap<number, { name: string; mobile: string | null }>;
}): Map<number, ReviewItem[]> {
  const gone = new Map<string, HeldMembership[]>();
  for (const m of q.held) {
    const where = q.listed.get(m.personId);
    if (where?.orgIds.has(m.orgId)) continue;
    const elsewhere = where?.memberOfBranch && where.memberOfBranch.id !== m.orgId ? where.memberOfBranch : null;
    // Outside the organisations the file covers, only a member now listed in another branch is
    // proposed (a re-import adds the new branch; the old one must let them go). Roles held in a
    // committee beside a branch membership are left alone.
    if (!q.covered.has(m.orgId) && !(elsewhere && m.orgIsBranch && q.held.some((x) => x.personId === m.personId && x.orgId === m.orgId && x.role === "MEMBER"))) continue;
    const key = `${m.orgId}:${m.personId}`;
    gone.set(key, [...(gone.get(key) ?? []), m]);
  }
  const out = new Map<number, ReviewItem[]>();
  const add = (orgId: number, item: ReviewItem) => out.set(orgId, [...(out.get(orgId) ?? []), item]);
  for (const ms of gone.values()) {
    const m = ms[0]!;
    const to = q.listed.get(m.personId)?.memberOfBranch;
    const moved = to && to.id !== m.orgId && m.orgIsBranch ? to : null;
    add(m.orgId, {
      kind: moved ? "moved" : "missing",
      personId: m.personId,
      name: m.name,
      mobile: m.mobile,
      roles: sortRoles(ms.map((x) => x.role)),
      membershipIds: ms.map((x) => x.id).sort((a, b) => a - b),
      toOrgId: moved?.id ?? null,
      toOrgName: moved?.name ?? null,
    });
  }
  for (const r of q.roleRemovals) {
    if (r.memberships.length === 0) continue;
    const who = q.names.get(r.personId);
    add(r.orgId, {
      kind: "roles",
      personId: r.personId,
      name: who?.name ?? "",
      mobile: who?.mobile ?? null,
      roles: sortRoles(r.memberships.map((m) => m.role)),
      membershipIds: r.memberships.map((m) => m.id).sort((a, b) => a - b),
      toOrgId: null,
      toOrgName: null,
    });
  }
  for (const items of out.values()) items.sort((a, b) => a.kind.localeCompare(b.kind) || a.personId - b.personId);
  return out;
}

export const rolesText = (roles: readonly ReviewRole[]): Text => ({
  zh: roles.map((r) => ROLE_WORD[r].zh).join("、"),
  en: roles.map((r) => ROLE_WORD[r].en).join(", "),
});

/** One line per item, as the card and the import's report say it. */
export function itemText(i: ReviewItem): Text {
  const who = `${i.name}${i.mobile ? `（${i.mobile}）` : ""}`;
  const whoEn = `${i.name}${i.mobile ? ` (${i.mobile})` : ""}`;
  const roles = rolesText(i.roles);
  if (i.kind === "moved") {
    return { zh: `${who}：名册列在「${i.toOrgName}」，将转出本组织（${roles.zh}）`, en: `${whoEn}: listed in ${i.toOrgName}; leaves here (${roles.en})` };
  }
  if (i.kind === "missing") return { zh: `${who}：名册中没有此人，将移出本组织（${roles.zh}）`, en: `${whoEn}: not in the roster; leaves (${roles.en})` };
  return { zh: `${who}：名册不再列出其「${roles.zh}」角色，将取消该角色`, en: `${whoEn}: no longer ${roles.en} in the roster; the role ends` };
}

/** The reason written on what a confirmed removal ends or closes. */
export const ROSTER_REMOVAL_REASON = "名册移除";
