import { orgPairingActivityFormCard } from "../../../../cards/org-pairing.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { activityChoices } from "../views.ts";

/** 结对活动: the form to record a joint activity of one of the actor's active organisation pairings. */
export const orgPairingActivity: Command = {
  name: "结对活动",
  aliases: ["pairing activity"],
  summary: { zh: "登记组织结对的共建活动", en: "record a joint activity of an organisation pairing" },
  roles: ["SECRETARY", "AFFAIRS_WORKER"],
  instead: { ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const choices = await activityChoices(ctx);
    if (choices.length === 0) {
      ctx.reply({ text: { zh: "您所在组织暂无进行中的组织结对。发送「组织结对」可建立结对。", en: "Your organisation has no active pairing; send 组织结对 to set one up." } });
      return;
    }
    ctx.reply({ card: orgPairingActivityFormCard({ today: todayOf(ctx), choices }) });
  },
};
