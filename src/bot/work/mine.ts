// 我的, the work-care half: the sections the 我的 command (src/bot/aid/commands/aid-mine.ts) adds to
// its card after the member's aid requests (one card, so nothing arrives out of order). Only the
// sender's own records; the view is audited like theirs.
import { workMineSections as sections } from "../../../cards/work-mine.ts";
import type { Element } from "../../../cards/kit.ts";
import { requestLabel } from "../../domain/request-label.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import type { BaseContext } from "../context.ts";

export async function workMineSections(ctx: BaseContext): Promise<Element[]> {
  const { store, actor } = ctx;
  const tz = ctx.config.timezone;
  const [commendations, applications, attended, job, questions] = [
    await store.commendations.commendationsOf(actor.personId, 5),
    await store.training.trainingsOf(actor.personId, 5),
    await store.trainingRecords.attendedBy(actor.personId, 5),
    await store.employment.latestCaseOf(actor.personId),
    await store.questions.questionsOf(actor.personId, 5),
  ];
  const pushes = job ? await store.jobPostings.postingsSentTo(job.id) : 0;
  await ctx.audit({
    action: "work.view_own",
    subjectType: "Person",
    subjectId: actor.personId,
    subjectPersonId: actor.personId,
    changes: { commendations: commendations.map((c) => c.id), applications: applications.map((a) => a.id), case: job?.id ?? null, questions: questions.map((q) => q.id) },
  });
  return sections({
    commendations: commendations.map((c) => ({ title: c.title, level: c.level, status: c.status, awardedOn: c.awardedOn, revokeReason: c.revokeReason })),
    applications: applications.map((a) => ({ label: requestLabel(a), course: a.course, status: a.status, asks: a.asks, granted: a.grantedAsks, subsidyFen: a.subsidyFen, filedAt: localDateTime(a.createdAt, tz), note: a.decisionNote })),
    attended,
    employment: job ? { status: job.status, openedOn: job.openedOn, kinds: job.kinds, area: job.area, pushes, lastCheckInOn: job.lastCheckInOn, employedOn: job.employedOn, outcome: job.outcome } : null,
    questions: questions.map((q) => ({
      label: requestLabel(q),
      asked: q.messages[0]?.body ?? "",
      at: localDateTime(q.createdAt, tz),
      status: q.status,
      lastAnswer: q.messages.filter((m) => !m.fromAsker).at(-1)?.body ?? null,
      messages: q.messages.length,
    })),
  });
}
