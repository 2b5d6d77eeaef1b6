import { checkText } from "../../../domain/aid-rules.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { QUESTION_MAX } from "../../../../cards/question.ts";
import { must, UserError } from "../../errors.ts";
import type { Command } from "../../context.ts";
import { reachableSecretaries } from "../people.ts";
import { afterMessage } from "../question-view.ts";
import { noBranch } from "../texts.ts";
import { written } from "../../../store/audit.ts";

/** 提问 <问题>: a member asks the branch secretary; the answer comes back here and the thread is kept (知情权). */
export const questionAsk: Command = {
  name: "提问",
  aliases: ["问书记", "ask"],
  summary: { zh: "向支部书记提问（提问 您的问题），回复会发到这里", en: "ask the branch secretary (ask <question>); the answer comes here" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    if (!ctx.args.trim()) throw new UserError("question_missing", { zh: "请在「提问」后写上您的问题，例如「提问 今年的党费标准是多少？」。", en: "Write your question after the command, e.g. \"ask What is this year's party fee?\"." });
    const body = must(checkText(ctx.args, { zh: "问题", en: "question" }, { required: true, max: QUESTION_MAX }));
    const branch = await ctx.store.aidPeople.memberBranch(ctx.actor.personId);
    if (!branch) throw noBranch();
    if ((await reachableSecretaries(ctx, branch.orgId, ctx.actor.personId)).length === 0) {
      throw new UserError("no_secretary", { zh: "本支部暂无可在线回复的书记，请直接联系支部书记。", en: "No secretary of your branch can be reached in Lark; please contact them directly." });
    }
    const q = await ctx.store.questions.askQuestion({ orgId: branch.orgId, askerId: ctx.actor.personId, body, year: localYear(ctx.clock.now(), ctx.config.timezone), at: ctx.clock.now() });
    await ctx.audit({ action: "question.ask", subjectType: "Question", subjectId: q.id, orgId: q.orgId, subjectPersonId: q.askerId, changes: written({ body }) });
    const { notified } = await afterMessage(ctx, q.id, null);
    ctx.reply({ text: { zh: `您的问题（编号 ${requestLabel(q)}）已发送给支部书记（${notified} 人），回复会在这里通知您。发送「我的」可查看提问记录。`, en: `Your question ${requestLabel(q)} was sent to the secretary (${notified}); the answer will come here. Send "我的" to see your questions.` } });
  },
};
