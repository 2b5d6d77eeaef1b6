// 转出 <党员> 到 <党支部名称或代码> [日期] [备注]: a transfer to a branch of this system (items move
// with the member, both secretaries are told); 转出 <党员> 到系统外 <组织名称> for one outside it.
// A name that is no branch here is refused rather than taken for an outside one: a typo must
// not send a member's history nowhere.
import { parseTransferOut } from "../../../domain/membership-change.ts";
import { problem } from "../../../domain/problem.ts";
import { todayOf, type Command } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { checkChange, confirmCardOf } from "../plan.ts";
import { subjectNamed } from "../subject.ts";

const usage = problem(
  "usage",
  "请这样写：转出 <党员姓名> 到 <党支部名称或代码> [生效日期] [备注]，例如「转出 张三 到 第二党支部 2026-12-01」；转往本系统以外的组织写「转出 张三 到系统外 某市某党支部 2026-12-01」。",
  'Usage: 转出 <member> 到 <branch name or code> [date] [note], e.g. "转出 张三 到 第二党支部 2026-12-01"; outside this system: "转出 张三 到系统外 <organisation>".',
);

export const transferOut: Command = {
  name: "转出",
  aliases: ["组织关系转出", "transfer out"],
  summary: { zh: "办理党员组织关系转出（系统内支部或系统外组织）", en: "transfer a member out (to a branch here or an organisation outside)" },
  roles: ["SECRETARY"],
  instead: { ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const words = must(parseTransferOut(ctx.args, usage));
    const subject = await subjectNamed(ctx, words.who, "转出");
    let otherOrgId: number | null = null;
    let otherOrgName = words.to;
    if (!words.outside) {
      const branches = await ctx.store.membershipChanges.branchesNamed(words.to);
      if (branches.length === 0) {
        throw new UserError("unknown_branch", {
          zh: `系统中没有名称或代码为「${words.to}」的党支部，请核对名称。若转往本系统以外的组织，请写「转出 ${words.who} 到系统外 ${words.to}」。`,
          en: `No branch here is named or coded "${words.to}"; for an organisation outside this system write "转出 ${words.who} 到系统外 ${words.to}".`,
        });
      }
      if (branches.length > 1) {
        throw new UserError("ambiguous_branch", { zh: `有 ${branches.length} 个党支部名为「${words.to}」，请改用代码：${branches.map((b) => b.code).join("、")}。`, en: `Several branches are called "${words.to}"; use a code: ${branches.map((b) => b.code).join(", ")}.` });
      }
      otherOrgId = branches[0]!.id;
      otherOrgName = branches[0]!.name;
    }
    const plan = await checkChange(ctx, {
      kind: "TRANSFER_OUT",
      personId: subject.id,
      orgId: subject.orgId,
      day: words.day ?? todayOf(ctx),
      otherOrgId,
      otherOrgName,
      note: words.note,
      newPerson: null,
    });
    ctx.reply({ card: confirmCardOf(plan) });
  },
};
