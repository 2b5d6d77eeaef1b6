// The monthly check-in on members still looking for work: when a month has passed since the
// case opened or since the last check-in, the member's responsible leader (or, with none on
// Lark, the branch secretaries) gets a card to record how it goes. The key is case + month +
// recipient, so a case is brought up at most once a calendar month however often this runs,
// and again every month until someone checks in or the member finds work.
import { jobCheckInCard } from "../../cards/job-seek.ts";
import { checkInDue } from "../domain/job-match.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

const checkInKey = (caseId: number, month: string, personId: number) => `employment-checkin-${caseId}-${month}-${personId}`;

export async function runEmploymentCheckIns(d: TaskDeps): Promise<{ today: string; skipped?: "rest-day"; due: number; staged: number }> {
  const w = await pushWindowOf(d);
  if (!w.workingDay) return { today: w.today, skipped: "rest-day", due: 0, staged: 0 };
  const rules = await d.store.branchRules.loadBranchRules();
  const branches = awake(rules, w);
  const cases = (await d.store.employment.openCases(branches.map((b) => b.orgId))).filter((c) => checkInDue(c.openedOn, c.lastCheckInOn, w.today));
  const orgIds = [...new Set(cases.map((c) => c.orgId))];
  const secretaries = await d.store.orgContacts.secretariesOf(orgIds);
  const orgNames = await d.store.orgs.orgNames(orgIds);
  const month = w.today.slice(0, 7);
  const out: NewOutgoing[] = [];
  for (const c of cases) {
    const to = c.leaderId !== null && c.leaderOpenId ? [{ personId: c.leaderId, openId: c.leaderOpenId }] : secretaries.filter((s) => s.orgId === c.orgId && s.openId && s.personId !== c.personId).map((s) => ({ personId: s.personId, openId: s.openId! }));
    const card = jobCheckInCard({ caseId: c.id, memberName: c.name, orgName: orgNames.get(c.orgId) ?? "?", skills: c.skills, kinds: c.kinds, area: c.area, wishes: c.wishes, openedOn: c.openedOn, lastCheckInOn: c.lastCheckInOn, pushes: c.pushes });
    for (const r of to) out.push({ kind: "SEND", to: { openId: r.openId }, card, key: checkInKey(c.id, month, r.personId) });
  }
  const staged = await d.store.outbox.stageOutgoing(out);
  await d.enqueue.delivery(staged);
  d.log.info({ today: w.today, due: cases.length, staged: staged.length }, "employment check-ins");
  return { today: w.today, due: cases.length, staged: staged.length };
}
