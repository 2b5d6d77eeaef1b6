// The quarterly branch report (定期分析): on the first working day of a quarter (or the first
// run after it, if that one was missed), each branch secretary gets the analysis of the quarter
// just ended. It runs daily; a branch whose report keys are all in the outbox costs one lookup.
import { talkAnalysisCard } from "../../cards/talk-analysis.ts";
import { previousQuarter, quarterOf } from "../domain/quarter.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

const branchReportKey = (orgId: number, quarter: string, secretaryId: number) => `branch-report-${orgId}-${quarter}-${secretaryId}`;

export async function runBranchReports(d: TaskDeps): Promise<{ quarter: string; skipped?: "rest-day"; reports: number; staged: number }> {
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const period = previousQuarter(quarterOf(w.today));
  if (!w.workingDay) return { quarter: period.label, skipped: "rest-day", reports: 0, staged: 0 };
  const rules = await d.store.branchRules.loadBranchRules();
  const secretaries = (await d.store.orgContacts.secretariesOf(awake(rules, w).map((b) => b.orgId))).filter((s) => s.openId);
  const keys = secretaries.map((s) => branchReportKey(s.orgId, period.label, s.personId));
  const sent = await d.store.outbox.existingKeys(keys);
  const owed = secretaries.filter((_, i) => !sent.has(keys[i]!));

  const out: NewOutgoing[] = [];
  const orgIds = [...new Set(owed.map((s) => s.orgId))];
  const codes = await d.store.orgs.orgCodes(orgIds);
  for (const orgId of orgIds) {
    const to = owed.filter((s) => s.orgId === orgId);
    const a = await d.store.branchAnalysis.analyseBranch({ org: { id: orgId, name: to[0]!.orgName }, rules: rules.get(orgId)!, period, today: w.today, timeZone: tz });
    const c = talkAnalysisCard(a, { orgCode: codes.get(orgId) ?? String(orgId) });
    for (const s of to) out.push({ kind: "SEND", to: { openId: s.openId! }, card: c, key: branchReportKey(orgId, period.label, s.personId) });
  }
  const staged = await d.store.outbox.stageOutgoing(out);
  await d.enqueue.delivery(staged);
  return { quarter: period.label, reports: orgIds.length, staged: staged.length };
}
