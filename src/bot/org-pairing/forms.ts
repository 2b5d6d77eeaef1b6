// Card values and form values of the 组织结对 actions, checked at the edge. Texts stay strings
// here; the domain's rules (src/domain/org-pairing.ts) say what is wrong with them.
import { z } from "zod";
import { ORG_PAIRING_KINDS, ORG_PAIRING_LIMITS as L } from "../../domain/org-pairing.ts";
import { requiredDay, requiredText } from "../form-fields.ts";

const id = z.number().int().positive().max(2_147_483_647);
const optional = (what: string, max: number) => z.string({ error: `${what}格式不正确，请重新填写。` }).max(max, `${what}不能超过 ${max} 字。`).optional();

export const orgRef = z.object({ a: z.string(), org: id });
export const pairingRef = z.object({ a: z.string(), pairing: id });
export const pairingOrgRef = z.object({ a: z.string(), pairing: id, org: id });
export const noValue = z.object({ a: z.string() });

export const createForm = z.object({
  partnerOrg: optional("结对组织", 60),
  partnerName: optional("系统外单位名称", L.partnerName),
  kind: z.enum(ORG_PAIRING_KINDS, { error: "请选择结对类型。" }),
  purpose: optional("结对目标", L.purpose),
  startOn: requiredDay("开始日期"),
  ownName: requiredText("我方联系人", L.contactName),
  ownPhone: optional("我方联系电话", L.phone),
  ownDuty: optional("我方联系人职务", L.duty),
  partnerContact: optional("对方联系人", L.contactName),
  partnerPhone: optional("对方联系电话", L.phone),
  partnerDuty: optional("对方联系人职务", L.duty),
});

export const activityForm = z.object({
  pairing: z.string({ error: "请选择结对。" }).regex(/^\d{1,9}$/, "请选择结对。"),
  heldOn: requiredDay("活动日期"),
  content: requiredText("活动内容", L.content),
  participants: optional("参加人数", 7),
});

export const endForm = z.object({ reason: requiredText("结束原因", L.reason) });

/** "" and whitespace are "not given". */
export const given = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);
