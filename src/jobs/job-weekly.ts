// The weekly card of held job information: a posting that matched a member who had already had
// their card that week waits (JobPush.week null) and goes out in one card with everything else
// held for them, on the first working-day run of the next week. Safe to run twice: a member's
// week is taken under their push lock, and the card's key is person + week.
import { jobPushCard, postingView } from "../../cards/job-seek.ts";
import { weekOf } from "../domain/job-match.ts";
import { jobCardKey } from "../store/job-postings.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export async function runWeeklyJobPush(d: TaskDeps): Promise<{ week: string; skipped?: "rest-day" | "night"; cards: number }> {
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const week = weekOf(w.today);
  if (!w.workingDay) return { week, skipped: "rest-day", cards: 0 };
  // In the branch's daytime; a member whose branch is still in its night hours gets the card on a later run.
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { week, skipped: "night", cards: 0 };
  const staged: number[] = [];
  for (const p of (await d.store.jobPostings.peopleWithHeld()).filter((x) => daytime.has(x.orgId))) {
    // One short transaction per member: their lock, their held matches, their card.
    const ids = await d.inTransaction(async (store) => {
      const person = await store.people.personContact(p.personId);
      if (!person?.openId) return [];
      const postingIds = await store.jobPostings.releaseHeld(p.personId, p.caseId, week, d.clock.now());
      if (postingIds.length === 0) return [];
      const postings = (await store.jobPostings.postingsById(postingIds)).map((x) => postingView(x, tz));
      const card = jobPushCard({ caseId: p.caseId, name: person.name, postings });
      return store.outbox.stageOutgoing([{ kind: "SEND", to: { openId: person.openId }, card, key: jobCardKey(p.personId, week) }]);
    });
    staged.push(...ids);
  }
  await d.enqueue.delivery(staged);
  d.log.info({ week, cards: staged.length }, "weekly job push");
  return { week, cards: staged.length };
}
