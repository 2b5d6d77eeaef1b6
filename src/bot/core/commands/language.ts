// 语言: shows the language the bot answers in, with a button for each; "English" / "英文" /
// "switch to english" switch to English at once, "中文" / "Chinese" / "切换中文" back to Chinese.
// One command for all of them: which one was meant is read from what the person wrote.
import { languageCard } from "../../../../cards/language.ts";
import type { Command } from "../../context.ts";
import { languageAsked, switchLanguage } from "../language-switch.ts";

export const language: Command = {
  name: "语言",
  aliases: ["language", "切换语言", "english", "英文", "英语", "switch to english", "切换英文", "中文", "chinese", "切换中文", "switch to chinese"],
  summary: { zh: "切换中文或英文", en: "switch between Chinese and English" },
  roles: "anyone",
  async run(ctx) {
    const said = ctx.inbound.kind === "message" ? ctx.inbound.text : "";
    const lang = languageAsked(said);
    if (!lang) {
      ctx.reply({ card: languageCard({ current: ctx.actor.language }) });
      return;
    }
    const { text } = await switchLanguage(ctx, lang);
    ctx.reply({ text, lang });
  },
};
