// 结对帮扶: a department (部门挂钩), a leader (领导干部联系) or a member (党员结对) linked with a
// member in difficulty for a period. Ending a pairing sets its end date; the row stays.
import type { Problem } from "./problem.ts";

export const HELPER_KINDS = ["DEPARTMENT", "LEADER", "MEMBER"] as const;
export type HelperKind = (typeof HELPER_KINDS)[number];

export const HELPER_KIND_LABEL: Record<HelperKind, { zh: string; en: string }> = {
  DEPARTMENT: { zh: "部门挂钩", en: "department link" },
  LEADER: { zh: "领导干部联系", en: "leader contact" },
  MEMBER: { zh: "党员结对", en: "member pairing" },
};

export interface PairingSpan {
  startOn: string;
  endOn: string | null;
}

export function isActivePairing(p: PairingSpan, today: string): boolean {
  return p.startOn <= today && (p.endOn === null || p.endOn >= today);
}

export interface PairingDraft {
  kind: HelperKind;
  memberId: number;
  helperPersonId: number | null;
  departmentName: string | null;
  startOn: string;
  endOn: string | null;
}


/** What is wrong with a new pairing, in words for the secretary; null when it can be saved. */
export function pairingProblem(d: PairingDraft): Problem | null {
  if (d.kind === "DEPARTMENT" && !d.departmentName) {
    return { code: "department_missing", zh: "部门挂钩须填写部门名称。", en: "A department link needs the department's name." };
  }
  if (d.kind !== "DEPARTMENT" && d.helperPersonId === null) {
    return { code: "helper_missing", zh: "请填写帮扶人（姓名或手机号）。", en: "Please name the helper (name or mobile)." };
  }
  if (d.helperPersonId !== null && d.helperPersonId === d.memberId) {
    return { code: "helper_is_member", zh: "帮扶人不能是被帮扶党员本人。", en: "The helper cannot be the member themselves." };
  }
  if (d.endOn !== null && d.endOn < d.startOn) {
    return { code: "end_before_start", zh: "结束日期不能早于开始日期。", en: "The end date cannot be before the start date." };
  }
  return null;
}
