import type { Command } from "../../context.ts";
import { pickOrg } from "../access.ts";
import { pairingListView } from "../views.ts";

/** 组织结对: the organisation's pairings with other organisations, and a button to set one up. */
export const orgPairing: Command = {
  name: "组织结对",
  aliases: ["org pairing", "城乡结对"],
  summary: { zh: "组织之间结对共建：城乡结对、部门挂钩", en: "organisations paired with organisations" },
  roles: ["SECRETARY", "AFFAIRS_WORKER"],
  instead: { ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    ctx.reply({ card: await pairingListView(ctx, await pickOrg(ctx, ctx.args.trim())) });
  },
};
