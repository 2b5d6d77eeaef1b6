import type { Command } from "../../context.ts";
import { visitList } from "../views.ts";

/** 走访: the reader's open visits, pairings and mobile members, each with its button. */
export const visits: Command = {
  name: "走访",
  aliases: ["visits", "我的走访"],
  summary: { zh: "查看我的走访任务、结对帮扶对象和流动党员，并登记走访、联系", en: "your visits, paired and mobile members; record visits and contacts" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    ctx.reply({ card: await visitList(ctx) });
  },
};
