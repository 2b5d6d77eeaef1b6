// 培训支持 (seed 2): what a member may ask for a course the organisation agreed to, and what a
// decision may grant; the topics of branch training for the coverage figures. Pure.
import { checkRequestedAmount, checkText, DESCRIPTION_MAX, NOTE_MAX } from "./aid-rules.ts";
import { parseYuan, yuanText } from "./money.ts";
import { problem, type Parsed } from "./problem.ts";
import type { Text } from "./text.ts";
import { checkChoices, checkDay } from "./work-input.ts";
import { addMonths } from "./calendar-day.ts";
import type { RoleName } from "./roles.ts";

export const TRAINING_ASKS = ["TIME_OFF", "SUBSIDY", "POLICY"] as const;
export type TrainingAsk = (typeof TRAINING_ASKS)[number];
export const ASK_LABEL: Record<TrainingAsk, Text> = {
  TIME_OFF: { zh: "保障学习时间", en: "time off to study" },
  SUBSIDY: { zh: "经费补贴", en: "a subsidy" },
  POLICY: { zh: "政策支持", en: "policy support" },
};

export const TRAINING_TOPICS = ["THEORY", "LAW", "MARKET_ECONOMY", "PRACTICAL_SKILLS", "PARTY_AFFAIRS", "OTHER"] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
export const TOPIC_LABEL: Record<TrainingTopic, Text> = {
  THEORY: { zh: "理论", en: "theory" },
  LAW: { zh: "法律", en: "law" },
  MARKET_ECONOMY: { zh: "市场经济", en: "market economy" },
  PRACTICAL_SKILLS: { zh: "实用技术", en: "practical skills" },
  PARTY_AFFAIRS: { zh: "党务知识", en: "party affairs" },
  OTHER: { zh: "其他", en: "other" },
};

/** Who decides training support: the branch secretary. */
export const TRAINING_DECIDER_ROLES: readonly RoleName[] = ["SECRETARY"];
/** Who records the branch's training sessions and who attended. */
export const TRAINING_RECORD_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];

export const COURSE_MAX = 100;

export interface TrainingInput {
  course: string;
  provider: string;
  startOn: string;
  endOn: string;
  costFen: number | null;
  asks: TrainingAsk[];
  requestedFen: number | null;
  reason: string;
}

const optionalYuan = (raw: unknown, what: Text): Parsed<number | null> =>
  typeof raw !== "string" || raw.trim() === "" ? { ok: true, value: null } : parseYuan(raw, what);

/**
 * The application form, checked as a whole: the first thing to fix is reported. A course may
 * not end before it starts or run longer than three years; a subsidy asked for needs an amount
 * within the cost and the aid ceiling.
 */
export function checkTrainingForm(
  form: { course?: unknown; provider?: unknown; start?: unknown; end?: unknown; cost?: unknown; asks?: unknown; amount?: unknown; reason?: unknown },
  ceilingFen: number,
): Parsed<TrainingInput> {
  const course = checkText(form.course, { zh: "课程名称", en: "course" }, { required: true, max: COURSE_MAX });
  if (!course.ok) return course;
  const provider = checkText(form.provider, { zh: "培训机构", en: "provider" }, { required: true, max: COURSE_MAX });
  if (!provider.ok) return provider;
  const start = checkDay(form.start, { zh: "开始日期", en: "start date" });
  if (!start.ok) return start;
  const end = checkDay(form.end, { zh: "结束日期", en: "end date" });
  if (!end.ok) return end;
  if (end.value < start.value) return { ok: false, problem: problem("dates_order", "结束日期不能早于开始日期。", "The end date cannot be before the start date.") };
  if (end.value > addMonths(start.value, 36)) return { ok: false, problem: problem("dates_long", "培训时间不能超过三年，请核对日期。", "A course cannot run longer than three years; check the dates.") };
  const cost = optionalYuan(form.cost, { zh: "培训费用", en: "cost" });
  if (!cost.ok) return cost;
  const asks = checkChoices(form.asks, TRAINING_ASKS, { zh: "申请事项", en: "kind of support" }, { min: 1 });
  if (!asks.ok) return asks;
  let requestedFen: number | null = null;
  if (asks.value.includes("SUBSIDY")) {
    const amount = parseYuan(form.amount, { zh: "申请补贴金额", en: "subsidy asked" });
    if (!amount.ok) return amount;
    if (cost.value !== null && amount.value > cost.value) {
      return { ok: false, problem: problem("over_cost", `申请补贴不能超过培训费用 ${yuanText(cost.value).zh}。`, `The subsidy cannot exceed the cost of ${yuanText(cost.value).en}.`) };
    }
    const over = checkRequestedAmount(amount.value, ceilingFen);
    if (over) return { ok: false, problem: { ...over, zh: over.zh.replace("申请金额", "申请补贴") } };
    requestedFen = amount.value;
  } else if (typeof form.amount === "string" && form.amount.trim() !== "") {
    return { ok: false, problem: problem("amount_without_subsidy", "填写了补贴金额，请在申请事项中勾选「经费补贴」，或清空金额。", "You gave an amount: tick \"a subsidy\" or clear the amount.") };
  }
  const reason = checkText(form.reason, { zh: "申请理由", en: "reason" }, { required: true, max: DESCRIPTION_MAX });
  if (!reason.ok) return reason;
  return { ok: true, value: { course: course.value, provider: provider.value, startOn: start.value, endOn: end.value, costFen: cost.value, asks: asks.value, requestedFen, reason: reason.value } };
}

export interface TrainingGrant {
  granted: TrainingAsk[];
  subsidyFen: number | null;
  note: string | null;
}

/**
 * What an approval grants: at least one of the things asked, never something not asked; a
 * granted subsidy needs an amount (checked against the fund by the caller).
 */
export function checkGrant(asked: readonly TrainingAsk[], form: { granted?: unknown; amount?: unknown; note?: unknown }): Parsed<TrainingGrant> {
  const granted = checkChoices(form.granted, TRAINING_ASKS, { zh: "同意事项", en: "item to grant" }, { min: 1 });
  if (!granted.ok) return granted;
  const extra = granted.value.find((g) => !asked.includes(g));
  if (extra) return { ok: false, problem: problem("not_asked", `申请人没有申请「${ASK_LABEL[extra].zh}」，不能批准该事项。`, `The member did not ask for ${ASK_LABEL[extra].en}.`) };
  let subsidyFen: number | null = null;
  if (granted.value.includes("SUBSIDY")) {
    const amount = parseYuan(form.amount, { zh: "补贴金额", en: "subsidy" });
    if (!amount.ok) return amount;
    subsidyFen = amount.value;
  }
  const note = checkText(form.note, { zh: "备注", en: "note" }, { required: false, max: NOTE_MAX });
  if (!note.ok) return note;
  return { ok: true, value: { granted: granted.value, subsidyFen, note: note.value || null } };
}
