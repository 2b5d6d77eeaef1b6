// What 语言 and its buttons share: the switch itself (stored, audited) and its answer, said in
// the language just chosen, so the person sees at once that it took.
import type { Lang, Text } from "../../domain/text.ts";
import type { BaseContext } from "../context.ts";

/** 中文 / Chinese / 切换中文 … → ZH, English / 英文 / switch to english … → EN, anything else: undefined. */
export function languageAsked(text: string): Lang | undefined {
  const s = text.toLowerCase();
  if (/english|英文|英语/.test(s)) return "EN";
  if (/chinese|中文|汉语|简体/.test(s)) return "ZH";
  return undefined;
}

const switched: Record<Lang, Text> = {
  ZH: { zh: "已切换为中文。以后的消息、卡片和提示都用中文；发送「English」可切换为英文。", en: "Switched to Chinese." },
  EN: { zh: "已切换为英文。", en: "Switched to English: messages, cards and notices will be in English from now on. Send “Chinese” to switch back." },
};

const already: Record<Lang, Text> = {
  ZH: { zh: "同心已经在用中文回复您。发送「English」可切换为英文。", en: "Tongxin already answers you in Chinese." },
  EN: { zh: "同心已经在用英文回复您。", en: "Tongxin already answers you in English. Send “Chinese” to switch to Chinese." },
};

/** Stores the person's language (audited when it changes) and says so in that language. */
export async function switchLanguage(ctx: BaseContext, lang: Lang): Promise<{ text: Text; changed: boolean }> {
  const before = await ctx.store.people.setLanguage(ctx.actor.personId, lang);
  if (before === lang) return { text: already[lang], changed: false };
  await ctx.audit({ action: "person.language", subjectType: "Person", subjectId: ctx.actor.personId, subjectPersonId: ctx.actor.personId, changes: { language: [before, lang] } });
  return { text: switched[lang], changed: true };
}
