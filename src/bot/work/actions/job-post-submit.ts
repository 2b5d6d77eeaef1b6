import { jobPostReceiptCard } from "../../../../cards/job-post.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { dayIn } from "../../../domain/zoned-time.ts";
import { checkPosting } from "../../../domain/employment-input.ts";
import { matches, POSTING_ROLES, weekOf } from "../../../domain/job-match.ts";
import { hasRole } from "../../../domain/roles.ts";
import { seekersIn } from "../../../store/employment.ts";
import { createPosting, postingByForm, recordMatches } from "../../../store/job-postings.ts";
import { must, notAllowed } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { jobPostForm, orgRef } from "../forms.ts";
import { postingView, weeklyCard } from "../job-view.ts";
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
    if (!hasRole(ctx.actor, POSTING_ROLES, value.o)) throw notAllowed();
    const input = must(checkPosting(form));
    const now = ctx.clock.now();
    const tz = ctx.config.timezone;
    const posting = await createPosting(ctx.tx, { ...input, orgId: value.o, postedById: ctx.actor.personId, formMessageId: ctx.inbound.messageId ?? null, at: now });
    if (!posting) {
      const earlier = await postingByForm(ctx.tx, ctx.inbound.messageId ?? "");
      return { toast: { type: "info", text: alreadySubmittedText }, ...(earlier ? { card: jobPostReceiptCard({ posting: postingView(earlier, tz), now: [], held: [], offline: [] }) } : {}) };
    }
    const fit = (await seekersIn(ctx.tx, value.o)).filter((s) => s.personId !== ctx.actor.personId && matches(posting, s));
    const online = fit.filter((s) => s.openId);
    const week = weekOf(dayIn(now, tz));
    const { now: pushNow, held } = await recordMatches(ctx.tx, posting.id, online, week, now);
    const byId = new Map(online.map((s) => [s.personId, s]));
    for (const t of pushNow) {
      const s = byId.get(t.personId)!;
      const msg = weeklyCard({ personId: s.personId, openId: s.openId!, name: s.name, caseId: s.caseId }, [posting], week, tz);
      ctx.send(msg.to, { card: msg.card }, msg.key);
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
      card: jobPostReceiptCard({ posting: postingView(posting, tz), now: names(pushNow), held: names(held), offline }),
    };
  },
});
