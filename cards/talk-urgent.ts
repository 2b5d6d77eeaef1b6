// An urgent talk (紧急谈心): a member filed a help request or a leader flagged a major
// difficulty. The responsible leader gets this card at once, again the day before it falls due,
// and the secretary gets the overdue version.
import { type Day } from "../src/domain/calendar-day.ts";
import { button, card, md, note, t, type Card } from "./kit.ts";
import { dayText, reasonLabel } from "./talk-parts.ts";

export interface UrgentTalk {
  taskId: number;
  memberId: number;
  memberName: string;
  reason: string;
  note: string | null;
  dueOn: Day;
  /** The day the card is made: its dates drop the year when it is this one (pushed: no "还有 n 天", it is read later). */
  today?: Day;
}

export function urgentTalkCard(k: UrgentTalk & { kind: "new" | "reminder"; leaderName: string }): Card {
  const why = reasonLabel(k.reason);
  const due = dayText(k.dueOn, k.today);
  const lead =
    k.kind === "new"
      ? { zh: `${k.leaderName}同志：党员**${k.memberName}**${why.zh}${k.note ? `：${k.note}` : ""}。`, en: `${k.leaderName}: **${k.memberName}** ${why.en}${k.note ? `: ${k.note}` : ""}.` }
      : { zh: `提醒：与**${k.memberName}**的紧急谈心明天（${due.zh}）到期，尚未记录。`, en: `Reminder: the urgent talk with **${k.memberName}** is due tomorrow (${due.en}) and not yet recorded.` };
  return card({
    title: k.kind === "new" ? t(`紧急谈心 · ${k.memberName}`, `Urgent talk · ${k.memberName}`) : t(`紧急谈心明天到期 · ${k.memberName}`, `Urgent talk due tomorrow · ${k.memberName}`),
    template: "red",
    elements: [
      md(lead),
      md({ zh: `请于 **${due.zh}** 前与其谈心谈话，了解情况、帮助解决困难。`, en: `Please talk with them by **${due.en}** to understand and help.` }),
      button({ text: t("记录谈话", "Record talk"), action: "talk-form", value: { m: k.memberId, k: k.taskId, b: "task" }, type: "primary_filled" }),
      note(t("党员遇到重大问题或困难时，党员领导干部要及时谈心谈话。", "When a member meets a major difficulty, a leader talks with them promptly.")),
    ],
  });
}

export function urgentOverdueCard(k: UrgentTalk & { leaderName: string; daysLate: number }): Card {
  const why = reasonLabel(k.reason);
  return card({
    title: t(`紧急谈心逾期 · ${k.memberName}`, `Urgent talk overdue · ${k.memberName}`),
    template: "carmine",
    elements: [
      md({
        zh: `党员**${k.memberName}**${why.zh}${k.note ? `：${k.note}` : ""}。应由${k.leaderName}于 ${dayText(k.dueOn, k.today).zh}前谈心谈话，已逾期 ${k.daysLate} 天，尚无记录。`,
        en: `**${k.memberName}** ${why.en}${k.note ? `: ${k.note}` : ""}. ${k.leaderName} was to talk with them by ${dayText(k.dueOn, k.today).en}; ${k.daysLate} days overdue, nothing recorded.`,
      }),
      button({ text: t("由我记录谈话", "I will record the talk"), action: "talk-form", value: { m: k.memberId, k: k.taskId, b: "task" } }),
    ],
  });
}
