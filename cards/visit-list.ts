// What 走访 answers: the reader's open visit tasks, the members they are paired with, and the
// mobile members they keep in touch with, each with the button to record what was done.
import { agoWords, dateWords, dueWords } from "../src/domain/date-words.ts";
import { button, card, columns, hr, md, note, t, type Card, type Text } from "./kit.ts";
import { taskRow } from "./visit-digest.ts";
import { clip, esc, moreText, VISIT_ACTION } from "./visit-text.ts";

export interface ListTask {
  taskId: number;
  memberName: string;
  what: Text;
  reason: Text;
  dueOn: string;
  daysLate: number;
}

export interface ListContact {
  memberId: number;
  memberName: string;
  kind: "PAIRING" | "MOBILE";
  pairingId?: number;
  detail: Text;
  lastContact: string | null;
}

export interface VisitListData {
  /** The day it is drawn (on request): due dates say how far they are. */
  today?: string;
  name: string;
  tasks: ListTask[];
  taskTotal: number;
  contacts: ListContact[];
  /** All of them, when more than fit. */
  contactTotal?: number;
}

/** A member to keep in touch with; `today` on a view drawn on request (how long ago), absent on a pushed card. */
export function contactRow(c: ListContact, today?: string): ReturnType<typeof columns> {
  const on = c.lastContact ? (today ? agoWords(c.lastContact, today) : dateWords(c.lastContact)) : null;
  const last: Text = on ? { zh: `上次联系 ${on.zh}`, en: `last contact ${on.en}` } : t("尚无联系记录", "no contact logged yet");
  return columns([
    [md({ zh: `**${esc(clip(c.memberName, 20))}** · ${esc(clip(c.detail.zh, 40))}\n${last.zh}`, en: `**${esc(clip(c.memberName, 20))}** · ${esc(clip(c.detail.en, 60))}\n${last.en}` })],
    [
      button({
        text: t("记录联系", "Log contact"),
        action: VISIT_ACTION.contactOpen,
        value: { member: c.memberId, kind: c.kind, ...(c.pairingId ? { pairing: c.pairingId } : {}) },
      }),
    ],
  ]);
}

export function visitListCard(d: VisitListData): Card {
  const elements = [];
  if (d.tasks.length === 0 && d.contacts.length === 0) {
    elements.push(md({ zh: `${d.name}同志，您目前没有待办的走访任务。`, en: `${d.name}, you have no open visits.` }));
  }
  if (d.tasks.length > 0) {
    elements.push(md({ zh: `**待走访（${d.taskTotal}）**`, en: `**Visits to make (${d.taskTotal})**` }));
    for (const task of d.tasks) {
      const late: Text = task.daysLate > 0 ? { zh: ` · <font color='red'>已逾期 ${task.daysLate} 天</font>`, en: ` · <font color='red'>${task.daysLate} days overdue</font>` } : t("", "");
      // Overdue says so in red; otherwise, drawn on request, how far the due date is.
      const due = task.daysLate <= 0 && d.today ? dueWords(task.dueOn, d.today) : dateWords(task.dueOn, d.today);
      elements.push(
        taskRow(task.taskId, {
          zh: `**${esc(clip(task.memberName, 20))}** · ${task.what.zh}${task.reason.zh ? `（${esc(clip(task.reason.zh, 40))}）` : ""}\n截止 ${due.zh}${late.zh}`,
          en: `**${esc(clip(task.memberName, 20))}** · ${task.what.en}${task.reason.en ? ` (${esc(clip(task.reason.en, 60))})` : ""}\ndue ${due.en}${late.en}`,
        }),
      );
    }
    const more = moreText(d.tasks.length, d.taskTotal, t("请先完成以上任务。", "finish these first."));
    if (more) elements.push(note(more));
  }
  if (d.contacts.length > 0) {
    elements.push(hr(), md(t("**结对帮扶与流动党员联系**", "**Pairing and mobile members**")));
    for (const c of d.contacts) elements.push(contactRow(c, d.today));
    const more = moreText(d.contacts.length, d.contactTotal ?? d.contacts.length, t("登记后将显示其余人员。", "the rest show once these are logged."));
    if (more) elements.push(note(more));
  }
  elements.push(note(t("走访、联系记录仅您和支部书记可见。", "Visit and contact records are seen only by you and the branch secretary.")));
  return card({ title: t("我的走访", "My visits"), template: "red", elements });
}

export function backToListButton(): ReturnType<typeof button> {
  return button({ text: t("返回我的走访", "Back to my visits"), action: VISIT_ACTION.list });
}

