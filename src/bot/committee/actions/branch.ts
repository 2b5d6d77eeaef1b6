// 查看 on a row of 党委总览: that branch's figures in full, for the secretary or affairs worker of
// the committee above it (a forged branch or committee is refused and nothing is shown).
import { z } from "zod";
import { COMMITTEE_BRANCH_ACTION } from "../../../../cards/committee-overview.ts";
import { parseQuarter } from "../../../domain/quarter.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { branchCard, committeeForClick } from "../views.ts";

export const QUARTER_VALUE = z.string().regex(/^\d{4}Q[1-4]$/, "季度格式有误，请重新发送「党委总览」");

export const committeeBranch = defineAction({
  id: COMMITTEE_BRANCH_ACTION,
  value: z.object({ b: z.coerce.number().int().positive("支部有误"), c: z.coerce.number().int().positive("党委有误"), p: QUARTER_VALUE }),
  async run(ctx, { value }) {
    const tree = await ctx.store.committeeFigures.orgTree();
    const committee = await committeeForClick(ctx, value.c, tree);
    const period = parseQuarter(value.p);
    if (!period) throw new UserError("bad_period", { zh: "季度格式有误，请重新发送「党委总览」。", en: "That quarter is not valid; send “党委总览” again." });
    return { card: await branchCard(ctx, committee, value.b, period, tree) };
  },
});
