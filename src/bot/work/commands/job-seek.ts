import { jobSeekFormCard } from "../../../../cards/job-seek.ts";
import { SEEKER_HELPER_ROLES } from "../../../domain/job-match.ts";
import type { Command } from "../../context.ts";
import { memberNamedInArgs } from "../../member-named.ts";

/** 求职登记 [姓名]: register oneself (or, for a leader, a member of their branch) as looking for work. */
export const jobSeek: Command = {
  name: "求职登记",
  aliases: ["就业登记", "找工作", "looking for work"],
  summary: { zh: "登记求职意向，接收匹配的岗位信息（领导干部可「求职登记 姓名」代为登记）", en: "register as looking for work (leaders: for a member by name)" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const forPerson = ctx.args.trim() ? await memberNamedInArgs(ctx.store, ctx.actor, ctx.args, SEEKER_HELPER_ROLES, "求职登记") : null;
    const open = await ctx.store.employment.openCaseOf(forPerson?.id ?? ctx.actor.personId);
    const current = open ? { skills: open.skills, kinds: open.kinds, area: open.area, wishes: open.wishes } : undefined;
    ctx.reply({ card: jobSeekFormCard({ ...(forPerson && forPerson.id !== ctx.actor.personId ? { forPerson: { id: forPerson.id, name: forPerson.name } } : {}), ...(current ? { current } : {}) }) });
  },
};
