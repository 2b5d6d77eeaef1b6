// Card values and form values of the visit actions, checked at the edge. Lark sends inputs,
// selects and date pickers as strings; dates and amounts stay strings here and are parsed by
// the handlers, so the toast can say exactly what to fix.
import { z } from "zod";
import { FUND_SOURCES } from "../../domain/aid-rules.ts";
import { CONTACT_HOW, VISIT_HOW } from "../../domain/visit-contact.ts";
import { HELPER_KINDS } from "../../domain/pairing.ts";

const id = z.number().int().positive().max(2_147_483_647);
const text = (what: string, max: number) => z.string({ error: `${what}格式不正确，请重新填写。` }).max(max, `${what}不能超过 ${max} 字。`).optional();

export const taskRef = z.object({ a: z.string(), task: id });
export const noValue = z.object({ a: z.string() });
export const orgRef = z.object({ a: z.string(), org: id });
export const pairingRef = z.object({ a: z.string(), pairing: id });
export const contactRef = z.object({ a: z.string(), member: id, kind: z.enum(["PAIRING", "MOBILE"]), pairing: id.optional() });

export const completeForm = z.object({
  visitedOn: z.string({ error: "请选择走访日期。" }).min(1, "请选择走访日期。"),
  how: z.enum(VISIT_HOW, { error: "请选择走访方式（上门、电话或视频）。" }),
  amount: text("慰问金", 20),
  source: z.enum(FUND_SOURCES, { error: "资金来源选项无效，请重新选择。" }).optional(),
  goods: text("慰问品", 200),
  notes: text("走访情况", 1000),
});

export const pairingForm = z.object({
  member: z.string({ error: "请填写被帮扶党员。" }).trim().min(1, "请填写被帮扶党员（姓名或手机号）。").max(40, "被帮扶党员填写过长。"),
  kind: z.enum(HELPER_KINDS, { error: "请选择结对方式。" }),
  helper: text("帮扶人", 40),
  department: text("挂钩部门", 60),
  startOn: z.string({ error: "请选择开始日期。" }).min(1, "请选择开始日期。"),
  endOn: text("结束日期", 40),
});

export const contactForm = z.object({
  at: z.string({ error: "请选择联系日期。" }).min(1, "请选择联系日期。"),
  how: z.enum(CONTACT_HOW, { error: "请选择联系方式。" }),
  note: text("联系情况", 1000),
});

/** "" and whitespace are "not given". */
export const given = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);
