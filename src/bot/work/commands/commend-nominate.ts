import { commendFormCard } from "../../../../cards/commend.ts";
import { NOMINATOR_ROLES } from "../../../domain/commend-rules.ts";
import type { Command } from "../../context.ts";
import { memberNamedInArgs } from "../../member-named.ts";

/** 表彰提名 <姓名>: a leader nominates a member of their branch; the secretary decides. */
export const commendNominate: Command = {
  name: "表彰提名",
  aliases: ["提名表彰", "nominate"],
  summary: { zh: "提名表彰优秀党员（表彰提名 姓名），由支部书记审批", en: "nominate a member for commendation (nominate <name>)" },
  roles: NOMINATOR_ROLES,
  instead: { commands: ["表彰记录"] },
  privateOnly: true,
  async run(ctx) {
    const p = await memberNamedInArgs(ctx.store, ctx.actor, ctx.args, NOMINATOR_ROLES, "表彰提名");
    const orgName = ctx.actor.grants.find((g) => g.orgId === p.orgId)?.orgName ?? "?";
    ctx.reply({ card: commendFormCard({ person: { id: p.id, name: p.name }, orgName }) });
  },
};
