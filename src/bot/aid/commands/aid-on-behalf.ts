import { aidRequestFormCard } from "../../../../cards/aid-request.ts";
import { ON_BEHALF_ROLES } from "../../../domain/aid-rules.ts";
import type { Command } from "../../context.ts";
import { memberNamedInArgs } from "../../member-named.ts";

/** 代为求助 <姓名> [手机尾号]: a leader files for a member who does not use Lark. */
export const aidOnBehalf: Command = {
  name: "代为求助",
  aliases: ["代为申请", "help for"],
  summary: { zh: "为不使用飞书的党员代为申请帮扶（代为求助 姓名）", en: "file a request for a member without Lark (help for <name>)" },
  roles: ON_BEHALF_ROLES,
  instead: { commands: ["求助"], ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const p = await memberNamedInArgs(ctx.store, ctx.actor, ctx.args, ON_BEHALF_ROLES, "代为求助", {
      notSelf: true,
      selfHint: { zh: "为自己申请请发送「求助」。", en: 'To ask for yourself, send "求助".' },
    });
    ctx.reply({ card: aidRequestFormCard({ ceilingFen: ctx.config.aidMaxFen, forPerson: { id: p.id, name: p.name } }) });
  },
};
