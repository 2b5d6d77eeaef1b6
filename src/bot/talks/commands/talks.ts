// 谈心: the leader's members with their last talk and when the next is due, a button each.
import type { Command } from "../../context.ts";
import { actorBoard } from "../board-view.ts";

export const talks: Command = {
  name: "谈心",
  aliases: ["talks", "谈心谈话"],
  summary: { zh: "查看您联系的党员和谈心谈话到期情况，记录谈话", en: "your members, when each talk is due, and record a talk" },
  roles: ["LEADER", "SECRETARY"],
  // A member who types 谈心 may mean a talk with another member (互相谈心).
  instead: { commands: ["我的谈心", "互相谈心"] },
  privateOnly: true,
  async run(ctx) {
    ctx.reply({ card: await actorBoard(ctx, "list") });
  },
};
