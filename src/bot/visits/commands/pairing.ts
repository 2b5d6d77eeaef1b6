import { orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { pickBranch } from "../access.ts";
import { pairingView } from "../views.ts";

/** 结对: the secretary's pairing card (active pairings, end one, add one). */
export const pairing: Command = {
  name: "结对",
  aliases: ["pairing", "结对帮扶"],
  summary: { zh: "管理结对帮扶：部门挂钩、领导干部联系、党员结对", en: "manage pairings: department links, leader contacts, member pairs" },
  roles: ["SECRETARY"],
  instead: { commands: ["走访"] },
  privateOnly: true,
  async run(ctx) {
    const orgId = pickBranch(ctx, orgsWhere(ctx.actor, ["SECRETARY"]), ctx.args.trim());
    ctx.reply({ card: await pairingView(ctx, orgId) });
  },
};
