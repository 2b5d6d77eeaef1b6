import { md, card, t } from "../../../../cards/kit.ts";
import { ROLE_LABEL } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";

export const whoami: Command = {
  name: "我是谁",
  aliases: ["whoami"],
  summary: { zh: "查看您在名册中的身份", en: "see how the roster knows you" },
  roles: "anyone",
  async run(ctx) {
    const lines = ctx.actor.grants.map((g) => ({ zh: `${g.orgName}：${ROLE_LABEL[g.role].zh}`, en: `${g.orgName}: ${ROLE_LABEL[g.role].en}` }));
    ctx.reply({
      card: card({
        title: t("我的身份", "Who I am"),
        elements: [md({ zh: `**${ctx.actor.name}**\n${lines.map((l) => l.zh).join("\n")}`, en: `**${ctx.actor.name}**\n${lines.map((l) => l.en).join("\n")}` })],
      }),
    });
  },
};
