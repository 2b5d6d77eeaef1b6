// Every recurring task, with when it runs. Cron patterns are read in the configured timezone
// (Asia/Shanghai). A task must be safe to run twice: schedulers may fire on two machines.
import type { TaskDeps } from "./task-deps.ts";
import { recoverPending } from "./recovery.ts";
import { runEmploymentCheckIns } from "./employment-checkin.ts";
import { runWeeklyJobPush } from "./job-weekly.ts";
import { runTalkSweep } from "./talk-sweep.ts";
import { runUrgentTalks } from "./talk-urgent.ts";
import { runHardshipReviews } from "./hardship-review.ts";
import { runBranchReports } from "./branch-report.ts";
import { planFestivalVisits } from "./visit-planner.ts";
import { sweepOverdueVisits } from "./visit-overdue.ts";
import { sweepContacts } from "./visit-contacts.ts";
import { runCalendarCheck } from "./calendar-check.ts";
import { runAidReminders } from "./aid-reminders.ts";
import { runSuggestionReminders } from "./suggestion-reminder.ts";
import { runCommitteeDigest } from "./committee-digest.ts";
import { runOrgPairingReminders } from "./org-pairing-reminder.ts";
import { runPrunePayloads } from "./prune-payloads.ts";
import { runEraseDeparted } from "./erase-departed.ts";
import { runDropExpiredExports } from "./drop-expired-exports.ts";
import { runYearReportReminders } from "./year-report-reminder.ts";

export type Schedule = { task: string; run(deps: TaskDeps): Promise<unknown> } & ({ every: number } | { pattern: string });

export const SCHEDULES: readonly Schedule[] = [
  { task: "recover", every: 15_000, run: (d) => recoverPending(d.db.sql, d.enqueue, d.clock.now()) },
  // Talk digests at 09:00; the later runs catch up a missed one and send nothing otherwise (keys are leader + day).
  { task: "talk-sweep", pattern: "0 9,11,15 * * *", run: runTalkSweep },
  { task: "talk-urgent", pattern: "*/10 * * * *", run: runUrgentTalks },
  // Hardship reviews (keys entry + review day) and the quarterly report (first working day of a quarter, keys branch + quarter).
  { task: "hardship-review", pattern: "0 9,15 * * *", run: runHardshipReviews },
  { task: "branch-report", pattern: "30 9,15 * * *", run: runBranchReports },
  // Visits: festival planning at 08:30 (safe to re-run: tasks are unique, digests keyed visitor+festival+year),
  // overdue reminders and escalation at 09:30, contact reminders and lost-contact alerts at 10:00; all on working days,
  // outside each branch's night hours, and again at 15:00 for a branch whose night hours covered the morning run.
  { task: "visit-plan", pattern: "30 8,15 * * *", run: planFestivalVisits },
  { task: "visit-overdue", pattern: "30 9,15 * * *", run: sweepOverdueVisits },
  { task: "visit-contacts", pattern: "0 10,15 * * *", run: sweepContacts },
  // Employment help: held job information goes out in each member's one card of the week (keys person + week) at 09:45
  // (again at 15:00 for a branch whose night hours covered the morning run);
  // the monthly check-in on members still looking for work goes to their responsible leader at 10:15 (keys case + month).
  { task: "job-push-weekly", pattern: "45 9,15 * * *", run: runWeeklyJobPush },
  { task: "employment-checkin", pattern: "15 10 * * *", run: runEmploymentCheckIns },
  // The national calendar: library years seeded (idempotent), and from November the reminder that next year's
  // official schedule is missing (keys secretary + year + week); the 15:00 run catches a morning spent at night hours.
  { task: "calendar", pattern: "20 10,15 * * *", run: runCalendarCheck },
  // Aid requests left waiting: the deciders after 2 working days (keys request + decider), the committee's secretary
  // after 5 (keys request + secretary), each once (remindedAt, escalatedAt); 15:40 again for a branch whose night hours covered 09:40.
  { task: "aid-reminders", pattern: "40 9,15 * * *", run: runAidReminders },
  // The committee's weekly digest of what is overdue where: the first working-day run of each ISO week at 09:10
  // (keys committee + week + secretary), 15:10 again for a committee whose night hours covered the morning.
  { task: "committee-digest", pattern: "10 9,15 * * *", run: runCommitteeDigest },
  // 组织结对: from the first working day of a quarter's last month, active pairings with no joint activity in the quarter
  // remind both sides' secretaries, once (remindedQuarter; keys pairing + quarter + person); 15:50 catches a night-hours morning.
  { task: "org-pairing-reminder", pattern: "50 9,15 * * *", run: runOrgPairingReminders },
  // 意见建议 open 5 working days: the branch's secretaries reminded once (remindedAt), in daytime on working days.
  { task: "suggestion-reminders", pattern: "20 10,15 * * *", run: runSuggestionReminders },
  // Keeping only what is needed (docs/privacy.md): processed events' payloads and delivered messages' contents
  // stripped once past PAYLOAD_RETENTION_HOURS (their keys stay, so nothing is handled or sent twice);
  // at night, the records of members who left more than RETENTION_AFTER_LEAVING_DAYS ago erased (once: erasedAt).
  { task: "prune-payloads", pattern: "*/30 * * * *", run: runPrunePayloads },
  { task: "erase-departed", pattern: "10 3 * * *", run: runEraseDeparted },
  // Files made for people (their own data, a ledger with notes) dropped once expired (a week after; they are in the chat).
  { task: "drop-expired-exports", pattern: "40 3 * * *", run: runDropExpiredExports },
  // The year-end report: from the first working day on or after 15 December, each secretary of a branch or committee
  // is told it can be produced (keys organisation + year + person, once); 15:50 catches a morning spent at night hours.
  { task: "year-report-reminder", pattern: "50 9,15 * * *", run: runYearReportReminders },
];
