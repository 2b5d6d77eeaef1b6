import { jobCaseClosedCard } from "../../../../cards/job-seek.ts";
import { checkText } from "../../../domain/aid-rules.ts";
import { must, UserError } from "../../errors.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { closeAsEmployed } from "../job-view.ts";

/** 已就业 [单位或岗位]: the member reports a job; their case closes and no more postings are sent. */
export const employed: Command = {
  name: "已就业",
  aliases: ["找到工作", "found work"],
  summary: { zh: "告诉支部您已找到工作，结束求职登记", en: "tell the branch you found work" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const outcome = must(checkText(ctx.args, { zh: "就业单位或岗位", en: "employer or job" }, { required: false, max: 200 })) || null;
    const open = await ctx.store.employment.openCaseOf(ctx.actor.personId);
    if (!open) throw new UserError("no_case", { zh: "您目前没有求职登记。需要帮助找工作时，请发送「求职登记」。", en: "You are not registered as looking for work. Send \"求职登记\" to register." });
    await closeAsEmployed(ctx, open, outcome);
    ctx.reply({ card: jobCaseClosedCard({ memberName: ctx.actor.name, status: "EMPLOYED", outcome, on: todayOf(ctx) }) });
  },
};
