// The December reminder of the year-end report (年度报告): from the first working day on or
// after 15 December (src/domain/year-report.ts reminderOwed), every secretary of every branch,
// general branch and committee gets one card saying the year's report can be produced now, with
// a button that produces it. Keyed organisation + year + person, so a second run, or a catch-up
// run later in December, sends nobody the card twice; a secretary named later in December still
// gets theirs. Outside each organisation's night hours, on working days only.
import { yearReportReminderCard } from "../../cards/year-report.ts";
import { reminderOwed } from "../domain/year-report.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { yearReportReminderKey } from "../store/year-report.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface YearReminderResult {
  year: number;
  skipped?: "rest-day" | "night" | "not-yet";
  organisations: number;
  staged: number;
}

export async function runYearReportReminders(d: TaskDeps): Promise<YearReminderResult> {
  const w = await pushWindowOf(d);
  const year = Number(w.today.slice(0, 4));
  const none = { year, organisations: 0, staged: 0 };
  if (!reminderOwed(w.today, w.workingDay)) return { ...none, skipped: w.today.slice(5, 7) === "12" && w.today.slice(8) >= "15" ? "rest-day" : "not-yet" };
  const rules = await d.store.branchRules.loadBranchRules();
  const orgs = awake(rules, w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]);
  if (orgs.length === 0) return { ...none, skipped: "night" };
  const secretaries = (await d.store.orgContacts.secretariesOf(orgs.map((o) => o.orgId))).filter((s) => s.openId);
  const keys = secretaries.map((s) => yearReportReminderKey(s.orgId, year, s.personId));
  const sent = await d.store.outbox.existingKeys(keys);
  const out: NewOutgoing[] = [];
  const reached = new Set<number>();
  secretaries.forEach((s, i) => {
    if (sent.has(keys[i]!)) return;
    reached.add(s.orgId);
    out.push({ kind: "SEND", to: { openId: s.openId! }, card: yearReportReminderCard({ orgName: s.orgName, year }), key: keys[i]! });
  });
  const staged = await d.store.outbox.stageOutgoing(out);
  await d.enqueue.delivery(staged);
  return { year, organisations: reached.size, staged: staged.length };
}
