// 催办, automatically: a request waiting for a decision two working days (of the database
// calendar) reminds its deciders, five working days tells the secretary of the organisation
// above the branch; each once (AidRequest.remindedAt, escalatedAt, stamped in the transaction
// that stages the cards, under keys per request and person), so a second run sends nothing. The
// committee's notice is also an Escalation row (AID_OVERDUE), written in the same transaction, whose
// 查看 button opens the request for the committee (need to know).
// Pushes: on working days, in the branch's daytime.
import { aidEscalationCard, aidReminderCard, type ChasedRequest } from "../../cards/aid-reminder.ts";
import { chaseStep } from "../domain/aid-reminders.ts";
import { dayIn, localDateTime } from "../domain/zoned-time.ts";
import { escalationKey, reminderKey, type WaitingRequest } from "../store/aid-request-reminders.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface AidReminderResult {
  today: string;
  skipped?: "rest-day" | "night";
  waiting: number;
  reminded: number;
  escalated: number;
  /** Requests owed the committee's notice with nobody above the branch to tell. */
  noCommittee: number;
}

export async function runAidReminders(d: TaskDeps): Promise<AidReminderResult> {
  const now = d.clock.now();
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const today = w.today;
  const none = { today, waiting: 0, reminded: 0, escalated: 0, noCommittee: 0 };
  if (!w.workingDay) return { ...none, skipped: "rest-day" };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { ...none, skipped: "night" };

  const { ids, result } = await d.inTransaction(async (store) => {
    const waiting = (await store.aidRequests.waitingForDecision()).filter((r) => daytime.has(r.orgId));
    const due = waiting.map((r) => ({ r, step: chaseStep(w.calendar, dayIn(r.waitingSince, tz), today, { reminded: r.remindedAt !== null, escalated: r.escalatedAt !== null }) }));
    const chased = (r: WaitingRequest): ChasedRequest => ({ requestId: r.id, number: r.number, category: r.category, urgency: r.urgency, filedAt: localDateTime(r.createdAt, tz) });
    const out: NewOutgoing[] = [];

    const toRemind = due.filter((x) => x.step.remind);
    const reminded = await store.aidRequests.markReminded(toRemind.map((x) => x.r.id), now);
    const deciderNames = new Map<number, string[]>();
    for (const { r, step } of toRemind) {
      if (!reminded.has(r.id)) continue;
      const deciders = (await store.aidPeople.deciders(r.orgId)).filter((p) => p.id !== r.personId);
      deciderNames.set(r.id, deciders.map((p) => p.name));
      const card = aidReminderCard({ ...chased(r), memberName: r.memberName, waited: step.waitedWorkingDays });
      for (const p of deciders) out.push({ kind: "SEND", to: { openId: p.openId }, key: reminderKey(r.id, p.id), card });
    }

    let noCommittee = 0;
    const toEscalate: { r: WaitingRequest; waited: number; to: { orgId: number; personId: number; openId: string }[] }[] = [];
    for (const { r, step } of due) {
      if (!step.escalate) continue;
      const above = (await store.orgContacts.upperSecretaries(r.orgId)).filter((c): c is typeof c & { openId: string } => c.openId !== null && c.personId !== r.personId);
      if (above.length === 0) {
        // Nobody to tell: left unstamped, so a secretary named above the branch later still hears of it.
        d.log.info({ request: r.number, orgId: r.orgId }, "aid request waiting 5 working days, but no organisation above the branch has a secretary in Lark: committee not told");
        noCommittee++;
        continue;
      }
      toEscalate.push({ r, waited: step.waitedWorkingDays, to: above });
    }
    const escalated = await store.aidRequests.markEscalated(toEscalate.map((x) => x.r.id), now);
    for (const { r, waited, to } of toEscalate) {
      if (!escalated.has(r.id)) continue;
      const names = deciderNames.get(r.id) ?? (await store.aidPeople.deciders(r.orgId)).filter((p) => p.id !== r.personId).map((p) => p.name);
      // Put before the organisation above as an escalation (need to know): its secretaries may open the request from the notice.
      const raised = await store.escalations.raiseEscalation({ fromOrgId: r.orgId, toOrgId: to[0]!.orgId, subjectType: "AidRequest", subjectId: r.id, subjectPersonId: r.personId, reason: "AID_OVERDUE", note: null, raisedById: null, at: now });
      if (raised.created) {
        await store.audit.audit({ actorId: null, action: "escalation.raise", subjectType: "AidRequest", subjectId: r.id, orgId: r.orgId, subjectPersonId: r.personId, changes: { escalationId: raised.id, toOrgId: to[0]!.orgId, reason: "AID_OVERDUE" } });
      }
      const card = aidEscalationCard({ ...chased(r), branch: r.orgName, deciders: names, waited, escalationId: raised.id });
      for (const c of to) out.push({ kind: "SEND", to: { openId: c.openId }, key: escalationKey(r.id, c.personId), card });
    }
    if (reminded.size + escalated.size > 0) d.log.info({ reminded: reminded.size, escalated: escalated.size }, "aid requests chased");
    return { ids: await store.outbox.stageOutgoing(out), result: { today, waiting: waiting.length, reminded: reminded.size, escalated: escalated.size, noCommittee } };
  });
  await d.enqueue.delivery(ids);
  return result;
}
