import { jobPostReceiptCard } from "../../../../cards/job-post.ts";
import { jobPushCard, postingView } from "../../../../cards/job-seek.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { dayIn } from "../../../domain/zoned-time.ts";
import { checkPosting } from "../../../domain/employment-input.ts";
import { matches, POSTING_ROLES, weekOf } from "../../../domain/job-match.ts";
import { hasRole } from "../../../domain/roles.ts";
import { jobCardKey } from "../../../store/job-postings.ts";
import { must, notAllowed } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { jobPostForm, orgRef } from "../forms.ts";
import { alreadySubmittedText } from "../texts.ts";

/**
 * 岗位发布: stores the posting and sends it to the branch's members looking for work whose
 * wishes match, one card a week at most each; the others get it with next week's card.
 */
export const jobPostSubmit = defineAction({
  id: WORK_ACTION.jobPostSubmit,
  value: orgRef,
  form: jobPostForm,
  async run(ctx, { value, form }) {
    if (!hasRole(ctx.actor, POSTING_ROLES, value.o)) throw notAllowed(["求职登记"]);
    const input = must(checkPosting(form));
    const now = ctx.clock.now();
    const tz = ctx.config.timezone;
    const posting = await ctx.store.jobPostings.createPosting({ ...input, orgId: value.o, postedById: ctx.actor.personId, formMessageId: ctx.inbound.messageId ?? null, at: now });
    if (!posting) {
      const earlier = await ctx.store.jobPostings.postingByForm(ctx.inbound.messageId ?? "");
      return { toast: { type: "info", text: alreadySubmittedText }, ...(earlier ? { card: jobPostReceiptCard({ posting: postingView(earlier, tz), now: [], held: [], offline: [] }) } : {}) };
    }
    const fit = (await ctx.store.employment.seekersIn(value.o)).filter((s) => s.personId !== ctx.actor.personId && matches(posting, s));
    const online = fit.filter((s) => s.openId);
    const week = weekOf(dayIn(now, tz));
    const { now: pushNow, held } = await ctx.store.jobPostings.recordMatches(posting.id, online, week, now);
    const byId = new Map(online.map((s) => [s.personId, s]));
    const view = postingView(posting, tz);
    for (const t of pushNow) {
      const s = byId.get(t.personId)!;
      ctx.send({ openId: s.openId! }, { card: jobPushCard({ caseId: s.caseId, name: s.name, postings: [view] }) }, jobCardKey(s.personId, week));
    }
    const names = (xs: { personId: number }[]) => xs.map((x) => byId.get(x.personId)?.name ?? "?");
    const offline = fit.filter((s) => !s.openId).map((s) => s.name);
    await ctx.audit({
      action: "job.posting.create",
      subjectType: "JobPosting",
      subjectId: posting.id,
      orgId: value.o,
      changes: { type: posting.type, title: posting.title, kinds: posting.kinds, area: posting.area, pushed: pushNow.map((x) => x.personId), held: held.map((x) => x.personId), offline: fit.filter((s) => !s.openId).map((s) => s.personId) },
    });
    return {
      toast: { type: "success", text: { zh: `已发布，推送 ${pushNow.length} 人，${held.length} 人下周推送。`, en: `Posted: sent to ${pushNow.length}, ${held.length} next week.` } },
      card: jobPostReceiptCard({ posting: view, now: names(pushNow), held: names(held), offline }),
    };
  },
});
