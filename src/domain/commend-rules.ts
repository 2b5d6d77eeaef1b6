// 表彰 (seed part 3(1)): levels and states of a commendation, who nominates and who decides. Pure.
import type { Text } from "./text.ts";
import { hasRole, type Actor, type RoleName } from "./roles.ts";

export const COMMEND_LEVELS = ["BRANCH", "COMMITTEE", "HIGHER"] as const;
export type CommendLevel = (typeof COMMEND_LEVELS)[number];
export const COMMEND_LEVEL_LABEL: Record<CommendLevel, Text> = {
  BRANCH: { zh: "支部级", en: "branch" },
  COMMITTEE: { zh: "党委级", en: "party committee" },
  HIGHER: { zh: "上级党组织", en: "higher organisation" },
};

export type CommendStatus = "PENDING" | "APPROVED" | "DECLINED" | "REVOKED";
export const COMMEND_STATUS_LABEL: Record<CommendStatus, Text> = {
  PENDING: { zh: "待审批", en: "awaiting decision" },
  APPROVED: { zh: "已表彰", en: "commended" },
  DECLINED: { zh: "未通过", en: "declined" },
  REVOKED: { zh: "已撤销", en: "revoked" },
};

/** Any leader of the branch nominates (the secretary is one). */
export const NOMINATOR_ROLES: readonly RoleName[] = ["LEADER", "SECRETARY"];
export const COMMEND_DECIDER_ROLES: readonly RoleName[] = ["SECRETARY"];

export const TITLE_MAX = 50;

/** The branch's secretary decides, never about their own commendation. */
export function mayDecideCommendation(actor: Actor, c: { orgId: number; personId: number }): boolean {
  return actor.personId !== c.personId && hasRole(actor, COMMEND_DECIDER_ROLES, c.orgId);
}
