// Recording a visit: the form (when, how, money from which fund source, goods, notes) and the
// card that replaces it once the visit is recorded.
import { dateWords, dueWords } from "../src/domain/date-words.ts";
import { button, card, datePicker, form, hr, input, md, note, select, t, type Card, type Text } from "./kit.ts";
import { backToListButton } from "./visit-list.ts";
import { esc, lines, VISIT_ACTION } from "./visit-text.ts";

const VISIT_HOW_OPTIONS: { value: string; text: Text }[] = [
  { value: "HOME", text: t("上门走访", "home visit") },
  { value: "PHONE", text: t("电话慰问", "phone call") },
  { value: "VIDEO", text: t("视频慰问", "video call") },
];

export interface VisitFormData {
  taskId: number;
  memberName: string;
  orgName: string;
  what: Text;
  reason: Text;
  dueOn: string;
  today: string;
  /** Fund sources with their balance, e.g. {value: "PARTY_FEE", text: "党费补助（余额 1,000.00 元）"}. */
  sources: { value: string; text: Text }[];
  /** What is usually brought on this occasion (src/domain/visit-gifts.ts), shown as the goods field's example. */
  goodsExample: Text;
}

export function visitFormCard(d: VisitFormData): Card {
  return card({
    title: { zh: `记录走访：${d.memberName}`, en: `Record a visit: ${d.memberName}` },
    subtitle: d.what,
    template: "red",
    elements: [
      lines([
        { zh: `**党员**：${esc(d.memberName)}（${esc(d.orgName)}）`, en: `**Member**: ${esc(d.memberName)} (${esc(d.orgName)})` },
        ...(d.reason.zh ? [{ zh: `**走访原因**：${d.reason.zh}`, en: `**Why**: ${d.reason.en}` }] : []),
        { zh: `**截止日期**：${dueWords(d.dueOn, d.today).zh}`, en: `**Due**: ${dueWords(d.dueOn, d.today).en}` },
      ]),
      form("visit_form", [
        datePicker({ name: "visitedOn", placeholder: t("走访日期", "date of the visit"), required: true, initial: d.today }),
        select({ name: "how", placeholder: t("走访方式", "how"), options: VISIT_HOW_OPTIONS, required: true, initial: "HOME" }),
        input({ name: "amount", label: t("慰问金（元，可不填）", "Money given (yuan, optional)"), placeholder: t("例如 500", "e.g. 500"), maxLength: 12 }),
        select({ name: "source", placeholder: t("慰问金的资金来源", "fund source of the money"), options: d.sources }),
        input({ name: "goods", label: t("慰问品（可不填）", "Goods given (optional)"), placeholder: { zh: `例如：${d.goodsExample.zh}`, en: `e.g. ${d.goodsExample.en}` }, maxLength: 200 }),
        input({ name: "notes", label: t("走访情况", "Notes"), placeholder: t("身体、生活情况，提出的困难和诉求", "health, living situation, needs raised"), multiline: true, maxLength: 1000 }),
        button({ text: t("提交", "Submit"), action: VISIT_ACTION.complete, value: { task: d.taskId }, type: "primary_filled", name: "submit", submit: true }),
      ]),
      backToListButton(),
    ],
  });
}

export interface VisitDoneData {
  memberName: string;
  what: Text;
  visitedOn: string;
  how: Text;
  money: Text | null;
  goods: string | null;
  notes: string | null;
  recordedBy: string;
  /** The day it is drawn: the year is left out when it is this one. */
  today?: string;
}

export function visitDoneCard(d: VisitDoneData): Card {
  return card({
    title: { zh: `已记录走访：${d.memberName}`, en: `Visit recorded: ${d.memberName}` },
    subtitle: d.what,
    template: "green",
    elements: [
      lines([
        { zh: `**走访日期**：${dateWords(d.visitedOn, d.today).zh} · ${d.how.zh}`, en: `**Visited**: ${dateWords(d.visitedOn, d.today).en} · ${d.how.en}` },
        ...(d.money ? [{ zh: `**慰问金**：${d.money.zh}`, en: `**Money**: ${d.money.en}` }] : []),
        ...(d.goods ? [{ zh: `**慰问品**：${esc(d.goods)}`, en: `**Goods**: ${esc(d.goods)}` }] : []),
        ...(d.notes ? [{ zh: `**走访情况**：${esc(d.notes)}`, en: `**Notes**: ${esc(d.notes)}` }] : []),
      ]),
      hr(),
      note({ zh: `由${d.recordedBy}记录。`, en: `Recorded by ${d.recordedBy}.` }),
      backToListButton(),
    ],
  });
}

/** Shown instead of the form when the task was already recorded (a second click, a stale card). */
export function visitAlreadyDoneCard(d: { memberName: string; what: Text; visitedOn: string | null }): Card {
  return card({
    title: { zh: `走访已记录：${d.memberName}`, en: `Visit already recorded: ${d.memberName}` },
    subtitle: d.what,
    template: "grey",
    elements: [
      md({ zh: `该走访已于 ${d.visitedOn ? dateWords(d.visitedOn).zh : "此前"} 记录，无需重复登记。`, en: `This visit was recorded${d.visitedOn ? ` on ${dateWords(d.visitedOn).en}` : ""}; nothing more to do.` }),
      backToListButton(),
    ],
  });
}
