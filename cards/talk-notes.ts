// The notes of a member's talks, for the leader who held them and the branch secretary.
import { type Day } from "../src/domain/calendar-day.ts";
import { dateWords, dueWords } from "../src/domain/date-words.ts";
import { card, hr, md, note, t, type Card, type Element } from "./kit.ts";
import { TALK_CORRECT_OPEN } from "./talk-correct.ts";
import { CONCERN_AREA_LABEL, rowWithButton, TALK_FORM_LABEL } from "./talk-parts.ts";
import { peerTalkElements, type PeerTalkLine } from "./peer-talk.ts";

export interface TalkNotes {
  memberName: string;
  talks: {
    heldOn: Day;
    leaderName: string;
    form: keyof typeof TALK_FORM_LABEL;
    thinking: string | null;
    work: string | null;
    life: string | null;
    concerns: string | null;
    concernAreas: string[];
    followUps: { description: string; dueOn: Day; done: boolean }[];
    /** The record's id, for 更正. */
    id?: number;
    /** The reader wrote it less than a week ago: they may correct it (更正). */
    correctable?: boolean;
    /** When its author last corrected it (the earlier text is kept). */
    revised?: string | null;
  }[];
  /** The day it is drawn (on request): an open follow-up says how far its date is. */
  today?: Day;
  /** The member's talks with other members (互相谈心) the reader may read: as the secretary, or as one of the two. */
  peerTalks?: { viewerId: number; talks: PeerTalkLine[] };
}

const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

export function talkNotesCard(d: TalkNotes): Card {
  const elements: Element[] = [];
  for (const x of d.talks) {
    const areas = x.concernAreas.filter((a): a is keyof typeof CONCERN_AREA_LABEL => a in CONCERN_AREA_LABEL);
    const parts = [
      { zh: `**${dateWords(x.heldOn, d.today).zh}** · ${x.leaderName} · ${TALK_FORM_LABEL[x.form].zh}`, en: `**${dateWords(x.heldOn, d.today).en}** · ${x.leaderName} · ${TALK_FORM_LABEL[x.form].en}` },
      ...(x.thinking ? [{ zh: `思想：${clip(x.thinking)}`, en: `Thinking: ${clip(x.thinking)}` }] : []),
      ...(x.work ? [{ zh: `工作：${clip(x.work)}`, en: `Work: ${clip(x.work)}` }] : []),
      ...(x.life ? [{ zh: `生活：${clip(x.life)}`, en: `Life: ${clip(x.life)}` }] : []),
      ...(x.concerns
        ? [
            {
              zh: `问题和诉求${areas.length ? `（${areas.map((a) => CONCERN_AREA_LABEL[a].zh).join("、")}）` : ""}：${clip(x.concerns)}`,
              en: `Concerns${areas.length ? ` (${areas.map((a) => CONCERN_AREA_LABEL[a].en).join(", ")})` : ""}: ${clip(x.concerns)}`,
            },
          ]
        : []),
      ...x.followUps.map((f) => {
        const due = !f.done && d.today ? dueWords(f.dueOn, d.today) : dateWords(f.dueOn, d.today);
        return { zh: `${f.done ? "☑" : "☐"} ${f.description}（${due.zh}）`, en: `${f.done ? "☑" : "☐"} ${f.description} (${due.en})` };
      }),
    ];
    if (x.revised) parts.push({ zh: `✎ 已由谈话人于 ${x.revised} 更正（更正前的内容已保留）`, en: `✎ Corrected by its author at ${x.revised} (the earlier text is kept)` });
    if (elements.length > 0) elements.push(hr());
    const text = { zh: parts.map((p) => p.zh).join("\n"), en: parts.map((p) => p.en).join("\n") };
    elements.push(x.correctable && x.id !== undefined ? rowWithButton(text, { text: t("更正", "Correct"), action: TALK_CORRECT_OPEN, value: { t: x.id }, type: "default" }) : md(text));
  }
  if (elements.length === 0) elements.push(md(t("没有您可以查看的谈话记录。", "No talk records you may read.")));
  if (d.peerTalks) elements.push(...peerTalkElements(d.peerTalks.talks, { viewerId: d.peerTalks.viewerId, ...(d.today ? { today: d.today } : {}) }));
  elements.push(note(t("谈话记录属于党员个人信息，仅谈话人和支部书记可见，每次查看均留痕。谈话人可在记录后 7 天内更正自己的记录。", "Talk notes are personal: only the leader and the secretary see them, and every view is logged. An author may correct their record within 7 days.")));
  return card({ title: t(`谈心谈话记录 · ${d.memberName}`, `Talk notes · ${d.memberName}`), template: "indigo", elements });
}
