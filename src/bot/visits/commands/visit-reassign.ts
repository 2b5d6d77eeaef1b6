import { visitReassignedCard } from "../../../../cards/visit-reminders.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { daysBetween } from "../../../domain/calendar-day.ts";
import { taskWhat } from "../../../domain/visit-labels.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { settingsCache } from "../settings.ts";

const usage = new UserError("visit_reassign_usage", {
  zh: "请这样改派：走访改派 <党员姓名> <新走访人姓名>，例如「走访改派 王五 陈芳」。同名时写 姓名#手机尾号。",
  en: "Usage: 走访改派 <member> <new visitor>, e.g. “走访改派 王五 陈芳”. For namesakes write name#last-mobile-digits.",
});

/** 走访改派 <党员> <走访人>: the secretary hands a member's open visits to another visitor, who is told. */
export const visitReassign: Command = {
  name: "走访改派",
  aliases: ["reassign visit"],
  summary: { zh: "把党员的未完成走访改派给其他走访人", en: "hand a member's open visits to another visitor" },
  roles: ["SECRETARY"],
  instead: { commands: ["走访"], ask: "SECRETARY" },
  async run(ctx) {
    const m = /^(\S+)\s+(\S+)$/.exec(ctx.args.trim());
    if (!m) throw usage;
    const [, who, to] = m as unknown as [string, string, string];
    const branches = orgsWhere(ctx.actor, ["SECRETARY"]);
    const member = await ctx.store.visitPeople.findInBranches(who, branches);
    if (!member.ok) throw new UserError("unknown_member", { zh: member.why === "none" ? `在您的支部没有找到党员「${who}」。` : `有多位党员名为「${who}」，请写 姓名#手机尾号。`, en: `No single member "${who}" in your branch.` });
    const visitor = await ctx.store.visitPeople.findAnyone(to);
    if (!visitor.ok) throw new UserError("unknown_visitor", { zh: visitor.why === "none" ? `没有找到「${to}」。` : `有多人名为「${to}」，请写 姓名#手机尾号。`, en: `No single person "${to}".` });
    if (!visitor.person.openId) throw new UserError("visitor_offline", { zh: `${visitor.person.name}尚未绑定飞书，无法接收走访任务。`, en: `${visitor.person.name} is not on Lark yet.` });
    if (visitor.person.id === member.person.id) throw new UserError("visitor_is_member", { zh: "走访人不能是被走访党员本人。", en: "The visitor cannot be the member." });
    const tasks = await ctx.store.visitTasks.reassignOpenTasks({ memberId: member.person.id, orgIds: branches, visitorId: visitor.person.id });
    if (tasks.length === 0) throw new UserError("no_open_visit", { zh: `${member.person.name}没有未完成的走访任务。`, en: `${member.person.name} has no open visits.` });
    for (const t of tasks) {
      await ctx.audit({ action: "visit.task.reassign", subjectType: "VisitTask", subjectId: t.id, orgId: t.orgId, subjectPersonId: member.person.id, changes: { visitorId: [t.visitorId, visitor.person.id] } });
    }
    const day = todayOf(ctx);
    const sOf = settingsCache(ctx);
    const lines = [];
    for (const t of tasks) {
      lines.push({ taskId: t.id, memberName: member.person.name, what: taskWhat(t, await sOf(t.orgId)), dueOn: t.dueOn, daysLate: Math.max(0, daysBetween(t.dueOn, day)) });
    }
    if (visitor.person.id !== ctx.actor.personId) {
      ctx.send({ openId: visitor.person.openId }, { card: visitReassignedCard({ name: visitor.person.name, byName: ctx.actor.name, lines, today: day }) }, `visit-reassign-${ctx.inbound.key}-${visitor.person.id}`);
    }
    ctx.reply({ text: { zh: `已将${member.person.name}的 ${tasks.length} 项走访改派给${visitor.person.name}。`, en: `Handed ${tasks.length} visit(s) of ${member.person.name} to ${visitor.person.name}.` } });
  },
};
