// 谁看过我的档案: any member asks who read or changed their records, and gets the list in words
// (the right to know, 个人信息保护法). Private chat only: the list names their records.
import type { Command } from "../../context.ts";
import { myAuditCard } from "../audit-view.ts";

export const whoReadMine: Command = {
  name: "谁看过我的档案",
  aliases: ["我的记录查阅", "谁查看了我的记录", "who read my records"],
  summary: { zh: "看看谁查看或修改过您的记录", en: "see who viewed or changed your records" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    ctx.reply({ card: await myAuditCard(ctx) });
  },
};
