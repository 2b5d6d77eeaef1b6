import { aidRequestFormCard } from "../../../../cards/aid-request.ts";
import type { Command } from "../../context.ts";

/** 求助: the member's own request form. Private, since what they write is personal. */
export const aidRequest: Command = {
  name: "求助",
  aliases: ["申请帮扶", "help me"],
  summary: { zh: "遇到困难时申请帮扶，由支部书记审批", en: "ask for help; your branch secretary decides" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    ctx.reply({ card: aidRequestFormCard({ ceilingFen: ctx.config.aidMaxFen }) });
  },
};
