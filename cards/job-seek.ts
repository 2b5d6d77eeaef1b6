// 就业帮扶, the member's side: registering as looking for work (by the member or their leader),
// the job information pushed at most once a week, the monthly check-in the responsible leader
// gets, and the case closed when a job is found.
import { dateWords } from "../src/domain/date-words.ts";
import { NOTE_MAX } from "../src/domain/aid-rules.ts";
import type { PostingInput } from "../src/domain/employment-input.ts";
import { EMPLOYMENT_STATUS_LABEL, JOB_KIND_LABEL, JOB_KINDS, POSTING_TYPE_LABEL, type JobKind } from "../src/domain/job-match.ts";
import { localDateTime } from "../src/domain/zoned-time.ts";
import { clip, esc, joinText, mdLines, multiSelect } from "./aid-common.ts";
import { button, card, columns, form, hr, input, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { WORK_ACTION } from "./work-common.ts";

export interface WishesView {
  skills: string;
  kinds: JobKind[];
  area: string | null;
  wishes: string | null;
}

export const kindsText = (kinds: readonly JobKind[]): Text => (kinds.length === 0 ? t("不限", "any") : joinText(kinds.map((k) => JOB_KIND_LABEL[k])));

export function wishLines(w: WishesView): Text[] {
  return [
    { zh: `**技能特长**：${esc(clip(w.skills, 300))}`, en: `**Skills**: ${esc(clip(w.skills, 300))}` },
    { zh: `**意向岗位**：${kindsText(w.kinds).zh}　**意向地点**：${w.area ? esc(w.area) : "不限"}`, en: `**Wants**: ${kindsText(w.kinds).en} · **Where**: ${w.area ? esc(w.area) : "anywhere"}` },
    ...(w.wishes ? [{ zh: `**其他意愿**：${esc(clip(w.wishes, 300))}`, en: `**Other wishes**: ${esc(clip(w.wishes, 300))}` }] : []),
  ];
}

/** 求职登记: for oneself, or (forPerson) by a leader for a member. Pre-filled when a case is open. */
export function jobSeekFormCard(data: { forPerson?: { id: number; name: string }; current?: WishesView }): Card {
  const who = data.forPerson;
  const c = data.current;
  return card({
    title: who ? t(`代${who.name}登记求职`, `Register ${who.name} as looking for work`) : t("求职登记", "Looking for work"),
    subtitle: t("登记后，支部发布的匹配岗位和就业政策会推送给您（每周最多一次）", "Matching jobs and policy notes will be sent (at most once a week)"),
    template: "turquoise",
    elements: [
      ...(c ? [md(t("您已在求职登记中，提交将更新您的求职意向。", "You are registered; submitting updates your wishes."))] : []),
      form("job_seek", [
        input({ name: "skills", label: t("技能特长", "Skills"), required: true, multiline: true, maxLength: NOTE_MAX, ...(c ? { defaultValue: c.skills } : {}), placeholder: t("例如：电工证、驾驶 C1、会计", "e.g. electrician, driving licence, bookkeeping") }),
        multiSelect({ name: "kinds", placeholder: t("意向岗位类别（可多选，不选为不限）", "Kinds of work (none = any)"), options: JOB_KINDS.map((k) => ({ value: k, text: JOB_KIND_LABEL[k] })), ...(c ? { selected: [...c.kinds] } : {}) }),
        input({ name: "area", label: t("意向工作地点（可不填）", "Where (optional)"), maxLength: 50, ...(c?.area ? { defaultValue: c.area } : {}), placeholder: t("例如：天河区", "e.g. Tianhe") }),
        input({ name: "wishes", label: t("其他意愿或困难（可不填）", "Other wishes or difficulties (optional)"), multiline: true, maxLength: NOTE_MAX, ...(c?.wishes ? { defaultValue: c.wishes } : {}) }),
        button({ text: t("提交登记", "Register"), action: WORK_ACTION.jobSeekSubmit, value: who ? { f: who.id } : {}, type: "primary_filled", name: "submit", submit: true }),
      ]),
    ],
  });
}

export function jobSeekReceiptCard(data: WishesView & { forName?: string; created: boolean; openedOn: string }): Card {
  return card({
    title: data.created ? t("求职登记成功", "Registered as looking for work") : t("求职意向已更新", "Wishes updated"),
    template: "turquoise",
    elements: [
      mdLines([
        ...(data.forName ? [{ zh: `**党员**：${data.forName}（由您代为登记）`, en: `**Member**: ${data.forName} (registered by you)` }] : []),
        ...wishLines(data),
        { zh: `**登记日期**：${dateWords(data.openedOn).zh}`, en: `**Since**: ${dateWords(data.openedOn).en}` },
      ]),
      note(t("找到工作后请发送「已就业」告诉支部，登记即结束。", "When you find work, send \"已就业\" to close the case.")),
    ],
  });
}

export type PostingView = PostingInput & { postedAt: string };

/** A stored posting as the cards show it: what was posted, and when in the branch's zone. */
export function postingView(p: PostingInput & { createdAt: Date }, timeZone: string): PostingView {
  const { type, title, employer, kinds, area, pay, contact, details } = p;
  return { type, title, employer, kinds, area, pay, contact, details, postedAt: localDateTime(p.createdAt, timeZone) };
}

export function postingLines(p: PostingView): Text[] {
  const lines: Text[] = [{ zh: `**【${POSTING_TYPE_LABEL[p.type].zh}】${esc(p.title)}**`, en: `**[${POSTING_TYPE_LABEL[p.type].en}] ${esc(p.title)}**` }];
  if (p.employer) lines.push({ zh: `单位：${esc(p.employer)}`, en: `Employer: ${esc(p.employer)}` });
  if (p.type === "JOB") lines.push({ zh: `类别：${kindsText(p.kinds).zh}${p.area ? `　地点：${esc(p.area)}` : ""}`, en: `Kind: ${kindsText(p.kinds).en}${p.area ? ` · Where: ${esc(p.area)}` : ""}` });
  if (p.pay) lines.push({ zh: `待遇：${esc(p.pay)}`, en: `Pay: ${esc(p.pay)}` });
  if (p.contact) lines.push({ zh: `联系方式：${esc(p.contact)}`, en: `Contact: ${esc(p.contact)}` });
  lines.push({ zh: esc(clip(p.details, 500)), en: esc(clip(p.details, 500)) });
  lines.push({ zh: `发布于 ${p.postedAt}`, en: `Posted ${p.postedAt}` });
  return lines;
}

/** A weekly card shows this many postings at most, so it stays well within Lark's card size. */
const PUSH_MAX = 8;

/** The week's card to a member looking for work: one or more postings, and a way to say they found a job. */
export function jobPushCard(data: { caseId: number; name: string; postings: PostingView[] }): Card {
  const elements: Element[] = [md({ zh: `${data.name}，支部为您整理了以下就业信息：`, en: `${data.name}, the branch found this for you:` })];
  data.postings.slice(0, PUSH_MAX).forEach((p) => elements.push(hr(), mdLines(postingLines(p))));
  const more = data.postings.length - PUSH_MAX;
  if (more > 0) elements.push(note({ zh: `另有 ${more} 条信息，请向支部书记或党务工作者了解。`, en: `${more} more; ask the secretary or the affairs worker.` }));
  elements.push(
    hr(),
    form("job_found", [
      input({ name: "note", label: t("已找到工作？写下单位或岗位（可不填）", "Found work? Employer or job (optional)"), maxLength: 200 }),
      button({
        text: t("我已找到工作", "I found work"),
        action: WORK_ACTION.jobFound,
        value: { c: data.caseId },
        type: "primary",
        name: "found",
        submit: true,
        confirm: { title: t("确认已就业", "Confirm"), text: t("确认后求职登记将结束，不再推送岗位信息。", "Your registration ends and no more jobs are sent.") },
      }),
    ]),
    note(t("就业信息每周最多推送一次。如有疑问，可发送「提问 您的问题」。", "Job information comes at most once a week. Questions: send \"提问 <question>\".")),
  );
  return card({ title: t("就业信息推送", "Jobs for you"), template: "turquoise", elements });
}

export interface CheckInView extends WishesView {
  caseId: number;
  memberName: string;
  orgName: string;
  openedOn: string;
  lastCheckInOn: string | null;
  pushes: number;
}

/** The monthly reminder to the responsible leader: how the member's search goes. */
export function jobCheckInCard(v: CheckInView): Card {
  const c = { c: v.caseId };
  return card({
    title: t(`就业帮扶月度回访 · ${v.memberName}`, `Monthly check-in · ${v.memberName}`),
    template: "yellow",
    elements: [
      mdLines([
        { zh: `**${v.memberName}**（${v.orgName}）自 ${dateWords(v.openedOn).zh} 登记求职，尚未就业。`, en: `**${v.memberName}** (${v.orgName}) has been looking for work since ${dateWords(v.openedOn).en}.` },
        ...wishLines(v),
        { zh: `**已推送岗位信息**：${v.pushes} 条　**上次回访**：${v.lastCheckInOn ?? "无"}`, en: `**Postings sent**: ${v.pushes} · **Last check-in**: ${v.lastCheckInOn ?? "none"}` },
      ]),
      form("job_checkin", [
        input({ name: "note", label: t("回访情况 / 就业单位", "How it goes / employer"), multiline: true, maxLength: NOTE_MAX }),
        columns([
          [button({ text: t("仍在求职，记录回访", "Still looking: log it"), action: WORK_ACTION.jobCheckIn, value: c, type: "primary_filled", name: "still", submit: true })],
          [button({ text: t("已就业，结束登记", "Employed: close"), action: WORK_ACTION.jobFound, value: c, type: "primary", name: "employed", submit: true })],
        ]),
      ]),
      note(t("请与该党员联系，了解求职进展和困难。每月提醒一次，直至其就业。", "Please contact the member. You are reminded monthly until they find work.")),
    ],
  });
}

export function jobCaseClosedCard(data: { memberName: string; status: "OPEN" | "EMPLOYED" | "CLOSED"; outcome: string | null; on: string | null; byName?: string }): Card {
  return card({
    title: t(`求职登记 · ${data.memberName}`, `Looking for work · ${data.memberName}`),
    template: data.status === "EMPLOYED" ? "green" : "grey",
    elements: [
      mdLines([
        { zh: `**${EMPLOYMENT_STATUS_LABEL[data.status].zh}**${data.on ? `（${dateWords(data.on).zh}）` : ""}${data.outcome ? `：${esc(data.outcome)}` : ""}`, en: `**${EMPLOYMENT_STATUS_LABEL[data.status].en}**${data.on ? ` (${dateWords(data.on).en})` : ""}${data.outcome ? `: ${esc(data.outcome)}` : ""}` },
        ...(data.byName ? [{ zh: `登记人：${data.byName}`, en: `Recorded by ${data.byName}` }] : []),
      ]),
      note(t("祝工作顺利！不再推送岗位信息。", "All the best! No more postings will be sent.")),
    ],
  });
}

export function jobCheckedCard(data: { memberName: string; on: string; note: string | null }): Card {
  return card({
    title: t(`已记录回访 · ${data.memberName}`, `Check-in logged · ${data.memberName}`),
    template: "green",
    elements: [mdLines([{ zh: `回访日期：${dateWords(data.on).zh}${data.note ? `；${esc(data.note)}` : ""}`, en: `Checked in ${dateWords(data.on).en}${data.note ? `; ${esc(data.note)}` : ""}` }]), note(t("下月将再次提醒，直至该党员就业。", "You will be reminded next month until they find work."))],
  });
}

