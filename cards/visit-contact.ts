// Keeping in touch: the monthly reminder (pairing helpers, leaders of mobile members), the
// contact form and its receipt, and the lost-contact alert to the secretary.
import { dateWords } from "../src/domain/date-words.ts";
import { button, card, datePicker, form, hr, input, md, note, select, t, type Card, type Text } from "./kit.ts";
import { backToListButton, contactRow, type ListContact } from "./visit-list.ts";
import { esc, lines, moreText, VISIT_ACTION } from "./visit-text.ts";

const CONTACT_HOW_OPTIONS: { value: string; text: Text }[] = [
  { value: "HOME", text: t("上门", "in person") },
  { value: "PHONE", text: t("电话", "phone") },
  { value: "VIDEO", text: t("视频", "video") },
  { value: "MESSAGE", text: t("微信/短信", "message") },
];

export function contactReminderCard(d: { name: string; month: string; contacts: ListContact[]; total: number }): Card {
  // Pushed and read later in the month: last contacts as dates, not "n days ago".
  const more = moreText(d.contacts.length, d.total, t("发送「走访」查看全部。", "send “visits” to see all."));
  return card({
    title: t("每月联系提醒", "Monthly contact reminder"),
    subtitle: { zh: d.month, en: d.month },
    template: "wathet",
    elements: [
      md({
        zh: `${d.name}同志，本月请联系以下党员（结对帮扶对象、流动党员），了解近况并登记。`,
        en: `${d.name}, please get in touch this month with these members (paired or mobile) and log each contact.`,
      }),
      hr(),
      ...d.contacts.map((c) => contactRow(c)),
      ...(more ? [note(more)] : []),
      note(t("流动党员连续 3 个月无联系记录将报告支部书记。", "A mobile member with no contact for 3 months is reported to the secretary.")),
    ],
  });
}

export interface ContactFormData {
  memberId: number;
  memberName: string;
  kind: "PAIRING" | "MOBILE";
  pairingId?: number;
  detail: Text;
  today: string;
}

export function contactFormCard(d: ContactFormData): Card {
  return card({
    title: { zh: `记录联系：${d.memberName}`, en: `Log a contact: ${d.memberName}` },
    subtitle: d.kind === "MOBILE" ? t("流动党员", "mobile member") : t("结对帮扶", "pairing"),
    template: "wathet",
    elements: [
      md({ zh: `**${esc(d.memberName)}** · ${d.detail.zh}`, en: `**${esc(d.memberName)}** · ${d.detail.en}` }),
      form("contact_form", [
        datePicker({ name: "at", placeholder: t("联系日期", "date"), required: true, initial: d.today }),
        select({ name: "how", placeholder: t("联系方式", "how"), options: CONTACT_HOW_OPTIONS, required: true, initial: "PHONE" }),
        input({ name: "note", label: t("联系情况", "What you learned"), placeholder: t("近况、困难、诉求", "news, difficulties, needs"), multiline: true, maxLength: 1000 }),
        button({
          text: t("提交", "Submit"),
          action: VISIT_ACTION.contactSave,
          value: { member: d.memberId, kind: d.kind, ...(d.pairingId ? { pairing: d.pairingId } : {}) },
          type: "primary_filled",
          name: "submit",
          submit: true,
        }),
      ]),
      backToListButton(),
    ],
  });
}

export function contactDoneCard(d: { memberName: string; at: string; how: Text; note: string | null; today?: string }): Card {
  const on = dateWords(d.at, d.today);
  return card({
    title: { zh: `已记录联系：${d.memberName}`, en: `Contact logged: ${d.memberName}` },
    template: "green",
    elements: [
      lines([
        { zh: `**联系日期**：${on.zh} · ${d.how.zh}`, en: `**Date**: ${on.en} · ${d.how.en}` },
        ...(d.note ? [{ zh: `**联系情况**：${esc(d.note)}`, en: `**Notes**: ${esc(d.note)}` }] : []),
      ]),
      backToListButton(),
    ],
  });
}

export interface LostContactData {
  secretaryName: string;
  memberName: string;
  orgName: string;
  whereabouts: string | null;
  mobile: string | null;
  leaderName: string | null;
  lastContact: string | null;
  months: number;
  memberId: number;
  /** The day it is made (pushed: the last contact stays a date). */
  today?: string;
}

export function lostContactCard(d: LostContactData): Card {
  const last = d.lastContact ? dateWords(d.lastContact, d.today) : null;
  return card({
    title: { zh: `流动党员失联：${d.memberName}`, en: `Mobile member out of touch: ${d.memberName}` },
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      md({
        zh: `${d.secretaryName}同志，流动党员**${esc(d.memberName)}**已 ${d.months} 个月以上没有联系记录（${last ? `上次联系 ${last.zh}` : "从未登记联系"}），请尽快设法联系，做到“四海有家”。`,
        en: `${d.secretaryName}, mobile member **${esc(d.memberName)}** has had no logged contact for ${d.months}+ months (${last ? `last ${last.en}` : "never logged"}). Please reach them soon.`,
      }),
      lines([
        { zh: `**去向**：${esc(d.whereabouts ?? "未登记")}`, en: `**Whereabouts**: ${esc(d.whereabouts ?? "not recorded")}` },
        { zh: `**联系电话**：${d.mobile ?? "未登记"}`, en: `**Mobile**: ${d.mobile ?? "not recorded"}` },
        { zh: `**负责联系的领导**：${esc(d.leaderName ?? "未指定")}`, en: `**Responsible leader**: ${esc(d.leaderName ?? "none")}` },
      ]),
      button({ text: t("记录联系", "Log contact"), action: VISIT_ACTION.contactOpen, value: { member: d.memberId, kind: "MOBILE" }, type: "primary" }),
    ],
  });
}
