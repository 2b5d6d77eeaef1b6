// 提问 (知情权): a member's question to the branch secretary and the kept thread. The secretary's
// card carries the thread and a reply box; the member's card the answer and a box to ask on.
// Each card remembers how long the thread was when drawn (`n`): a reply from a stale card is refused.
import { NOTE_MAX } from "../src/domain/aid-rules.ts";
import { clip, esc, mdLines } from "./aid-common.ts";
import { button, card, form, hr, input, note, t, type Card, type Text } from "./kit.ts";
import { WORK_ACTION } from "./work-common.ts";

export interface ThreadLine {
  who: string;
  fromAsker: boolean;
  at: string;
  body: string;
}

export const QUESTION_MAX = NOTE_MAX;

export function threadLines(lines: readonly ThreadLine[], max = 10): Text[] {
  const shown = lines.slice(-max);
  const out: Text[] = lines.length > shown.length ? [{ zh: `（前 ${lines.length - shown.length} 条略）`, en: `(${lines.length - shown.length} earlier)` }] : [];
  for (const l of shown) {
    const icon = l.fromAsker ? "🙋" : "💬";
    out.push({ zh: `${icon} **${l.who}**（${l.at}）：${esc(clip(l.body, 600))}`, en: `${icon} **${l.who}** (${l.at}): ${esc(clip(l.body, 600))}` });
  }
  return out;
}

export function questionForSecretaryCard(data: { id: number; label: string; asker: string; branch: string; thread: ThreadLine[]; answered: boolean }): Card {
  return card({
    title: t(`党员提问 · ${data.asker}`, `A question from ${data.asker}`),
    subtitle: data.answered ? t(`已回复 · ${data.label}`, `answered · ${data.label}`) : t(`待回复 · ${data.label}`, `waiting for an answer · ${data.label}`),
    template: data.answered ? "green" : "orange",
    elements: [
      mdLines([{ zh: `**${data.asker}**（${data.branch}）问：`, en: `**${data.asker}** (${data.branch}) asks:` }, ...threadLines(data.thread)]),
      hr(),
      form("question_answer", [
        input({ name: "answer", label: data.answered ? t("补充回复", "Add to your answer") : t("回复", "Answer"), required: true, multiline: true, maxLength: QUESTION_MAX }),
        button({ text: t("发送回复", "Send"), action: WORK_ACTION.questionAnswer, value: { q: data.id, n: data.thread.length }, type: "primary_filled", name: "send", submit: true }),
      ]),
      note(t("回复会发给提问的党员，并保存在问答记录中。", "The member gets your answer; the thread is kept.")),
    ],
  });
}

export function questionForAskerCard(data: { id: number; label: string; thread: ThreadLine[]; answered: boolean }): Card {
  return card({
    title: data.answered ? t("支部书记回复了您的提问", "The secretary answered") : t("您的提问", "Your question"),
    subtitle: t(`编号 ${data.label}`, `No. ${data.label}`),
    template: data.answered ? "green" : "orange",
    elements: [
      mdLines(threadLines(data.thread)),
      hr(),
      form("question_follow_up", [
        input({ name: "text", label: t("继续追问（可不填）", "Ask on (optional)"), multiline: true, maxLength: QUESTION_MAX }),
        button({ text: t("追问", "Ask on"), action: WORK_ACTION.questionFollowUp, value: { q: data.id, n: data.thread.length }, name: "send", submit: true }),
      ]),
      note(t("发送「我的」可查看全部提问记录。", "Send \"我的\" to see all your questions.")),
    ],
  });
}
