// 我是谁: how the roster knows the reader, one line per organisation and role.
import { card, md, t, type Card, type Text } from "./kit.ts";

export function whoamiCard(d: { name: string; grants: { orgName: string; role: Text }[] }): Card {
  const lines = d.grants.map((g) => ({ zh: `${g.orgName}：${g.role.zh}`, en: `${g.orgName}: ${g.role.en}` }));
  return card({
    title: t("我的身份", "Who I am"),
    elements: [md({ zh: `**${d.name}**\n${lines.map((l) => l.zh).join("\n")}`, en: `**${d.name}**\n${lines.map((l) => l.en).join("\n")}` })],
  });
}
