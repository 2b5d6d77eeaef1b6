import { trainingFormCard } from "../../../../cards/training-apply.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";

/** 培训申请: the member's form for support with self-funded study (time off, subsidy, policy). */
export const trainingApply: Command = {
  name: "培训申请",
  aliases: ["申请培训", "training"],
  summary: { zh: "申请培训支持（学习时间、经费补贴、政策支持），由支部书记审批", en: "apply for training support; the secretary decides" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    ctx.reply({ card: trainingFormCard({ ceilingFen: ctx.config.aidMaxFen, today: todayOf(ctx) }) });
  },
};
