// The branch secretary's daily digest: talks overdue beyond the grace period, members due a
// talk who have no responsible leader, and urgent talks past their day. One card per branch.
import { type Day } from "../src/domain/calendar-day.ts";
import { button, card, hr, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { dayText, joinLines, lastTalkText, reasonLabel } from "./talk-parts.ts";

export interface EscalatedTalk {
  memberName: string;
  leaderName: string | null;
  lastTalkOn: Day | null;
  dueOn: Day;
  daysLate: number;
}
export interface UnassignedMember {
  memberName: string;
  dueOn: Day;
  daysLeft: number;
}
export interface LateTask {
  memberName: string;
  leaderName: string;
  reason: string;
  dueOn: Day;
  daysLate: number;
}
export interface TalkEscalation {
  orgName: string;
  today: Day;
  overdue: EscalatedTalk[];
  unassigned: UnassignedMember[];
  lateTasks: LateTask[];
}

const MAX_LINES = 40;

function section(title: Text, lines: Text[]): Element[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > shown.length) shown.push(t(`……另有 ${lines.length - shown.length} 位`, `… and ${lines.length - shown.length} more`));
  return [hr(), md(title), md(joinLines(shown))];
}

export function talkEscalationCard(e: TalkEscalation): Card {
  const day = dayText(e.today, e.today);
  const elements: Element[] = [
    md({
      zh: `${e.orgName}：以下谈心谈话需要支部书记关注。`,
      en: `${e.orgName}: these talks need the secretary's attention.`,
    }),
    ...section(
      t("**紧急谈心已逾期**", "**Urgent talks overdue**"),
      e.lateTasks.map((k) => ({
        zh: `🔴 ${k.memberName}（${reasonLabel(k.reason).zh}）· 联系人：${k.leaderName} · 逾期 ${k.daysLate} 天`,
        en: `🔴 ${k.memberName} (${reasonLabel(k.reason).en}) · ${k.leaderName} · ${k.daysLate} days overdue`,
      })),
    ),
    ...section(
      t("**超过宽限期仍未谈心**", "**Talks overdue beyond the grace period**"),
      e.overdue.map((o) => ({
        zh: `🟠 ${o.memberName} · 联系人：${o.leaderName ?? "未分配"} · 逾期 ${o.daysLate} 天（${lastTalkText(o.lastTalkOn, e.today).zh}）`,
        en: `🟠 ${o.memberName} · ${o.leaderName ?? "unassigned"} · ${o.daysLate} days overdue (${lastTalkText(o.lastTalkOn, e.today).en})`,
      })),
    ),
    ...section(
      t("**尚未分配谈心联系人（或联系人未开通飞书）**", "**No responsible leader (or the leader is not on Lark)**"),
      e.unassigned.map((u) => ({
        zh: `⚪ ${u.memberName} · ${u.daysLeft < 0 ? `已逾期 ${-u.daysLeft} 天` : `${dayText(u.dueOn, e.today).zh}到期`}`,
        en: `⚪ ${u.memberName} · ${u.daysLeft < 0 ? `${-u.daysLeft} days overdue` : `due ${dayText(u.dueOn, e.today).en}`}`,
      })),
    ),
  ];
  if (e.unassigned.length > 0) elements.push(button({ text: t("分配谈心联系人", "Assign leaders"), action: "talk-assign-open", type: "primary" }));
  elements.push(note(t("发送「分析」查看本支部谈心谈话情况。", "Send “分析” for the branch analysis.")));
  return card({ title: t(`谈心谈话督办 · ${day.zh}`, `Talks to follow up · ${day.en}`), template: "carmine", elements });
}
