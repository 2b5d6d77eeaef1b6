// The daily festival planner. For every branch and every festival whose planning window is
// open today, it inserts the missing visit tasks in one statement and stages ONE digest card
// per visitor (key visitor+festival+year) in the same transaction, so tasks are never
// planned without their visitors being told. Running it again creates and sends nothing.
import { visitDigestCard } from "../../cards/visit-digest.ts";
import { festivalsOf, readVisitSettings } from "../domain/visit-settings.ts";
import { criteriaFor, reasonText } from "../domain/visit-eligibility.ts";
import { occurrencesToPlan } from "../domain/festivals.ts";
import { inPlanningTransaction } from "../store/planning-transaction.ts";
import type { PlanGroup, VisitorDigest } from "../store/visit-planner.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

/** Members named on a digest card (one short line each; the button opens the full list). */
const DIGEST_LINES = 30;
/** Visitors whose digests are built per query, to keep memory flat for very large branches. */
const VISITOR_CHUNK = 500;

export interface PlanResult {
  today: string;
  /** Nothing planned: a rest day (the next working day's run plans what the window holds), or night in every branch. */
  skipped?: "rest-day" | "night";
  festivals: string[];
  created: number;
  digests: number;
  unassigned: number;
  /** Where the time went, in ms: selecting and inserting tasks, building and staging digests. */
  ms: { tasks: number; digests: number };
}

const digestKey = (visitorId: number, festival: string, year: number) => `visit-digest-${visitorId}-${festival}-${year}`;

export async function planFestivalVisits(d: TaskDeps): Promise<PlanResult> {
  const now = d.clock.now();
  const w = await pushWindowOf(d);
  const today = w.today;
  const empty = { today, festivals: [], created: 0, digests: 0, unassigned: 0, ms: { tasks: 0, digests: 0 } };
  // Tasks are planned with their digests, which are pushes: on working days, in each branch's daytime.
  if (!w.workingDay) return { ...empty, skipped: "rest-day" };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { ...empty, skipped: "night" };
  const groups = new Map<string, PlanGroup & { name: { zh: string; en: string } }>();
  for (const org of await d.store.visitPlanner.orgSettings()) {
    if (!daytime.has(org.id)) continue;
    const { settings, problem } = readVisitSettings(org.settings);
    if (problem) d.log.warn({ orgId: org.id, problem }, "visit settings do not parse; using the defaults");
    for (const occ of occurrencesToPlan(festivalsOf(settings), today, settings.leadDays)) {
      const criteria = criteriaFor(occ.def, occ.date, settings);
      const key = JSON.stringify([occ.def.code, occ.year, occ.date, criteria]);
      const g = groups.get(key);
      if (g) g.orgIds.push(org.id);
      else groups.set(key, { festival: occ.def.code, year: occ.year, dueOn: occ.date, criteria, orgIds: [org.id], name: occ.def.name });
    }
  }

  const result: PlanResult = { ...empty, festivals: [], ms: { tasks: 0, digests: 0 } };
  for (const g of groups.values()) {
    // Tasks and their digests commit together: a crash in between leaves neither, and the next run redoes both.
    const staged = await inPlanningTransaction(d.db, async (plan) => {
      const t0 = performance.now();
      const outcome = await plan.insertFestivalTasks(g, today, now);
      const t1 = performance.now();
      result.ms.tasks += Math.round(t1 - t0);
      result.created += outcome.perVisitor.reduce((n, v) => n + v.count, 0);
      result.unassigned += outcome.unassigned;
      if (outcome.unassigned > 0) {
        d.log.warn({ festival: g.festival, year: g.year, orgIds: g.orgIds, members: outcome.unassigned }, "eligible members have no visitor on Lark (no helper, leader or secretary): add one");
      }
      const ids: number[] = [];
      for (let i = 0; i < outcome.perVisitor.length; i += VISITOR_CHUNK) {
        const chunk = outcome.perVisitor.slice(i, i + VISITOR_CHUNK);
        const sent = await plan.existingKeys(chunk.map((v) => digestKey(v.visitorId, g.festival, g.year)));
        const fresh = chunk.filter((v) => !sent.has(digestKey(v.visitorId, g.festival, g.year)));
        const later = chunk.filter((v) => sent.has(digestKey(v.visitorId, g.festival, g.year)));
        const out: { key: string; openId: string; card: object }[] = [];
        for (const dg of await plan.digestsFor(g.festival, g.year, fresh.map((v) => v.visitorId), DIGEST_LINES, 0)) {
          out.push(digestMessage(g, dg, digestKey(dg.visitorId, g.festival, g.year), false, today));
        }
        // Members who became eligible after the visitor's digest went out get a short addition.
        for (const v of later) {
          for (const dg of await plan.digestsFor(g.festival, g.year, [v.visitorId], DIGEST_LINES, v.firstTaskId)) {
            out.push(digestMessage(g, dg, `${digestKey(v.visitorId, g.festival, g.year)}-${v.firstTaskId}`, true, today));
          }
        }
        ids.push(...(await plan.stageCards(out)));
      }
      result.ms.digests += Math.round(performance.now() - t1);
      return ids;
    });
    result.festivals.push(`${g.festival}-${g.year}`);
    result.digests += staged.length;
    // Queued after the commit (the worker must find the rows), a chunk at a time: one call for
    // 50,000 digests held every job's options and Redis reply in memory at once.
    for (let i = 0; i < staged.length; i += VISITOR_CHUNK) await d.enqueue.delivery(staged.slice(i, i + VISITOR_CHUNK));
  }
  if (result.created > 0) d.log.info(result, "festival visits planned");
  return result;
}

function digestMessage(
  g: PlanGroup & { name: { zh: string; en: string } },
  dg: VisitorDigest,
  key: string,
  addition: boolean,
  today: string,
): { key: string; openId: string; card: object } {
  const card = visitDigestCard({
    today,
    visitorName: dg.name,
    festival: g.name,
    year: g.year,
    date: g.dueOn,
    total: dg.total,
    addition,
    lines: dg.lines.map((l) => ({ taskId: l.taskId, memberName: l.memberName, orgName: l.orgName, reason: reasonText(l.reason) })),
  });
  return { key, openId: dg.openId, card };
}
