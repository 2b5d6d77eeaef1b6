// 帮助: the commands the reader's roles allow (the router passes the registry's list as ctx.commands).
import { helpCard } from "../../../../cards/help.ts";
import { ROLE_LABEL } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { visibleCommands } from "../../visible-commands.ts";

export const help: Command = {
  name: "帮助",
  aliases: ["help", "菜单", "?"],
  summary: { zh: "查看您可以使用的功能", en: "see what you can do" },
  roles: "anyone",
  async run(ctx) {
    const roles = [...new Set(ctx.actor.grants.map((g) => g.role))].map((r) => ROLE_LABEL[r]);
    ctx.reply({ card: helpCard({ name: ctx.actor.name, roles, entries: visibleCommands(ctx.actor, ctx.commands) }) });
  },
};
