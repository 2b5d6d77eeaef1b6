// Who may do what, as data. Commands and card actions name the roles they need; the router
// checks them against the actor's roles in the branch concerned.
import type { Lang } from "./text.ts";

export const ROLE_VALUES = ["MEMBER", "LEADER", "SECRETARY", "AFFAIRS_WORKER", "AID_DELEGATE"] as const;
export type RoleName = (typeof ROLE_VALUES)[number];

export const ROLE_LABEL: Record<RoleName, { zh: string; en: string }> = {
  MEMBER: { zh: "党员", en: "member" },
  LEADER: { zh: "党员领导干部", en: "leader" },
  SECRETARY: { zh: "支部书记", en: "secretary" },
  AFFAIRS_WORKER: { zh: "党务工作者", en: "affairs worker" },
  AID_DELEGATE: { zh: "帮扶审批受托人", en: "aid delegate" },
};

/** 党委 > 党总支 > 党支部: the level of the organisation a role is held in. */
export type OrgLevel = "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH";

export interface RoleGrant {
  orgId: number;
  orgName: string;
  orgKind: OrgLevel;
  role: RoleName;
}

/** A role held in an organisation above branches (a 党委 or 党总支): the committee's views. */
export const aboveBranches = (g: RoleGrant): boolean => g.orgKind !== "BRANCH";

export interface Actor {
  personId: number;
  name: string;
  openId: string;
  /** The language they read the bot in: replies, the card a click returns and its toast are drawn in it. */
  language: Lang;
  grants: readonly RoleGrant[];
}

export function hasRole(actor: Actor, roles: readonly RoleName[], orgId?: number): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && (orgId === undefined || g.orgId === orgId));
}

/** The branches in which the actor holds any of the roles. */
export function orgsWhere(actor: Actor, roles: readonly RoleName[]): number[] {
  return [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgId))];
}
