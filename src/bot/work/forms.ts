// Card values and form values of the work-care actions, checked at the edge. Inputs stay strings
// (or string arrays for multi-selects) here; the domain checks them so the toast can say what
// to fix. A value that is not even a string is a forged or broken form.
import { z } from "zod";
import { DESCRIPTION_MAX, FUND_SOURCES, NOTE_MAX } from "../../domain/aid-rules.ts";
import { COMMEND_LEVELS, TITLE_MAX } from "../../domain/commend-rules.ts";
import { POSTING_TYPES } from "../../domain/job-match.ts";
import { COURSE_MAX, TRAINING_TOPICS } from "../../domain/training-rules.ts";
import { optionalYuan, reasonText, requiredDay, requiredText } from "../form-fields.ts";

const id = z.number().int().positive().max(2_147_483_647);
const text = (what: string) => z.string({ error: `${what}格式不正确，请重新填写。` }).optional();
const choices = (what: string) => z.union([z.array(z.string()), z.string()], { error: `${what}格式不正确，请重新选择。` }).optional();

export const trainingRef = z.object({ a: z.string(), t: id });
export const caseRef = z.object({ a: z.string(), c: id });
export const commendRef = z.object({ a: z.string(), m: id });
export const orgRef = z.object({ a: z.string(), o: id });
export const personRef = z.object({ a: z.string(), p: id });
export const onBehalfRef = z.object({ a: z.string(), f: id.optional() });
export const questionRef = z.object({ a: z.string(), q: id, n: z.number().int().min(1).max(100_000) });

/** Every field checked at once (required ones, amounts, a reason with real content); the dates' order and the subsidy's rules after (training-rules.ts). */
export const trainingForm = z.object({
  course: requiredText("课程名称", COURSE_MAX),
  provider: requiredText("培训机构", COURSE_MAX),
  start: requiredDay("开始日期"),
  end: requiredDay("结束日期"),
  cost: optionalYuan("培训费用"),
  asks: choices("申请事项"),
  amount: optionalYuan("申请补贴金额"),
  reason: reasonText("申请理由", DESCRIPTION_MAX),
});

export const trainingDecideForm = z.object({
  granted: choices("同意事项"),
  amount: text("补贴金额"),
  source: z.enum(FUND_SOURCES, { error: "资金来源选项无效，请重新选择。" }).optional(),
  note: text("备注"),
});

export const trainingRecordForm = z.object({
  topic: z.enum(TRAINING_TOPICS, { error: "请选择培训类别。" }),
  held_on: text("培训日期"),
  title: text("培训名称"),
  hours: text("学时"),
  attendees: choices("参加人员"),
});

export const jobSeekForm = z.object({ skills: requiredText("技能特长", NOTE_MAX), kinds: choices("意向岗位类别"), area: text("意向工作地点"), wishes: text("其他意愿") });

export const jobPostForm = z.object({
  type: z.enum(POSTING_TYPES, { error: "请选择信息类型。" }),
  title: requiredText("标题", 100),
  employer: text("用人单位"),
  area: text("工作地点"),
  kinds: choices("岗位类别"),
  pay: text("待遇"),
  contact: text("联系方式"),
  details: requiredText("详细说明", DESCRIPTION_MAX),
});

export const noteForm = z.object({ note: text("说明") });

export const commendForm = z.object({ title: requiredText("表彰名称", TITLE_MAX), level: z.enum(COMMEND_LEVELS, { error: "请选择表彰级别。" }), deeds: requiredText("主要事迹", DESCRIPTION_MAX) });
export const commendDecideForm = z.object({
  level: z.enum(COMMEND_LEVELS, { error: "表彰级别选项无效，请重新选择。" }).optional(),
  awarded_on: text("表彰日期"),
  note: text("备注"),
});
export const revokeForm = z.object({ reason: text("撤销理由") });

export const answerForm = z.object({ answer: text("回复") });
export const followUpForm = z.object({ text: text("追问") });
