// Urgent talks, every few minutes, never at night. For each open task: the leader's first card,
// any day (a member in difficulty does not wait for Monday; it is already staged when the task
// was opened in daytime: the same key makes this a no-op); on working days of the calendar, the
// reminder the day before it falls due (or on the due day, when the day before was a day off),
// and once it is past due, a card to each branch secretary (or, with none on Lark, to the
// secretaries of the organisation above). Keys are per task, so however often this runs, each
// message goes once.
import { urgentOverdueCard, urgentTalkCard } from "../../cards/talk-urgent.ts";
import { daysBetween } from "../domain/calendar-day.ts";
import { urgentReminderDay } from "../domain/talk-cadence.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { urgentTalkKey } from "../store/talk-tasks.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

const urgentReminderKey = (taskId: number) => `talk-urgent-reminder-${taskId}`;
const urgentOverdueKey = (taskId: number, secretaryId: number) => `talk-urgent-overdue-${taskId}-${secretaryId}`;

export async function runUrgentTalks(d: TaskDeps): Promise<{ today: string; open: number; staged: number }> {
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const rules = await d.store.branchRules.loadBranchRules();
  const orgIds = awake(rules, w).map((b) => b.orgId);
  const tasks = await d.store.talkDue.findOpenTalkTasks({ orgIds, timeZone: tz });
  const late = tasks.filter((k) => k.dueOn < w.today);
  const secretaries = await d.store.orgContacts.secretariesOrAbove([...new Set(late.map((k) => k.orgId))]);

  const out: NewOutgoing[] = [];
  for (const k of tasks) {
    const base = { taskId: k.id, memberId: k.memberId, memberName: k.memberName, reason: k.reason, note: k.note, dueOn: k.dueOn, leaderName: k.leaderName, today: w.today };
    if (k.leaderOpenId) {
      out.push({ kind: "SEND", to: { openId: k.leaderOpenId }, card: urgentTalkCard({ ...base, kind: "new" }), key: urgentTalkKey(k.id) });
      const remindOn = urgentReminderDay(k);
      if (remindOn && w.workingDay && w.today >= remindOn && w.today <= k.dueOn) {
        out.push({ kind: "SEND", to: { openId: k.leaderOpenId }, card: urgentTalkCard({ ...base, kind: "reminder" }), key: urgentReminderKey(k.id) });
      }
    }
    if (k.dueOn < w.today && w.workingDay) {
      for (const s of secretaries.get(k.orgId) ?? []) {
        out.push({ kind: "SEND", to: { openId: s.openId! }, card: urgentOverdueCard({ ...base, daysLate: daysBetween(k.dueOn, w.today) }), key: urgentOverdueKey(k.id, s.personId) });
      }
    }
  }
  const staged = await d.store.outbox.stageOutgoing(out);
  await d.enqueue.delivery(staged);
  return { today: w.today, open: tasks.length, staged: staged.length };
}
