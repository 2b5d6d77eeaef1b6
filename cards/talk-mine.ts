// What a member sees of their own talks: that they took place, when, with whom and how. The
// notes are not shown to them (they are the leader's working record).
import { type Day } from "../src/domain/calendar-day.ts";
import { dateWords, dueWords } from "../src/domain/date-words.ts";
import { card, md, note, t, type Card } from "./kit.ts";
import { joinLines, TALK_FORM_LABEL } from "./talk-parts.ts";
import { peerTalkElements, type PeerTalkLine } from "./peer-talk.ts";

export interface MyTalks {
  name: string;
  talks: { heldOn: Day; leaderName: string; form: keyof typeof TALK_FORM_LABEL }[];
  leaderName: string | null;
  nextDueOn: Day | null;
  urgentOpen: boolean;
  /** The day it is drawn (on request): dates say how far they are. */
  today?: Day;
  /** Their talks with other members (互相谈心), notes included: both of the two may read them. */
  peerTalks?: { viewerId: number; talks: PeerTalkLine[] };
}

export function myTalksCard(d: MyTalks): Card {
  const lines = d.talks.map((x) => {
    const on = dateWords(x.heldOn, d.today);
    return { zh: `· ${on.zh} 与${x.leaderName}（${TALK_FORM_LABEL[x.form].zh}）`, en: `· ${on.en} with ${x.leaderName} (${TALK_FORM_LABEL[x.form].en})` };
  });
  const next = d.nextDueOn ? (d.today ? dueWords(d.nextDueOn, d.today) : dateWords(d.nextDueOn)) : null;
  const head = [
    d.leaderName ? t(`您的谈心谈话联系人：${d.leaderName}`, `Your talk leader: ${d.leaderName}`) : t("支部尚未为您指定谈心谈话联系人。", "No talk leader has been assigned to you yet."),
    ...(next ? [t(`下一次谈心谈话：${next.zh}前`, `Next talk: by ${next.en}`)] : []),
    ...(d.urgentOpen ? [t("支部已安排领导干部近期与您谈心。", "A leader will talk with you soon.")] : []),
  ];
  return card({
    title: t("我的谈心谈话", "My talks"),
    template: "blue",
    elements: [
      md(joinLines(head)),
      md(lines.length > 0 ? joinLines(lines) : t("还没有谈心谈话记录。", "No talks on record yet.")),
      ...(d.peerTalks ? peerTalkElements(d.peerTalks.talks, { viewerId: d.peerTalks.viewerId, ...(d.today ? { today: d.today } : {}) }) : []),
      note(t("谈话内容由谈话人和支部书记保管；如有想法，随时可以找联系人谈。", "Notes are kept by the leader and the secretary; you may ask for a talk any time.")),
    ],
  });
}
