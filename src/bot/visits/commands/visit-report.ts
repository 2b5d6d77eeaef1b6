import { visitEventNoticeCard, visitEventReceiptCard } from "../../../../cards/visit-event.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { addDays } from "../../../domain/calendar-day.ts";
import { classifyEvent } from "../../../domain/visit-events.ts";
import { eventLabel } from "../../../domain/visit-labels.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { written } from "../../../store/audit.ts";

const usage = new UserError("visit_report_usage", {
  zh: "请这样上报：走访上报 <党员姓名> <事由>，例如「走访上报 张三 住院手术」。同名党员可写 张三#手机尾号。",
  en: "Usage: 走访上报 <member> <what happened>, e.g. “走访上报 张三 住院手术”. For namesakes write 张三#<last mobile digits>.",
});

/** 走访上报 <姓名> <事由>: a leader reports a 六必访 case; a visit task due within days goes to the reporter. */
export const visitReport: Command = {
  name: "走访上报",
  aliases: ["report visit"],
  summary: { zh: "上报需走访的党员（生病住院、遭灾、亲人去世、家庭困难等）", en: "report a member who needs a visit (illness, disaster, bereavement, hardship…)" },
  roles: ["LEADER", "SECRETARY"],
  instead: { commands: ["求助"], ask: "SECRETARY" },
  async run(ctx) {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(ctx.args.trim());
    if (!m) throw usage;
    const [, who, what] = m as unknown as [string, string, string];
    const reason = what.trim().slice(0, 200);
    const branches = orgsWhere(ctx.actor, ["LEADER", "SECRETARY"]);
    const found = await ctx.store.visitPeople.findInBranches(who, branches);
    if (!found.ok) {
      if (found.why === "none") throw new UserError("unknown_member", { zh: `在您所在支部没有找到党员「${who}」，请核对姓名或使用手机号。`, en: `No member "${who}" in your branches; check the name or use the mobile number.` });
      const names = found.candidates.map((c) => `${c.name}#${(c.mobile ?? "").slice(-4)}`).join("、");
      throw new UserError("ambiguous_member", { zh: `有多位党员名为「${who}」：${names}。请写明手机尾号，例如 ${names.split("、")[0]}。`, en: `Several members are called "${who}": ${names}. Add the last mobile digits.` });
    }
    const member = found.person;
    const kind = classifyEvent(reason);
    const open = await ctx.store.visitTasks.openEventTaskFor(member.id, kind);
    if (open) {
      throw new UserError("visit_already_open", {
        zh: `${member.name}已有未完成的「${eventLabel(kind).zh}」走访任务（截止 ${open.dueOn}），无需重复上报。`,
        en: `${member.name} already has an open ${eventLabel(kind).en} visit (due ${open.dueOn}).`,
      });
    }
    const { settings, orgName } = await ctx.store.visitPeople.visitSettingsOf(member.orgId, ctx.log);
    const day = todayOf(ctx);
    const dueOn = addDays(day, settings.eventDueDays);
    const taskId = await ctx.store.visitTasks.createEventTask({ orgId: member.orgId, memberId: member.id, visitorId: ctx.actor.personId, eventKind: kind, reason, dueOn, createdById: ctx.actor.personId, at: ctx.clock.now() });
    await ctx.audit({ action: "visit.event.report", subjectType: "VisitTask", subjectId: taskId, orgId: member.orgId, subjectPersonId: member.id, changes: { memberId: member.id, eventKind: kind, ...written({ reason }), dueOn } });
    const data = { taskId, memberName: member.name, orgName, kind: eventLabel(kind), reason, dueOn, visitorName: ctx.actor.name, reporterName: ctx.actor.name, today: day };
    ctx.reply({ card: visitEventReceiptCard(data) });
    for (const sec of await ctx.store.visitPeople.secretariesOf(member.orgId)) {
      if (sec.id === ctx.actor.personId) continue;
      ctx.send({ openId: sec.openId }, { card: visitEventNoticeCard({ ...data, secretaryName: sec.name }) }, `visit-event-${taskId}-${sec.id}`);
    }
  },
};
