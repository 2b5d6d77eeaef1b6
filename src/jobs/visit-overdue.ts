// The daily sweep of overdue visits: each visitor with a reminder due today gets one card
// listing all their overdue visits (key visitor+day); tasks late beyond the branch's limit
// are marked escalated (once, ever) and reported to the secretary in the same transaction.
import { visitEscalationCard, visitOverdueCard, type EscalatedLine, type OverdueLine } from "../../cards/visit-reminders.ts";
import { daysSinceLastWorkingDay } from "../domain/working-days.ts";
import { taskWhat } from "../domain/visit-labels.ts";
import { overdueStep } from "../domain/visit-overdue.ts";
import type { VisitSettings } from "../domain/visit-settings.ts";
import { memo } from "../lib/memo.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import type { Stores } from "../store/stores.ts";
import type { LateTask } from "../store/visit-overdue.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

const CARD_LINES = 12;

export interface OverdueResult {
  today: string;
  skipped?: "rest-day" | "night";
  late: number;
  reminded: number;
  escalated: number;
}

export async function sweepOverdueVisits(d: TaskDeps): Promise<OverdueResult> {
  const now = d.clock.now();
  const w = await pushWindowOf(d);
  const today = w.today;
  // Reminders and escalations are pushes: on working days, in each branch's daytime. A reminder
  // that fell on a holiday goes on the first working day after it (daysSinceLastWorkingDay).
  if (!w.workingDay) return { today, skipped: "rest-day", late: 0, reminded: 0, escalated: 0 };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { today, skipped: "night", late: 0, reminded: 0, escalated: 0 };
  const spokenFor = daysSinceLastWorkingDay(w.calendar, today);
  const { ids, result } = await d.inTransaction(
    async (store) => {
      const late = (await store.visitOverdue.lateTasks(today)).filter((t) => daytime.has(t.orgId));
      const of = memo((orgId: number) => store.visitPeople.visitSettingsOf(orgId, d.log));
      const byVisitor = new Map<number, { remind: boolean; tasks: (LateTask & { daysLate: number })[] }>();
      const toEscalate: (LateTask & { daysLate: number })[] = [];
      for (const t of late) {
        const settings = (await of(t.orgId)).settings;
        const step = overdueStep(t.dueOn, today, settings);
        step.remind ||= spokenFor.some((day) => overdueStep(t.dueOn, day, settings).remind);
        const entry = byVisitor.get(t.visitorId) ?? { remind: false, tasks: [] };
        entry.remind ||= step.remind;
        entry.tasks.push({ ...t, daysLate: step.daysLate });
        byVisitor.set(t.visitorId, entry);
        if (step.escalate && !t.escalated) toEscalate.push({ ...t, daysLate: step.daysLate });
      }

      const out: NewOutgoing[] = [];
      let reminded = 0;
      for (const [visitorId, v] of byVisitor) {
        const first = v.tasks[0];
        if (!v.remind || !first?.visitorOpenId) continue;
        const lines: OverdueLine[] = [];
        for (const t of v.tasks.slice(0, CARD_LINES)) {
          lines.push({ taskId: t.id, memberName: t.memberName, what: taskWhat(t, (await of(t.orgId)).settings), dueOn: t.dueOn, daysLate: t.daysLate });
        }
        out.push({ kind: "SEND", to: { openId: first.visitorOpenId }, key: `visit-overdue-${visitorId}-${today}`, card: visitOverdueCard({ name: first.visitorName, total: v.tasks.length, lines, today }) });
        reminded++;
      }

      const marked = await store.visitOverdue.markEscalated(toEscalate.map((t) => t.id), now);
      const escalated = toEscalate.filter((t) => marked.has(t.id));
      out.push(...(await escalationMessages(store, escalated, of, today)));
      if (escalated.length > 0) d.log.info({ tasks: escalated.length }, "overdue visits escalated");
      return { ids: await store.outbox.stageOutgoing(out), result: { today, late: late.length, reminded, escalated: escalated.length } };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await d.enqueue.delivery(ids);
  return result;
}

async function escalationMessages(
  store: Stores,
  tasks: (LateTask & { daysLate: number })[],
  of: (orgId: number) => Promise<{ settings: VisitSettings; orgName: string }>,
  today: string,
): Promise<NewOutgoing[]> {
  // One card per recipient and branch, listing that branch's newly escalated visits.
  const groups = new Map<string, { target: { id: number; name: string; openId: string }; orgId: number; tasks: (LateTask & { daysLate: number })[] }>();
  for (const t of tasks) {
    for (const target of await store.visitPeople.escalationTargets(t.orgId, t.visitorId)) {
      const k = `${target.id}-${t.orgId}`;
      const g = groups.get(k) ?? { target, orgId: t.orgId, tasks: [] };
      g.tasks.push(t);
      groups.set(k, g);
    }
  }
  const out: NewOutgoing[] = [];
  for (const g of groups.values()) {
    const { settings, orgName } = await of(g.orgId);
    const lines: EscalatedLine[] = g.tasks.slice(0, CARD_LINES).map((t) => ({ taskId: t.id, memberName: t.memberName, visitorName: t.visitorName, what: taskWhat(t, settings), dueOn: t.dueOn, daysLate: t.daysLate }));
    out.push({
      kind: "SEND",
      to: { openId: g.target.openId },
      key: `visit-esc-${g.target.id}-${g.orgId}-${g.tasks[0]!.id}`,
      card: visitEscalationCard({ name: g.target.name, orgName, total: g.tasks.length, lines, today }),
    });
  }
  return out;
}
