// 走访上报: the reporter's receipt (with the button to record the visit) and the secretary's notice.
import { dateWords, dueWords } from "../src/domain/date-words.ts";
import { card, md, note, t, type Card, type Text } from "./kit.ts";
import { taskRow } from "./visit-digest.ts";
import { esc, lines } from "./visit-text.ts";

export interface EventVisitData {
  taskId: number;
  memberName: string;
  orgName: string;
  kind: Text;
  reason: string;
  dueOn: string;
  visitorName: string;
  reporterName: string;
  /** The day it is reported: the receipt (drawn then) says how far the due date is. */
  today?: string;
}

export function visitEventReceiptCard(d: EventVisitData): Card {
  const due = d.today ? dueWords(d.dueOn, d.today) : dateWords(d.dueOn);
  return card({
    title: { zh: `走访上报：${d.memberName}`, en: `Visit reported: ${d.memberName}` },
    subtitle: { zh: `六必访 · ${d.kind.zh}`, en: `event visit · ${d.kind.en}` },
    template: "red",
    elements: [
      lines([
        { zh: `**事由**：${esc(d.reason)}`, en: `**What happened**: ${esc(d.reason)}` },
        { zh: `**走访人**：${esc(d.visitorName)} · **请于 ${due.zh} 前走访**`, en: `**Visitor**: ${esc(d.visitorName)} · **visit by ${due.en}**` },
      ]),
      taskRow(d.taskId, { zh: `${esc(d.memberName)}（${esc(d.orgName)}）`, en: `${esc(d.memberName)} (${esc(d.orgName)})` }),
      note(t("走访后请点击「记录走访」登记情况。", "After the visit, record it with “Record visit”.")),
    ],
  });
}

export function visitEventNoticeCard(d: EventVisitData & { secretaryName: string }): Card {
  const due = dateWords(d.dueOn, d.today);
  return card({
    title: { zh: `走访上报：${d.memberName}`, en: `Visit reported: ${d.memberName}` },
    subtitle: { zh: `六必访 · ${d.kind.zh}`, en: `event visit · ${d.kind.en}` },
    template: "orange",
    elements: [
      md({
        zh: `${d.secretaryName}同志，${esc(d.reporterName)}上报：${esc(d.orgName)}党员**${esc(d.memberName)}**${esc(d.reason)}。已安排${esc(d.visitorName)}于 ${due.zh} 前走访。`,
        en: `${d.secretaryName}, ${esc(d.reporterName)} reported for **${esc(d.memberName)}** (${esc(d.orgName)}): ${esc(d.reason)}. ${esc(d.visitorName)} will visit by ${due.en}.`,
      }),
      note(t("如需帮扶资金，可由党员或代为提交「求助」。", "If money is needed, file a help request (求助) for the member.")),
    ],
  });
}
