// 语言: which language the bot answers this person in, with a button for each. The language
// names stay in their own language on both sides, so a person who cannot read the current one
// still finds theirs.
import { button, card, columns, md, note, t, type Card } from "./kit.ts";
import type { Lang } from "../src/domain/text.ts";

/** The card action of the two buttons (src/bot/core/actions/language-set.ts). */
export const LANGUAGE_ACTION = "language-set";

const NAME: Record<Lang, string> = { ZH: "中文", EN: "English" };

export function languageCard(d: { current: Lang }): Card {
  const choice = (lang: Lang) => [
    button({ text: t(NAME[lang], NAME[lang]), action: LANGUAGE_ACTION, value: { lang }, type: lang === d.current ? "primary_filled" : "default" }),
  ];
  return card({
    title: t("语言", "Language"),
    elements: [
      md(t(`同心现在用**${NAME[d.current]}**回复您，卡片和提示也一样。`, `Tongxin answers you in **${NAME[d.current]}**: messages, cards and notices.`)),
      columns([choice("ZH"), choice("EN")]),
      note(t("也可以直接发送「English」或「中文」切换。", "You can also send “English” or “Chinese” to switch.")),
    ],
  });
}
