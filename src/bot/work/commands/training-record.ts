import { trainingRecordFormCard } from "../../../../cards/training-record.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { TRAINING_RECORD_ROLES } from "../../../domain/training-rules.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";

/** 培训记录: the secretary or affairs worker records a training and who attended (one form per branch they keep). */
export const trainingRecord: Command = {
  name: "培训记录",
  aliases: ["登记培训", "record training"],
  summary: { zh: "登记支部培训及参加人员（含党务工作者培训）", en: "record a training and who attended (affairs workers too)" },
  roles: TRAINING_RECORD_ROLES,
  instead: { commands: ["培训申请", "我的"] },
  privateOnly: true,
  async run(ctx) {
    const today = todayOf(ctx);
    for (const orgId of orgsWhere(ctx.actor, TRAINING_RECORD_ROLES)) {
      const orgName = ctx.actor.grants.find((g) => g.orgId === orgId)?.orgName ?? "?";
      ctx.reply({ card: trainingRecordFormCard({ orgId, orgName, today, people: await ctx.store.trainingRecords.branchPeople(orgId) }) });
    }
  },
};
