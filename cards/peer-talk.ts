// Members talking with members (党员之间相互谈心): the light form a member fills in after talking
// with another member of the branch, the answer once it is recorded, the card that tells the
// other member, and the lines that list such talks in 我的谈心 and 谈心记录.
import { type Day } from "../src/domain/calendar-day.ts";
import { dateWords } from "../src/domain/date-words.ts";
import { button, card, datePicker, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";
import { joinLines, TALK_FORM_LABEL } from "./talk-parts.ts";

export const PEER_TALK_RECORD = "peer-talk-record";

type Form = keyof typeof TALK_FORM_LABEL;

export interface PeerTalkFormData {
  orgId: number;
  orgName: string;
  /** Who one may choose: the branch's active members but the reader. */
  peers: { id: number; name: string }[];
  /** More members than the list holds: the card says to name the one meant. */
  more: boolean;
  /** Chosen already (互相谈心 张三). */
  peerId?: number;
  today: Day;
  earliest: Day;
  notesMax: number;
}

export function peerTalkFormCard(d: PeerTalkFormData): Card {
  const chosen = d.peerId !== undefined ? d.peers.find((p) => p.id === d.peerId) : undefined;
  const elements: Element[] = [
    md({
      zh: `记录您与${d.orgName}另一位党员的谈心：和谁、哪天、怎么谈的${chosen ? `（已选：**${chosen.name}**）` : ""}。`,
      en: `Record a talk you had with another member of ${d.orgName}: with whom, when and how${chosen ? ` (chosen: **${chosen.name}**)` : ""}.`,
    }),
    form("peer_talk", [
      select({
        name: "peer",
        placeholder: t("谈心对象", "Who you talked with"),
        required: true,
        ...(chosen ? { initial: String(chosen.id) } : {}),
        options: d.peers.map((p) => ({ value: String(p.id), text: { zh: p.name, en: p.name } })),
      }),
      datePicker({ name: "heldOn", placeholder: t("谈心日期", "Date of the talk"), required: true, initial: d.today }),
      select({
        name: "form",
        placeholder: t("谈心方式", "How"),
        required: true,
        initial: "IN_PERSON",
        options: (["IN_PERSON", "PHONE", "VIDEO"] as const).map((v) => ({ value: v, text: TALK_FORM_LABEL[v] })),
      }),
      input({
        name: "notes",
        label: t("谈了什么（选填）", "What you talked about (optional)"),
        placeholder: t("例如：交流学习体会，互相提了意见", "e.g. shared what we studied, gave each other advice"),
        multiline: true,
        maxLength: d.notesMax,
      }),
      button({ text: t("保存谈心记录", "Save the talk"), action: PEER_TALK_RECORD, value: { o: d.orgId }, type: "primary_filled", name: "save", submit: true }),
    ]),
  ];
  if (d.more) elements.push(note(t("名单只列出部分党员；找不到对方时，请发送「互相谈心 姓名」。", "The list shows some members only; send 互相谈心 <name> for another.")));
  elements.push(
    note({
      zh: `可记录今天及之前 ${dateWords(d.earliest, d.today).zh} 以来的谈心。谈心内容仅您、对方和支部书记可见；对方会收到谈心已记录的通知（不含内容）。`,
      en: `Talks from ${dateWords(d.earliest, d.today).en} to today. Only you, the other member and the branch secretary see the notes; the other member is told the talk was recorded (without the notes).`,
    }),
  );
  return card({ title: t("记录党员互相谈心", "Record a talk between members"), template: "turquoise", elements });
}

/** The form once saved: what was recorded, from the row written. */
/** `peerTold` left out: the answer to a second save, which tells nobody again. */
export function peerTalkRecordedCard(d: { peerName: string; heldOn: Day; form: Form; hasNotes: boolean; peerTold?: boolean; today?: Day }): Card {
  const on = dateWords(d.heldOn, d.today);
  const lines: Text[] = [
    { zh: `✅ 已记录 ${on.zh} 与${d.peerName}的谈心（${TALK_FORM_LABEL[d.form].zh}）${d.hasNotes ? "，含谈心内容" : ""}。`, en: `✅ Your talk with ${d.peerName} on ${on.en} (${TALK_FORM_LABEL[d.form].en}) is recorded${d.hasNotes ? ", with notes" : ""}.` },
    ...(d.peerTold === undefined ? [] : [d.peerTold ? t(`已通知${d.peerName}。`, `${d.peerName} has been told.`) : t(`${d.peerName}未使用飞书，未发送通知。`, `${d.peerName} does not use Lark and was not told.`)]),
  ];
  return card({
    title: t(`已记录互相谈心 · ${d.peerName}`, `Talk recorded · ${d.peerName}`),
    template: "green",
    elements: [md(joinLines(lines)), note(t("发送「我的谈心」查看您的谈心记录。", "Send 我的谈心 to see your talks."))],
  });
}

/**
 * What the other member is told. The notes are left out on purpose: a pushed message stays in
 * the chat beyond the record's erasure and its reading is not logged, while 我的谈心 shows them on
 * request, each view audited.
 */
export function peerTalkNoticeCard(d: { recorderName: string; heldOn: Day; form: Form; today?: Day }): Card {
  const on = dateWords(d.heldOn, d.today);
  return card({
    title: t("党员互相谈心", "A talk between members"),
    template: "turquoise",
    elements: [
      md({ zh: `${d.recorderName}记录了 ${on.zh} 与您的谈心（${TALK_FORM_LABEL[d.form].zh}）。`, en: `${d.recorderName} recorded a talk with you on ${on.en} (${TALK_FORM_LABEL[d.form].en}).` }),
      note(t("发送「我的谈心」查看记录；如有不符，请告诉对方或支部书记。", "Send 我的谈心 to see it; if something is wrong, tell them or the branch secretary.")),
    ],
  });
}

export interface PeerTalkLine {
  heldOn: Day;
  form: Form;
  recordedById: number;
  recordedByName: string;
  peerId: number;
  peerName: string;
  notes: string | null;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * The talks as lines under a heading: seen by one of the two (`viewerId`: "与李四"), or by the
 * secretary ("张三 与 李四"). Nothing when there are none.
 */
export function peerTalkElements(talks: readonly PeerTalkLine[], opts: { viewerId?: number; today?: Day }): Element[] {
  if (talks.length === 0) return [];
  const lines = talks.map((x): Text => {
    const on = dateWords(x.heldOn, opts.today);
    const how = TALK_FORM_LABEL[x.form];
    const mine = opts.viewerId === x.recordedById || opts.viewerId === x.peerId;
    const other = opts.viewerId === x.recordedById ? x.peerName : x.recordedByName;
    const who: Text = mine ? { zh: `与${other}`, en: `with ${other}` } : { zh: `${x.recordedByName} 与 ${x.peerName}`, en: `${x.recordedByName} with ${x.peerName}` };
    const by: Text = opts.viewerId === x.recordedById ? t("您记录", "recorded by you") : { zh: `${x.recordedByName}记录`, en: `recorded by ${x.recordedByName}` };
    const head = { zh: `· ${on.zh} ${who.zh}（${how.zh}，${by.zh}）`, en: `· ${on.en} ${who.en} (${how.en}, ${by.en})` };
    return x.notes ? { zh: `${head.zh}\n  ${clip(x.notes)}`, en: `${head.en}\n  ${clip(x.notes)}` } : head;
  });
  return [hr(), md(t("**党员互相谈心**", "**Talks between members**")), md(joinLines(lines))];
}

/** Sample data for the catalog (cards/talk-catalog.ts). */
export const PEER_TALK_SAMPLES: Record<string, () => Card> = {
  "peer-talk-form": () =>
    peerTalkFormCard({
      orgId: 3,
      orgName: "磐东居委第一党支部",
      peers: [
        { id: 6, name: "李四" },
        { id: 7, name: "王五" },
      ],
      more: false,
      peerId: 6,
      today: "2027-03-01",
      earliest: "2026-12-01",
      notesMax: 500,
    }),
  "peer-talk-recorded": () => peerTalkRecordedCard({ peerName: "李四", heldOn: "2027-03-01", form: "IN_PERSON", hasNotes: true, peerTold: true, today: "2027-03-01" }),
  "peer-talk-notice": () => peerTalkNoticeCard({ recorderName: "张三", heldOn: "2027-03-01", form: "PHONE", today: "2027-03-01" }),
};
