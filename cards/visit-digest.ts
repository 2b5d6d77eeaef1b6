// The one card a visitor gets when a festival's visits are planned: whom to visit, why, by when.
import { dateWords } from "../src/domain/date-words.ts";
import { button, card, columns, hr, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { clip, esc, moreText, VISIT_ACTION } from "./visit-text.ts";

export interface DigestLineData {
  taskId: number;
  memberName: string;
  orgName: string;
  reason: Text;
}

export interface VisitDigestData {
  visitorName: string;
  festival: Text;
  year: number;
  date: string;
  total: number;
  lines: DigestLineData[];
  /** A later addition to a digest already sent (members who became eligible since). */
  addition?: boolean;
  /** The day it is planned: the festival's date shows its year when it is not this one (春节 planned in December). */
  today?: string;
}

export function taskRow(taskId: number, label: Text, buttonText: Text = t("记录走访", "Record visit")): Element {
  return columns([[md(label)], [button({ text: buttonText, action: VISIT_ACTION.open, value: { task: taskId }, type: "primary" })]]);
}

export function visitDigestCard(d: VisitDigestData): Card {
  const date = dateWords(d.date, d.today);
  const intro: Text = d.addition
    ? { zh: `${d.visitorName}同志，${d.festival.zh}（${date.zh}）走访名单新增 ${d.total} 位党员，请在节前完成走访慰问。`, en: `${d.visitorName}, ${d.total} more members were added to your ${d.festival.en} (${date.en}) visits.` }
    : {
        zh: `${d.visitorName}同志，${d.festival.zh}（${date.zh}）将至，请在节前走访慰问以下 ${d.total} 位党员，完成后逐一登记。`,
        en: `${d.visitorName}, ${d.festival.en} is on ${date.en}. Please visit these ${d.total} members before then and record each visit.`,
      };
  const more = moreText(d.lines.length, d.total, t("点击「记录走访」查看全部。", "open “Record visits” to see all."));
  // One line per member and one button: the card stays small for thousands of visitors, and
  // the button opens the visitor's list with a record button per member.
  return card({
    title: { zh: `${d.festival.zh}走访慰问安排`, en: `${d.festival.en} visits` },
    subtitle: { zh: `${d.year} 年 · 截止 ${dateWords(d.date, d.date).zh}`, en: `${d.year} · due ${dateWords(d.date, d.date).en}` },
    template: "red",
    elements: [
      md(intro),
      hr(),
      md({
        zh: d.lines.map((l) => `· **${esc(clip(l.memberName, 20))}**（${l.reason.zh || "走访对象"}）· ${esc(clip(l.orgName, 30))}`).join("\n"),
        en: d.lines.map((l) => `· **${esc(clip(l.memberName, 20))}** (${l.reason.en || "to visit"}) · ${esc(clip(l.orgName, 30))}`).join("\n"),
      }),
      ...(more ? [note(more)] : []),
      button({ text: t("记录走访", "Record visits"), action: VISIT_ACTION.list, type: "primary_filled" }),
      note(t("慰问金从帮扶资金支出，请在记录时选择资金来源。", "Money given comes from the aid fund: choose its source when recording.")),
    ],
  });
}
