// Card values and form values of the aid actions, checked at the edge. Lark sends inputs and
// selects as strings (multi-selects as arrays); anything else is a forged or broken form, and the
// message says in Chinese what to fix. Amounts and free text stay strings here: the domain
// parses them so the toast can say exactly what is wrong.
import { z } from "zod";
import { AID_CATEGORIES, AID_URGENCIES, DESCRIPTION_MAX, FUND_SOURCES } from "../../domain/aid-rules.ts";
import { optionalYuan, reasonText, requiredText } from "../form-fields.ts";
import { HARDSHIP_LEVELS } from "../../domain/hardship-rules.ts";

const id = z.number().int().positive().max(2_147_483_647);
const text = (what: string) => z.string({ error: `${what}格式不正确，请重新填写。` }).optional();

export const requestRef = z.object({ a: z.string(), r: id });
export const entryRef = z.object({ a: z.string(), e: id });
export const orgRef = z.object({ a: z.string(), o: id });

export const submitValue = z.object({ a: z.string(), f: id.optional() });
/**
 * The 求助 form: every field is checked here, so one submit says everything to fix at once;
 * the description must say something a decider can weigh (describesNeed).
 */
export const submitForm = z.object({
  category: z.enum(AID_CATEGORIES, { error: "请选择困难类别。" }),
  description: reasonText("情况说明", DESCRIPTION_MAX),
  amount: optionalYuan("申请金额"),
  urgency: z.enum(AID_URGENCIES, { error: "请选择紧急程度。" }).optional(),
});

export const decideForm = z.object({
  amount: text("批准金额"),
  source: z.enum(FUND_SOURCES, { error: "资金来源选项无效，请重新选择。" }).optional(),
  note: text("备注"),
});

export const answerForm = z.object({ answer: requiredText("补充说明", DESCRIPTION_MAX) });

export const incomeForm = z.object({
  source: z.enum(FUND_SOURCES, { error: "请选择资金来源。" }),
  amount: text("金额"),
  payer: text("拨付单位 / 捐赠人"),
  note: text("备注"),
});

export const discloseValue = z.object({ a: z.string(), o: id, y: z.number().int() });

export const entryForm = z.object({
  causes: z.union([z.array(z.string()), z.string()], { error: "困难原因格式不正确，请重新选择。" }).optional(),
  level: z.enum(HARDSHIP_LEVELS, { error: "请选择困难级别。" }),
  household: text("家庭情况"),
  next_review: text("下次复核日期"),
});

export const openEntryValue = z.object({ a: z.string(), p: id, r: id.optional() });
export const resolveForm = z.object({ reason: text("解困原因") });
