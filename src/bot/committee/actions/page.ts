// 上一页 / 下一页 / 返回总览 on the committee's cards: the overview again at that page, with fresh figures.
import { z } from "zod";
import { COMMITTEE_PAGE_ACTION } from "../../../../cards/committee-overview.ts";
import { parseQuarter } from "../../../domain/quarter.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { committeeForClick, overviewCard } from "../views.ts";
import { QUARTER_VALUE } from "./branch.ts";

export const committeePage = defineAction({
  id: COMMITTEE_PAGE_ACTION,
  value: z.object({ c: z.coerce.number().int().positive("党委有误"), p: QUARTER_VALUE, n: z.coerce.number().int().min(1, "页码有误").max(1000, "页码有误") }),
  async run(ctx, { value }) {
    const tree = await ctx.store.committeeFigures.orgTree();
    const committee = await committeeForClick(ctx, value.c, tree);
    const period = parseQuarter(value.p);
    if (!period) throw new UserError("bad_period", { zh: "季度格式有误，请重新发送「党委总览」。", en: "That quarter is not valid; send “党委总览” again." });
    return { card: await overviewCard(ctx, committee, period, tree, value.n) };
  },
});
