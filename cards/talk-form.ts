// The form a leader fills in after a talk: when, how, what was learned about the member's
// thinking, work and life, concerns raised, and up to two follow-ups with due dates.
import { type Day } from "../src/domain/calendar-day.ts";
import { dateWords, dueWords } from "../src/domain/date-words.ts";
import { multiSelect } from "./aid-common.ts";
import { button, card, datePicker, form, input, md, note, select, t, type Card, type Element } from "./kit.ts";
import { CONCERN_AREA_LABEL, lastTalkText, reasonLabel, TALK_FORM_LABEL } from "./talk-parts.ts";

/** Where the leader came from; the card they return to after recording. */
export type TalkFormBack = "digest" | "list" | "task";

export interface TalkFormData {
  memberId: number;
  memberName: string;
  lastTalkOn: Day | null;
  today: Day;
  back: TalkFormBack;
  task?: { id: number; reason: string; note: string | null; dueOn: Day };
}

const FOLLOW_UP_SLOTS = 2;

export function talkFormCard(d: TalkFormData): Card {
  const last = lastTalkText(d.lastTalkOn, d.today);
  // The form is drawn on request: the urgent talk's due date says how far it is.
  const due = d.task ? dueWords(d.task.dueOn, d.today) : null;
  const header = d.task
    ? md({
        zh: `紧急谈心：${d.memberName}${reasonLabel(d.task.reason).zh}${d.task.note ? `（${d.task.note}）` : ""}，须于 ${due!.zh} 前谈话。`,
        en: `Urgent talk: ${d.memberName} ${reasonLabel(d.task.reason).en}${d.task.note ? ` (${d.task.note})` : ""}; talk by ${due!.en}.`,
      })
    : md({ zh: `与**${d.memberName}**的谈心谈话（${last.zh}）。`, en: `Talk with **${d.memberName}** (${last.en}).` });
  const followUps: Element[] = [];
  for (let i = 1; i <= FOLLOW_UP_SLOTS; i++) {
    followUps.push(
      input({ name: `fu${i}`, label: t(`跟进事项 ${i}`, `Follow-up ${i}`), placeholder: t("例如：协助联系就业培训", "e.g. help find a training course"), maxLength: 200 }),
      datePicker({ name: `fu${i}Due`, placeholder: t(`跟进事项 ${i} 完成日期`, `Follow-up ${i} due date`) }),
    );
  }
  const value: Record<string, string | number> = { m: d.memberId, b: d.back };
  if (d.task) value.k = d.task.id;
  const elements: Element[] = [
    header,
    form("talk", [
      datePicker({ name: "heldOn", placeholder: t("谈话日期", "Date of the talk"), required: true, initial: d.today }),
      select({
        name: "form",
        placeholder: t("谈话方式", "How"),
        required: true,
        initial: "IN_PERSON",
        options: (["IN_PERSON", "PHONE", "VIDEO"] as const).map((v) => ({ value: v, text: TALK_FORM_LABEL[v] })),
      }),
      input({ name: "thinking", label: t("思想方面", "Thinking"), multiline: true, maxLength: 1000 }),
      input({ name: "work", label: t("工作方面", "Work"), multiline: true, maxLength: 1000 }),
      input({ name: "life", label: t("生活方面", "Life"), multiline: true, maxLength: 1000 }),
      input({ name: "concerns", label: t("反映的问题和诉求", "Concerns raised"), multiline: true, maxLength: 1000 }),
      multiSelect({
        name: "areas",
        placeholder: t("问题涉及方面（可多选）", "Concerns are about (any)"),
        options: (["THINKING", "WORK", "LIFE"] as const).map((v) => ({ value: v, text: CONCERN_AREA_LABEL[v] })),
      }),
      ...followUps,
      button({ text: t("保存谈话记录", "Save the talk"), action: "talk-record", value, type: "primary_filled", name: "save", submit: true }),
    ]),
    note(t("谈话内容仅您和支部书记可见；党员本人只看到谈话已进行。", "Notes are seen only by you and the branch secretary; the member sees only that a talk took place.")),
  ];
  if (d.back !== "task") elements.push(button({ text: t("返回", "Back"), action: "talk-board", value: { b: d.back } }));
  return card({ title: t(`记录谈心谈话 · ${d.memberName}`, `Record a talk · ${d.memberName}`), template: "blue", elements });
}

/** What an urgent-task card turns into once the talk is recorded. */
export function talkRecordedCard(d: { memberName: string; heldOn: Day; followUps: number; today?: Day }): Card {
  const on = dateWords(d.heldOn, d.today);
  return card({
    title: t(`已记录谈心谈话 · ${d.memberName}`, `Talk recorded · ${d.memberName}`),
    template: "green",
    elements: [
      md({
        zh: `✅ 已记录 ${on.zh} 与${d.memberName}的谈话${d.followUps > 0 ? `，${d.followUps} 项跟进事项将按期提醒` : ""}。`,
        en: `✅ The talk with ${d.memberName} on ${on.en} is recorded${d.followUps > 0 ? `; ${d.followUps} follow-ups will be reminded` : ""}.`,
      }),
    ],
  });
}
