import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { QUESTION_MAX } from "../../../../cards/question.ts";
import { checkText } from "../../../domain/aid-rules.ts";
import { must } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { answerForm, questionRef } from "../forms.ts";
import { afterMessage, cardsOf, requireAnswerer, requireQuestion } from "../question-view.ts";
import { written } from "../../../store/audit.ts";

/** A secretary's answer: added to the thread once (from a card showing the current thread), sent to the member. */
export const questionAnswer = defineAction({
  id: WORK_ACTION.questionAnswer,
  value: questionRef,
  form: answerForm,
  async run(ctx, { value, form }) {
    const q = await requireQuestion(ctx, value.q);
    requireAnswerer(ctx.actor, q);
    const body = must(checkText(form.answer, { zh: "回复", en: "answer" }, { required: true, max: QUESTION_MAX }));
    if (!(await ctx.store.questions.addMessage(q, value.n, { authorId: ctx.actor.personId, fromAsker: false, body, at: ctx.clock.now() }))) {
      return { toast: { type: "info", text: { zh: "问答已有新内容，卡片已更新，请看过后再回复。", en: "The thread has moved on; the card shows it now." } }, card: (await cardsOf(ctx, await requireQuestion(ctx, q.id))).secretary };
    }
    await ctx.audit({ action: "question.answer", subjectType: "Question", subjectId: q.id, orgId: q.orgId, subjectPersonId: q.askerId, changes: written({ body }) });
    const { cards } = await afterMessage(ctx, q.id, "secretary");
    return { toast: { type: "success", text: { zh: "回复已发送给提问的党员。", en: "Your answer was sent." } }, card: cards.secretary };
  },
});
