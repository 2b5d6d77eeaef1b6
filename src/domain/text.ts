// The one word for a text a person reads: both sides, Chinese and English, travel together until
// the message is delivered, where the reader's language (Person.language, Chinese unless they
// chose English) picks one side. Rules, labels and cards all hand texts around in this shape; it
// lives here, at the bottom floor, so domain rules and cards/ can both import it.

export type Text = { zh: string; en: string };

/** The language a person reads the bot in (the schema's enum Language). */
export type Lang = "ZH" | "EN";

/** The side of a text a reader of `lang` sees. */
export const pick = (text: Text, lang: Lang): string => (lang === "EN" ? text.en : text.zh);
