// 查阅记录 张三 [尾号] [查看|修改]: a secretary asks who viewed or changed a member's records, for
// members of their organisation and of every organisation below it. The lookup is audited about
// the member, who sees it in their own list.
import type { AuditFilter } from "../../../../cards/audit-lines.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { memberAuditCard, memberNamed } from "../audit-view.ts";

const FILTER_WORD: Readonly<Record<string, AuditFilter>> = { 查看: "view", 修改: "change", 全部: "all" };

export const auditLookup: Command = {
  name: "查阅记录",
  aliases: ["audit"],
  summary: { zh: "查看谁查看或修改过某位党员的记录", en: "see who viewed or changed a member's records" },
  roles: ["SECRETARY"],
  privateOnly: true,
  instead: { commands: ["谁看过我的档案"] },
  async run(ctx) {
    const words = ctx.args.split(/\s+/).filter(Boolean);
    const filter = words.map((w) => FILTER_WORD[w]).find((f) => f !== undefined) ?? "all";
    const [name, tail] = words.filter((w) => !(w in FILTER_WORD));
    if (!name) throw new UserError("name_missing", { zh: "请写明党员姓名，例如「查阅记录 张三」，只看修改可写「查阅记录 张三 修改」。", en: 'Name the member, e.g. "查阅记录 张三".' });
    const member = await memberNamed(ctx, name, tail, "查阅记录");
    ctx.reply({ card: await memberAuditCard(ctx, member, filter) });
  },
};
