// 意见建议 (参与权, 监督权): the member's form (named or anonymous), what the member sees after
// submitting, the secretaries' card with the answer form, the member's answer, and the lists.
// An anonymous item is drawn with 匿名 and no name anywhere: there is none to draw.
import { SUGGESTION_ANSWER_MAX, SUGGESTION_BODY_MAX, SUGGESTION_KIND_LABEL, type SuggestionKind } from "../src/domain/suggestion.ts";
import { clip, esc, mdLines } from "./aid-common.ts";
import { button, card, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";

export const SUGGESTION_ACTION = {
  submit: "suggestion-submit",
  answer: "suggestion-answer",
} as const;

const kindOptions = (["SUGGESTION", "OPINION", "CRITICISM"] as const).map((k) => ({ value: k, text: SUGGESTION_KIND_LABEL[k] }));

const kindOf = (k: SuggestionKind): Text => SUGGESTION_KIND_LABEL[k];

/**
 * The form. Anonymous is the default: a member hesitating over a criticism should not have to
 * find the switch that protects them. A form pre-filled from words typed after 意见建议 can only
 * be submitted with the name: those words already sit in the chat with the sender's name.
 */
export function suggestionFormCard(data: { branch: string; prefill?: string; anonymousAllowed: boolean }): Card {
  const who: Element[] = data.anonymousAllowed
    ? [
        select({
          name: "who",
          placeholder: t("署名方式", "Named or anonymous"),
          required: true,
          initial: "anonymous",
          options: [
            { value: "anonymous", text: t("匿名（书记看不到您的名字）", "Anonymous (nobody sees your name)") },
            { value: "named", text: t("署名", "With my name") },
          ],
        }),
      ]
    : [];
  const notes: Text = data.anonymousAllowed
    ? t(
        "匿名提交：系统不保存您的名字，书记、党委和审计记录都看不到是谁提的；答复会私信告诉您，但匿名意见不会出现在「我的意见」里。署名提交：书记看到您的名字，可在「我的意见」查看答复。",
        "Anonymous: your name is not kept anywhere, not for the secretary, the committee or the audit; the answer still reaches you privately, but the item is not listed under \"我的意见\". Named: the secretary sees your name and you can find it under \"我的意见\".",
      )
    : t(
        "您在聊天里写的内容已和您的名字一起留在消息记录中，所以这张表单只能署名提交。想匿名提交，请只发送「意见建议」四个字，在新表单里填写。",
        "What you typed in the chat is kept with your name, so this form can only be submitted with your name. To be anonymous, send just \"意见建议\" and write in the new form.",
      );
  return card({
    title: t("意见建议", "Suggestions and criticism"),
    subtitle: t(`提给${data.branch}`, `to ${data.branch}`),
    template: "blue",
    elements: [
      form("suggestion", [
        select({ name: "kind", placeholder: t("类别", "Kind"), required: true, initial: "SUGGESTION", options: kindOptions }),
        input({
          name: "body",
          label: t("内容", "What you want to say"),
          placeholder: t("请写清楚是什么事、您的看法或建议", "What it is about, and what you think should happen"),
          required: true,
          multiline: true,
          maxLength: SUGGESTION_BODY_MAX,
          ...(data.prefill ? { defaultValue: data.prefill } : {}),
        }),
        ...who,
        button({ text: t("提交", "Submit"), action: SUGGESTION_ACTION.submit, value: { n: data.anonymousAllowed ? 1 : 0 }, type: "primary_filled", name: "submit", submit: true }),
      ]),
      note(notes),
    ],
  });
}

/** What the form turns into once submitted. */
export function suggestionSubmittedCard(data: { number: string; kind: SuggestionKind; body: string; anonymous: boolean; notified: number }): Card {
  const lines: Text[] = [
    { zh: `**${kindOf(data.kind).zh}**：${esc(clip(data.body, 300))}`, en: `**${kindOf(data.kind).en}**: ${esc(clip(data.body, 300))}` },
    data.anonymous
      ? t(
          "已匿名提交，答复会私信告诉您。系统里没有任何记录把这条意见和您联系起来，所以它不会出现在「我的意见」里，请记下编号。",
          "Submitted anonymously; the answer will come to you privately. Nothing links this item to you, so it is not listed under \"我的意见\": note its number.",
        )
      : t("已署名提交，书记答复后会通知您；发送「我的意见」可查看。", "Submitted with your name; you will be told of the answer. Send \"我的意见\" to see it."),
  ];
  if (data.notified === 0) lines.push(t("本支部暂无可在线接收的书记，意见已保存，上级党组织也能看到。", "No secretary of your branch is on Lark now; the item is kept and the committee above can see it."));
  return card({
    title: data.anonymous ? t(`已匿名提交 · ${data.number}`, `Submitted anonymously · ${data.number}`) : t(`已提交 · ${data.number}`, `Submitted · ${data.number}`),
    template: "green",
    elements: [mdLines(lines)],
  });
}

export interface SuggestionView {
  id: number;
  number: string;
  kind: SuggestionKind;
  branch: string;
  body: string;
  /** The author's name; null when anonymous. */
  author: string | null;
  /** The day it was filed, in words (domain/date-words.ts). */
  filed: Text;
  answer: { text: string; by: string; at: Text } | null;
}

const authorText = (author: string | null): Text => (author === null ? t("匿名", "anonymous") : t(author, author));

/** The branch secretaries' card: the item, and an answer form while it is open. `reminder` after 5 working days. */
export function suggestionForSecretaryCard(s: SuggestionView, opts: { reminder?: { waited: number } } = {}): Card {
  const who = authorText(s.author);
  const elements: Element[] = [
    mdLines([
      { zh: `**${kindOf(s.kind).zh}** · ${who.zh} · ${s.filed.zh}`, en: `**${kindOf(s.kind).en}** · ${who.en} · ${s.filed.en}` },
      { zh: esc(clip(s.body, 1000)), en: esc(clip(s.body, 1000)) },
    ]),
  ];
  if (s.answer) {
    elements.push(hr(), md({ zh: `**答复**（${s.answer.by}，${s.answer.at.zh}）：${esc(clip(s.answer.text, 1000))}`, en: `**Answer** (${s.answer.by}, ${s.answer.at.en}): ${esc(clip(s.answer.text, 1000))}` }));
  } else {
    elements.push(
      hr(),
      form("suggestion_answer", [
        input({ name: "answer", label: t("答复", "Answer"), required: true, multiline: true, maxLength: SUGGESTION_ANSWER_MAX }),
        button({ text: t("发送答复", "Send the answer"), action: SUGGESTION_ACTION.answer, value: { s: s.id }, type: "primary_filled", name: "send", submit: true }),
      ]),
      note(
        s.author === null
          ? t("这是匿名意见：答复会私信转给提出的党员，系统不知道也不显示是谁。", "Anonymous: the answer is passed on privately; nobody, the system included, can tell you who it is.")
          : t("答复会发给提出的党员，并保存在记录中。", "The member gets your answer; it is kept."),
      ),
    );
  }
  const title = opts.reminder
    ? t(`提醒：意见建议待答复（已 ${opts.reminder.waited} 个工作日）· ${s.number}`, `Reminder: waiting ${opts.reminder.waited} working days · ${s.number}`)
    : t(`党员${kindOf(s.kind).zh} · ${s.number}`, `A member's ${kindOf(s.kind).en} · ${s.number}`);
  return card({ title, subtitle: t(s.branch, s.branch), template: s.answer ? "green" : opts.reminder ? "red" : "orange", elements });
}

/** To the member who put it: the answer. */
export function suggestionAnsweredCard(s: { number: string; kind: SuggestionKind; branch: string; body: string; answer: string; anonymous: boolean }): Card {
  return card({
    title: t(`您的${kindOf(s.kind).zh}有答复了 · ${s.number}`, `Your ${kindOf(s.kind).en} was answered · ${s.number}`),
    subtitle: t(s.branch, s.branch),
    template: "green",
    elements: [
      mdLines([
        { zh: `**您提的**：${esc(clip(s.body, 300))}`, en: `**You wrote**: ${esc(clip(s.body, 300))}` },
        { zh: `**答复**：${esc(clip(s.answer, 1000))}`, en: `**Answer**: ${esc(clip(s.answer, 1000))}` },
      ]),
      note(
        s.anonymous
          ? t("这是您匿名提出的意见，答复人不知道是您。此消息发出后，系统不保留发给谁的记录。", "You put this anonymously; whoever answered does not know it was you. Once sent, no record of whom it went to is kept.")
          : t("发送「我的意见」可查看您提过的意见建议。", "Send \"我的意见\" to see your suggestions."),
      ),
    ],
  });
}

export interface ListedItem {
  number: string;
  kind: SuggestionKind;
  branch: string;
  body: string;
  /** Shown to the branch: the name or 匿名; to the committee only 署名 or 匿名. */
  who: Text;
  filed: Text;
  answer: string | null;
}

function itemLines(items: readonly ListedItem[], showBranch: boolean): Text[] {
  return items.map((i) => {
    const where = showBranch ? { zh: `${i.branch} · `, en: `${i.branch} · ` } : { zh: "", en: "" };
    const status = i.answer === null ? t("**待答复**", "**open**") : t("已答复", "answered");
    const answer = i.answer === null ? { zh: "", en: "" } : { zh: `\n　答复：${esc(clip(i.answer, 200))}`, en: `\n　Answer: ${esc(clip(i.answer, 200))}` };
    return {
      zh: `· ${i.number} ${where.zh}${kindOf(i.kind).zh} · ${i.who.zh} · ${i.filed.zh} · ${status.zh}\n　${esc(clip(i.body, 200))}${answer.zh}`,
      en: `· ${i.number} ${where.en}${kindOf(i.kind).en} · ${i.who.en} · ${i.filed.en} · ${status.en}\n　${esc(clip(i.body, 200))}${answer.en}`,
    };
  });
}

/** A branch's (or a committee's branches') open items and recent answered ones. */
export function suggestionListCard(data: { scope: string; committee: boolean; open: number; items: ListedItem[] }): Card {
  const elements: Element[] = [
    md({ zh: `待答复 ${data.open} 条；下面是待答复的和最近答复的。`, en: `${data.open} open; below, the open ones and the latest answered.` }),
  ];
  if (data.items.length === 0) elements.push(md(t("还没有党员提过意见建议。", "No suggestions yet.")));
  else elements.push(mdLines(itemLines(data.items, data.committee)));
  elements.push(
    note(
      data.committee
        ? t("党委只看到内容与答复情况：署名意见不显示提出人，匿名意见本就没有名字。", "The committee sees what was said and how it was answered: no author names.")
        : t("待答复的意见，请在收到的意见卡片上答复。", "Answer an open item on the card you received for it."),
    ),
  );
  return card({ title: data.committee ? t(`各支部意见建议 · ${data.scope}`, `Suggestions in the branches · ${data.scope}`) : t(`意见建议 · ${data.scope}`, `Suggestions · ${data.scope}`), template: "indigo", elements });
}

/** 我的意见: a member's named items with their answers. */
export function mySuggestionsCard(data: { items: ListedItem[] }): Card {
  const elements: Element[] =
    data.items.length === 0
      ? [md(t("您还没有署名提过意见建议。发送「意见建议」可以提。", "You have not put any named suggestion. Send \"意见建议\" to put one."))]
      : [mdLines(itemLines(data.items, false))];
  elements.push(note(t("匿名提的意见不在这里：系统没有把它们和您联系起来的记录。", "Anonymous items are not here: nothing links them to you.")));
  return card({ title: t("我的意见建议", "My suggestions"), template: "blue", elements });
}
