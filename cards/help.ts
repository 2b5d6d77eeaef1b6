import { card, hr, md, note, t, type Card, type Text } from "./kit.ts";

export interface HelpEntry {
  name: string;
  aliases: readonly string[];
  summary: Text;
}

/** The commands the reader's roles allow, one line each. */
export function helpCard(data: { name: string; roles: Text[]; entries: HelpEntry[] }): Card {
  const lines = data.entries.map((e) => {
    const alias = e.aliases.length > 0 ? `（${e.aliases.join(" / ")}）` : "";
    return { zh: `**${e.name}**${alias}：${e.summary.zh}`, en: `**${e.name}**${alias}: ${e.summary.en}` };
  });
  return card({
    title: t("同心 · 能帮您做什么", "Tongxin · what I can do for you"),
    template: "red",
    elements: [
      md({
        zh: `${data.name}，您好！您的身份：${data.roles.map((r) => r.zh).join("、") || "党员"}。`,
        en: `Hello ${data.name}. Your roles: ${data.roles.map((r) => r.en).join(", ") || "member"}.`,
      }),
      hr(),
      md({ zh: lines.map((l) => l.zh).join("\n"), en: lines.map((l) => l.en).join("\n") }),
      note(t("在私聊中直接发送命令；在群里请先 @同心。", "Send a command in a private chat, or @Tongxin in a group.")),
    ],
  });
}
