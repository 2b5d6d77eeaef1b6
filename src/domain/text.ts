// The one word for a bilingual text: what a person reads, Chinese first, English for a Lark
// that runs in English. Rules, labels and cards all hand texts around in this shape; it lives
// here, at the bottom floor, so domain rules and cards/ can both import it.

export type Text = { zh: string; en: string };
