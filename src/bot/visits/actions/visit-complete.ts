import { visitAlreadyDoneCard, visitDoneCard } from "../../../../cards/visit-complete.ts";
import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { overBalance, SOURCE_LABEL } from "../../../domain/aid-rules.ts";
import { parseYuan, yuanText } from "../../../domain/money.ts";
import { parseDay } from "../../../domain/calendar-day.ts";
import { HOW_LABEL, taskWhat } from "../../../domain/visit-labels.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { completeForm, given, taskRef } from "../forms.ts";
import { taskForActor } from "../access.ts";
import { settingsCache } from "../settings.ts";
import { written } from "../../../store/audit.ts";

/**
 * Records a visit: when, how, money (paid from the aid fund in this same transaction, or
 * nothing changes) and goods. A second submit, or a stale card, changes nothing.
 */
export const visitComplete = defineAction({
  id: VISIT_ACTION.complete,
  value: taskRef,
  form: completeForm,
  async run(ctx, { value, form }) {
    const task = await taskForActor(ctx, value.task);
    const settings = await settingsCache(ctx)(task.orgId);
    const what = taskWhat(task, settings);
    if (task.status !== "OPEN") {
      return { toast: { type: "info", text: { zh: "该走访已记录，无需重复提交。", en: "This visit is already recorded." } }, card: visitAlreadyDoneCard({ memberName: task.memberName, what, visitedOn: task.visitedOn }) };
    }
    const visitedOn = parseDay(form.visitedOn);
    if (!visitedOn) throw new UserError("bad_date", { zh: "走访日期格式不正确，请重新选择。", en: "The visit date is not a date; pick it again." });
    if (visitedOn > todayOf(ctx)) throw new UserError("future_date", { zh: "走访日期不能晚于今天。", en: "The visit date cannot be in the future." });
    const amountRaw = given(form.amount);
    let amountFen: number | null = null;
    if (amountRaw) {
      const parsed = parseYuan(amountRaw, { zh: "慰问金", en: "money given" });
      if (!parsed.ok) throw new UserError(parsed.problem.code, parsed.problem);
      amountFen = parsed.value;
      if (amountFen > ctx.config.aidMaxFen) {
        const max = yuanText(ctx.config.aidMaxFen);
        throw new UserError("over_ceiling", { zh: `慰问金不能超过 ${max.zh}。`, en: `The money given cannot exceed ${max.en}.` });
      }
      if (!form.source) throw new UserError("source_missing", { zh: "填写了慰问金，请选择资金来源。", en: "Choose the fund source of the money given." });
    }
    const source = amountFen ? (form.source ?? null) : null;
    const goods = given(form.goods);
    const notes = given(form.notes);
    const before = source ? (await ctx.store.aidFund.balances(task.orgId))[source] : null;
    const outcome = await ctx.store.visitTasks.completeTask(task, { visitedOn, how: form.how, amountFen, source, goods, notes, byId: ctx.actor.personId, at: ctx.clock.now() });
    if (!outcome.ok && outcome.why === "not_open") {
      return { toast: { type: "info", text: { zh: "该走访已记录，无需重复提交。", en: "This visit is already recorded." } }, card: visitAlreadyDoneCard({ memberName: task.memberName, what, visitedOn: task.visitedOn }) };
    }
    if (!outcome.ok) {
      // The router rolls back the task update: an unpaid visit is not recorded as paid.
      const p = overBalance(source!, before ?? 0);
      throw new UserError(p.code, p);
    }
    await ctx.audit({
      action: "visit.task.complete",
      subjectType: "VisitTask",
      subjectId: task.id,
      orgId: task.orgId,
      subjectPersonId: task.memberId,
      changes: { status: ["OPEN", "DONE"], visitedOn, how: form.how, amountFen, fundSource: source, ...written({ goods, notes }) },
    });
    if (outcome.entryId !== null) {
      await ctx.audit({
        action: "fund.disburse.visit",
        subjectType: "FundEntry",
        subjectId: outcome.entryId,
        orgId: task.orgId,
        subjectPersonId: task.memberId,
        changes: { source, amountFen, payeeId: task.memberId, visitTaskId: task.id, balanceFen: [before, outcome.balanceFen] },
      });
    }
    return {
      toast: { type: "success", text: { zh: "已记录走访。", en: "Visit recorded." } },
      card: visitDoneCard({
        today: todayOf(ctx),
        memberName: task.memberName,
        what,
        visitedOn,
        how: HOW_LABEL[form.how] ?? { zh: form.how, en: form.how },
        money: amountFen && source ? { zh: `${yuanText(amountFen).zh}（${SOURCE_LABEL[source].zh}）`, en: `${yuanText(amountFen).en} (${SOURCE_LABEL[source].en})` } : null,
        goods,
        notes,
        recordedBy: ctx.actor.name,
      }),
    };
  },
});
