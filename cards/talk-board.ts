// A leader's talk board: the daily digest (only what is due) and the `谈心` list (every member
// they are responsible for). One card, one row per member with a button to record a talk,
// urgent talks first and follow-ups last. Long lists are cut to stay under Lark's 30 KB.
import { type Day } from "../src/domain/calendar-day.ts";
import type { TalkBoard } from "../src/domain/talk-board.ts";
import { card, hr, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { dayText, joinLines, lastTalkText, reasonLabel, rowWithButton, STANDING_MARK, standingText } from "./talk-parts.ts";

/** The board (its data and how rows become it: src/domain/talk-board.ts), with a line on top after an action (e.g. "recorded"). */
export type TalkBoardView = TalkBoard & { notice?: Text };

const BOARD_LIMITS = { tasks: 10, members: 20, followUps: 8 } as const;

export function talkBoardCard(b: TalkBoardView): Card {
  const day = dayText(b.today, b.today);
  // The digest is pushed and read that day; the 谈心 list is drawn on request.
  const onRequest = b.mode !== "digest";
  const title =
    b.mode === "digest" ? t(`谈心谈话提醒 · ${day.zh}`, `Talk reminders · ${day.en}`) : t("我联系的党员 · 谈心谈话", "My members · talks");
  const elements: Element[] = [];
  if (b.notice) elements.push(note(b.notice));
  elements.push(md(intro(b)));

  const tasks = b.tasks.slice(0, BOARD_LIMITS.tasks);
  if (tasks.length > 0) {
    elements.push(hr(), md(t("**紧急谈心**（遇到重大问题或困难，须及时谈话）", "**Urgent talks** (a member in difficulty)")));
    for (const k of tasks) {
      const left = k.daysLeft < 0 ? t(`已逾期 ${-k.daysLeft} 天`, `${-k.daysLeft} days overdue`) : t(`须于${dayText(k.dueOn, b.today).zh}前谈话`, `talk by ${dayText(k.dueOn, b.today).en}`);
      const why = reasonLabel(k.reason);
      const extra = k.note ? `：${k.note}` : "";
      elements.push(
        rowWithButton(
          { zh: `🔴 **${k.name}** ${why.zh}${extra} · ${left.zh}`, en: `🔴 **${k.name}** ${why.en}${k.note ? `: ${k.note}` : ""} · ${left.en}` },
          { text: t("记录谈话", "Record talk"), action: "talk-form", value: { m: k.memberId, k: k.taskId, b: b.mode } },
        ),
      );
    }
  }

  const members = b.members.slice(0, BOARD_LIMITS.members);
  if (members.length > 0) {
    elements.push(hr(), md(b.mode === "digest" ? t("**到期的谈心谈话**", "**Talks due**") : t("**联系的党员**（按到期先后）", "**Members** (soonest due first)")));
    for (const m of members) {
      const last = lastTalkText(m.lastTalkOn, b.today);
      const standing = standingText(m.standing, m.daysLeft, m.dueOn, b.today, onRequest);
      elements.push(
        rowWithButton(
          { zh: `${STANDING_MARK[m.standing]} **${m.name}** · ${standing.zh}\n${last.zh}`, en: `${STANDING_MARK[m.standing]} **${m.name}** · ${standing.en}\n${last.en}` },
          { text: t("记录谈话", "Record talk"), action: "talk-form", value: { m: m.memberId, b: b.mode } },
        ),
      );
    }
  }

  const followUps = b.followUps.slice(0, BOARD_LIMITS.followUps);
  if (followUps.length > 0) {
    elements.push(hr(), md(t("**待办跟进**（谈话中定下的事项）", "**Follow-ups** (agreed in talks)")));
    for (const f of followUps) {
      const when = f.daysLeft < 0 ? t(`已逾期 ${-f.daysLeft} 天`, `${-f.daysLeft} days overdue`) : t(`${dayText(f.dueOn, b.today).zh}到期`, `due ${dayText(f.dueOn, b.today).en}`);
      elements.push(
        rowWithButton(
          { zh: `📌 ${f.memberName}：${f.description} · ${when.zh}`, en: `📌 ${f.memberName}: ${f.description} · ${when.en}` },
          { text: t("已完成", "Done"), action: "talk-followup-done", value: { f: f.id, b: b.mode } },
        ),
      );
    }
  }

  const hidden = b.tasks.length - tasks.length + (b.members.length - members.length) + (b.followUps.length - followUps.length);
  const tail: Text[] = [];
  if (hidden > 0) tail.push(t(`另有 ${hidden} 项未列出，处理后发送「谈心」查看。`, `${hidden} more not shown; send “谈心” after handling these.`));
  if (b.mode === "digest") tail.push(t("谈话内容仅您和支部书记可见。", "Talk notes are seen only by you and the branch secretary."));
  if (tail.length > 0) elements.push(note(joinLines(tail)));
  return card({ title, template: b.tasks.length > 0 ? "red" : "orange", elements });
}

function intro(b: TalkBoard): Text {
  const empty = b.tasks.length === 0 && b.members.length === 0 && b.followUps.length === 0;
  if (b.mode === "digest") {
    if (empty) return t(`${b.leaderName}同志，今天的谈心谈话都已安排妥当，谢谢！`, `${b.leaderName}, today's talks are all taken care of. Thank you!`);
    return t(
      `${b.leaderName}同志，以下党员的谈心谈话已到期或即将到期，请及时安排。谈话后点「记录谈话」填写。`,
      `${b.leaderName}, these members are due a talk. After talking, tap “Record talk”.`,
    );
  }
  if (b.members.length === 0 && b.tasks.length === 0) return t("目前没有分配给您联系的党员。", "No members are assigned to you yet.");
  return t(`您负责联系 ${b.members.length} 位党员。`, `You are responsible for ${b.members.length} members.`);
}
