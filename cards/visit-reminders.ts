// Overdue visits: the visitor's reminder and the secretary's escalation. Both list tasks, so
// neither is one message per member.
import { dateWords } from "../src/domain/date-words.ts";
import { card, hr, md, note, t, type Card, type Text } from "./kit.ts";
import { taskRow } from "./visit-digest.ts";
import { esc, moreText } from "./visit-text.ts";

export interface OverdueLine {
  taskId: number;
  memberName: string;
  what: Text;
  dueOn: string;
  daysLate: number;
}

// Pushed: due dates stay absolute (the year shown when it is not `today`'s); the days late are counted on the day it is made.
export function visitOverdueCard(d: { name: string; total: number; lines: OverdueLine[]; today?: string }): Card {
  const more = moreText(d.lines.length, d.total, t("发送「走访」查看全部。", "send “visits” to see all."));
  return card({
    title: t("走访任务已逾期", "Visits overdue"),
    template: "orange",
    elements: [
      md({ zh: `${d.name}同志，以下 ${d.total} 项走访已过截止日期，请尽快走访并登记。`, en: `${d.name}, these ${d.total} visits are past their due date. Please make and record them soon.` }),
      hr(),
      ...d.lines.map((l) =>
        taskRow(l.taskId, {
          zh: `**${esc(l.memberName)}** · ${l.what.zh}\n截止 ${dateWords(l.dueOn, d.today).zh}，已逾期 ${l.daysLate} 天`,
          en: `**${esc(l.memberName)}** · ${l.what.en}\ndue ${dateWords(l.dueOn, d.today).en}, ${l.daysLate} days overdue`,
        }),
      ),
      ...(more ? [note(more)] : []),
      note(t("逾期较久的走访将报告支部书记。", "Visits overdue for long are reported to the branch secretary.")),
    ],
  });
}

export interface EscalatedLine {
  taskId: number;
  memberName: string;
  visitorName: string;
  what: Text;
  dueOn: string;
  daysLate: number;
}

export function visitEscalationCard(d: { name: string; orgName: string; total: number; lines: EscalatedLine[]; today?: string }): Card {
  const more = moreText(d.lines.length, d.total, t("发送「走访统计」查看支部情况。", "send “visit stats” for the branch."));
  return card({
    title: t("走访逾期报告", "Overdue visits reported"),
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      md({ zh: `${d.name}同志，${esc(d.orgName)}以下 ${d.total} 项走访逾期未完成，已多次提醒走访人，请督促落实。`, en: `${d.name}, these ${d.total} visits in ${esc(d.orgName)} are overdue although their visitors were reminded. Please follow up.` }),
      hr(),
      ...d.lines.map((l) =>
        taskRow(
          l.taskId,
          {
            zh: `**${esc(l.memberName)}** · ${l.what.zh}\n走访人：${esc(l.visitorName)} · 截止 ${dateWords(l.dueOn, d.today).zh}（逾期 ${l.daysLate} 天）`,
            en: `**${esc(l.memberName)}** · ${l.what.en}\nvisitor ${esc(l.visitorName)} · due ${dateWords(l.dueOn, d.today).en} (${l.daysLate} days late)`,
          },
          t("代为记录", "Record for them"),
        ),
      ),
      ...(more ? [note(more)] : []),
      note(t("如需更换走访人：走访改派 <党员姓名> <新走访人姓名>", "To change the visitor: 走访改派 <member> <new visitor>")),
    ],
  });
}

export function visitReassignedCard(d: { name: string; byName: string; lines: OverdueLine[]; today?: string }): Card {
  return card({
    title: t("新的走访任务", "Visits handed to you"),
    template: "red",
    elements: [
      md({ zh: `${d.name}同志，${esc(d.byName)}将以下走访交由您负责，请尽快走访并登记。`, en: `${d.name}, ${esc(d.byName)} handed these visits to you. Please make and record them.` }),
      hr(),
      ...d.lines.map((l) =>
        taskRow(l.taskId, {
          zh: `**${esc(l.memberName)}** · ${l.what.zh}\n截止 ${dateWords(l.dueOn, d.today).zh}${l.daysLate > 0 ? `，已逾期 ${l.daysLate} 天` : ""}`,
          en: `**${esc(l.memberName)}** · ${l.what.en}\ndue ${dateWords(l.dueOn, d.today).en}${l.daysLate > 0 ? `, ${l.daysLate} days overdue` : ""}`,
        }),
      ),
    ],
  });
}
