import { jobPostFormCard } from "../../../../cards/job-post.ts";
import { POSTING_ROLES } from "../../../domain/job-match.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";

/** 岗位发布: the secretary or an affairs worker posts job information or a policy note to the branch's job seekers. */
export const jobPost: Command = {
  name: "岗位发布",
  aliases: ["发布岗位", "post job"],
  summary: { zh: "发布岗位信息或就业政策，推送给意向匹配的求职党员", en: "post a job or a policy note to members looking for work" },
  roles: POSTING_ROLES,
  instead: { commands: ["求职登记"] },
  privateOnly: true,
  async run(ctx) {
    for (const orgId of orgsWhere(ctx.actor, POSTING_ROLES)) {
      const orgName = ctx.actor.grants.find((g) => g.orgId === orgId)?.orgName ?? "?";
      const seekers = await ctx.store.employment.openCaseCount(orgId);
      ctx.reply({ card: jobPostFormCard({ orgId, orgName, seekers }) });
    }
  },
};
