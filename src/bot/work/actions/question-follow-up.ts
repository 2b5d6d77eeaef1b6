import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { QUESTION_MAX } from "../../../../cards/question.ts";
import { checkText } from "../../../domain/aid-rules.ts";
import { must, notAllowed } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { followUpForm, questionRef } from "../forms.ts";
import { afterMessage, cardsOf, requireQuestion } from "../question-view.ts";
import { written } from "../../../store/audit.ts";

/** 追问: only the member who asked; the secretaries get the thread again. */
export const questionFollowUp = defineAction({
  id: WORK_ACTION.questionFollowUp,
  value: questionRef,
  form: followUpForm,
  async run(ctx, { value, form }) {
    const q = await requireQuestion(ctx, value.q);
    if (ctx.actor.personId !== q.askerId) throw notAllowed(["提问", "我的"]);
    const body = must(checkText(form.text, { zh: "追问内容", en: "follow-up" }, { required: true, max: QUESTION_MAX }));
    if (!(await ctx.store.questions.addMessage(q, value.n, { authorId: ctx.actor.personId, fromAsker: true, body, at: ctx.clock.now() }))) {
      return { toast: { type: "info", text: { zh: "问答已有新内容，卡片已更新。", en: "The thread has moved on; the card shows it now." } }, card: (await cardsOf(ctx, await requireQuestion(ctx, q.id))).asker };
    }
    await ctx.audit({ action: "question.follow_up", subjectType: "Question", subjectId: q.id, orgId: q.orgId, subjectPersonId: q.askerId, changes: written({ body }) });
    const { cards } = await afterMessage(ctx, q.id, "asker");
    return { toast: { type: "success", text: { zh: "已发送给支部书记。", en: "Sent to the secretary." } }, card: cards.asker };
  },
});
