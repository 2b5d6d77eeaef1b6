// 帮助: what this person may use where they asked, grouped by what they came to do (help-topics.ts).
import { helpCard, type HelpSection } from "../../../../cards/help.ts";
import { ROLE_LABEL } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { visibleCommands } from "../../visible-commands.ts";
import { HELP_TOPICS, OTHER_TOPIC, QUICK_BY_ROLE, QUICK_ROLE_ORDER } from "../help-topics.ts";

const englishAlias = (c: Command): string | undefined => c.aliases.find((a) => /^[a-z][a-z ]*$/i.test(a));

export const help: Command = {
  name: "帮助",
  aliases: ["help", "菜单", "?"],
  summary: { zh: "查看您可以使用的功能", en: "see what you can do" },
  roles: "anyone",
  async run(ctx) {
    const inGroup = ctx.inbound.kind === "message" && ctx.inbound.chatType === "group";
    const mine = visibleCommands(ctx.actor, ctx.commands).filter((c) => c.name !== help.name);
    // In a group only what answers there; the private-only ones are counted, not listed.
    const usable = inGroup ? mine.filter((c) => !c.privateOnly) : mine;
    const byName = new Map(usable.map((c) => [c.name, c]));
    const line = (c: Command, use = c.summary) => ({ name: c.name, use, ...(englishAlias(c) ? { english: englishAlias(c)! } : {}) });
    const sections: HelpSection[] = HELP_TOPICS.map((topic) => ({
      title: topic.title,
      lines: Object.entries(topic.commands).flatMap(([name, use]) => (byName.has(name) ? [line(byName.get(name)!, use)] : [])),
    }));
    const listed = new Set(HELP_TOPICS.flatMap((topic) => Object.keys(topic.commands)));
    sections.push({ title: OTHER_TOPIC, lines: usable.filter((c) => !listed.has(c.name)).map((c) => line(c)) });

    const roles = [...new Set(ctx.actor.grants.map((g) => g.role))];
    const main = QUICK_ROLE_ORDER.find((r) => roles.includes(r)) ?? "MEMBER";
    const quick = QUICK_BY_ROLE[main].filter((name) => byName.has(name));
    ctx.reply({
      card: helpCard({
        name: ctx.actor.name,
        roles: roles.map((r) => ROLE_LABEL[r]),
        sections,
        quick,
        ...(ctx.greeted ? { greeted: true } : {}),
        ...(inGroup ? { group: { privateOnly: mine.length - usable.length } } : {}),
      }),
    });
  },
};
