// The 中文 / English buttons of the 语言 card: the card comes back, and the toast with it, in
// the language just chosen.
import { z } from "zod";
import { LANGUAGE_ACTION, languageCard } from "../../../../cards/language.ts";
import { defineAction } from "../../context.ts";
import { switchLanguage } from "../language-switch.ts";

export const languageSet = defineAction({
  id: LANGUAGE_ACTION,
  value: z.object({ lang: z.enum(["ZH", "EN"]) }),
  async run(ctx, { value }) {
    const { text } = await switchLanguage(ctx, value.lang);
    return { toast: { type: "success", text }, card: languageCard({ current: value.lang }), lang: value.lang };
  },
});
