// Hardship-archive reviews (动态管理), on working days in daytime. An active entry whose next
// review is within the branch's lead days gets a review card to the branch secretary; still
// not reviewed some days after that day, it also goes to the secretaries of the nearest upper
// organisation, and the escalation is written to the entry's history. Keys carry the entry and
// its review day, so each card goes once per review, however often this runs.
import { hardshipReviewCard } from "../../cards/talk-review.ts";
import { daysBetween } from "../domain/calendar-day.ts";
import { defaultNextReview } from "../domain/hardship-rules.ts";
import { reviewStage } from "../domain/review-due.ts";
import type { Contact } from "../store/org-contacts.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

const reviewKey = (entryId: number, reviewOn: string, personId: number) => `hardship-review-${entryId}-${reviewOn}-${personId}`;
const reviewEscalationKey = (entryId: number, reviewOn: string, personId: number) => `hardship-review-escalate-${entryId}-${reviewOn}-${personId}`;

export async function runHardshipReviews(d: TaskDeps): Promise<{ today: string; skipped?: "rest-day"; due: number; escalated: number; staged: number }> {
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  if (!w.workingDay) return { today: w.today, skipped: "rest-day", due: 0, escalated: 0, staged: 0 };
  const rules = await d.store.branchRules.loadBranchRules();
  const due = await d.store.hardshipReview.findDueReviews({ today: w.today, timeZone: tz, branches: awake(rules, w) });
  const secretaries = await d.store.orgContacts.secretariesOf([...new Set(due.map((e) => e.orgId))]);
  const upperCache = new Map<number, Contact[]>();
  const upperOf = async (orgId: number) => {
    let u = upperCache.get(orgId);
    if (!u) upperCache.set(orgId, (u = await d.store.orgContacts.upperSecretaries(orgId)));
    return u;
  };

  const staged: number[] = [];
  let escalated = 0;
  for (const e of due) {
    const base = {
      entryId: e.entryId,
      reviewOn: e.nextReviewOn,
      memberName: e.memberName,
      orgName: e.orgName,
      level: e.level,
      causes: e.causes,
      household: e.household,
      openedOn: e.openedOn,
      suggestedNext: defaultNextReview(w.today, e.level),
      today: w.today,
    };
    const own = secretaries.filter((s) => s.orgId === e.orgId && s.openId);
    const stage = reviewStage(e.nextReviewOn, w.today, rules.get(e.orgId)!.review);
    // A branch without a secretary on Lark cannot review: its cards go upward at once.
    const upward = stage === "escalate" || own.length === 0 ? (await upperOf(e.orgId)).filter((s) => s.openId) : [];
    const cards: NewOutgoing[] = own.map((s) => ({ kind: "SEND", to: { openId: s.openId! }, card: hardshipReviewCard(base), key: reviewKey(e.entryId, e.nextReviewOn, s.personId) }));
    const late = daysBetween(e.nextReviewOn, w.today);
    const banner =
      late > 0
        ? { zh: `⚠️ ${e.orgName}的这份档案复核已逾期 ${late} 天，请督促或代为复核。`, en: `⚠️ This review at ${e.orgName} is ${late} days overdue; please follow up or review it.` }
        : { zh: `⚠️ ${e.orgName}没有可以复核档案的书记，请代为复核。`, en: `⚠️ ${e.orgName} has no secretary to review this; please review it.` };
    const escalations: NewOutgoing[] = upward.map((s) => ({
      kind: "SEND",
      to: { openId: s.openId! },
      card: hardshipReviewCard({ ...base, banner }),
      key: reviewEscalationKey(e.entryId, e.nextReviewOn, s.personId),
    }));
    // The escalation's history line lands with its cards or not at all: a card staged without it
    // would never be recorded (the next run finds the key and stages nothing new).
    await d.inTransaction(async (store) => {
      staged.push(...(await store.outbox.stageOutgoing(cards)));
      const fresh = await store.outbox.stageOutgoing(escalations);
      if (fresh.length > 0) {
        escalated++;
        await store.hardshipReview.recordEscalation(e.entryId, { reviewOn: e.nextReviewOn, to: upward.map((s) => s.personId), at: d.clock.now() });
      }
      staged.push(...fresh);
    });
  }
  await d.enqueue.delivery(staged);
  return { today: w.today, due: due.length, escalated, staged: staged.length };
}
