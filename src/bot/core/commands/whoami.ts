// 我是谁: the reader's roles in each organisation, as the roster has them.
import { whoamiCard } from "../../../../cards/whoami.ts";
import { ROLE_LABEL } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";

export const whoami: Command = {
  name: "我是谁",
  aliases: ["whoami"],
  summary: { zh: "查看您在名册中的身份", en: "see how the roster knows you" },
  roles: "anyone",
  async run(ctx) {
    ctx.reply({ card: whoamiCard({ name: ctx.actor.name, grants: ctx.actor.grants.map((g) => ({ orgName: g.orgName, role: ROLE_LABEL[g.role] })) }) });
  },
};
