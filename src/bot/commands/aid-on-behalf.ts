import { aidRequestFormCard } from "../../../cards/aid-request.ts";
import { ON_BEHALF_ROLES } from "../../domain/aid-rules.ts";
import { orgsWhere } from "../../domain/roles.ts";
import { membersNamed } from "../../store/aid-people.ts";
import type { Command } from "../context.ts";
import { UserError } from "../errors.ts";

/** 代为求助 <姓名> [手机尾号]: a leader files for a member who does not use Lark. */
export const aidOnBehalf: Command = {
  name: "代为求助",
  aliases: ["代为申请", "help for"],
  summary: { zh: "为不使用飞书的党员代为申请帮扶（代为求助 姓名）", en: "file a request for a member without Lark (help for <name>)" },
  roles: ON_BEHALF_ROLES,
  privateOnly: true,
  async run(ctx) {
    const [name, tail] = ctx.args.split(/\s+/).filter(Boolean);
    if (!name) throw new UserError("name_missing", { zh: "请写明党员姓名，例如「代为求助 张三」。", en: "Name the member, e.g. \"help for 张三\"." });
    const found = (await membersNamed(ctx.tx, name, orgsWhere(ctx.actor, ON_BEHALF_ROLES))).filter((p) => p.id !== ctx.actor.personId && (!tail || p.mobileTail === tail));
    if (found.length === 0) {
      throw new UserError("member_not_found", { zh: `在您所在支部找不到党员「${name}」${tail ? `（手机尾号 ${tail}）` : ""}，请核对姓名。为自己申请请发送「求助」。`, en: `No member called "${name}" in your branch. To ask for yourself, send "求助".` });
    }
    if (found.length > 1) {
      const tails = found.map((p) => p.mobileTail ?? "?").join("、");
      throw new UserError("member_ambiguous", { zh: `有 ${found.length} 位党员名为「${name}」，请加上手机尾号，例如「代为求助 ${name} ${found[0]?.mobileTail ?? "0000"}」（尾号：${tails}）。`, en: `${found.length} members are called "${name}"; add the last 4 digits of the mobile (${tails}).` });
    }
    const p = found[0]!;
    ctx.reply({ card: aidRequestFormCard({ ceilingFen: ctx.config.aidMaxFen, forPerson: { id: p.id, name: p.name } }) });
  },
};
