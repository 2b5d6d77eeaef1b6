// 转入 <姓名> <手机号> [日期] [来自 <原组织>]: a member arriving from outside this system joins the
// sender's branch (a transfer between branches here is recorded by the old branch with 转出).
import { parseTransferIn } from "../../../domain/membership-change.ts";
import { problem } from "../../../domain/problem.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { todayOf, type Command } from "../../context.ts";
import { must, notAllowed } from "../../errors.ts";
import { checkChange, confirmCardOf } from "../plan.ts";

const usage = problem(
  "usage",
  "请这样写：转入 <姓名> <手机号> [生效日期] [来自 原组织]，例如「转入 李四 13800001234 2026-12-01 来自 某市某党支部」。",
  'Usage: 转入 <name> <mobile> [date] [来自 <former organisation>], e.g. "转入 李四 13800001234 2026-12-01 来自 某市某党支部".',
);

export const transferIn: Command = {
  name: "转入",
  aliases: ["组织关系转入", "transfer in"],
  summary: { zh: "办理系统外党员组织关系转入本支部", en: "record a member transferring in from outside this system" },
  roles: ["SECRETARY"],
  instead: { ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const words = must(parseTransferIn(ctx.args, usage));
    // The sender's branch (a secretary of several: the first one, as 结对 picks it without a hint).
    const orgId = orgsWhere(ctx.actor, ["SECRETARY"])[0];
    if (orgId === undefined) throw notAllowed();
    const plan = await checkChange(ctx, {
      kind: "TRANSFER_IN",
      personId: null,
      orgId,
      day: words.day ?? todayOf(ctx),
      otherOrgId: null,
      otherOrgName: words.from,
      note: null,
      newPerson: { name: words.name, mobile: words.mobile },
    });
    ctx.reply({ card: confirmCardOf(plan) });
  },
};
