// 组织结对 kept alive (the issue: a quarterly reminder when nothing was recorded): from the first
// working day of a quarter's last month, each active pairing with no joint activity held in the
// quarter yet reminds the secretaries of both sides (in the system), once per quarter. The
// pairing's remindedQuarter is stamped in the transaction that stages the cards (keys pairing +
// quarter + person), so a second run, or a run on another machine, sends nothing. Pushes: on
// working days, in the daytime of the organisation that set the pairing up.
import { orgPairingReminderCard } from "../../cards/org-pairing.ts";
import { owesReminder, reminderQuarter } from "../domain/org-pairing.ts";
import { quarterName } from "../domain/quarter.ts";
import { reminderKey } from "../store/org-pairings.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface OrgPairingReminderResult {
  quarter: string | null;
  skipped?: "rest-day" | "not-due" | "night";
  /** Pairings reminded in this run. */
  pairings: number;
  staged: number;
}

export async function runOrgPairingReminders(d: TaskDeps): Promise<OrgPairingReminderResult> {
  const w = await pushWindowOf(d);
  if (!w.workingDay) return { quarter: null, skipped: "rest-day", pairings: 0, staged: 0 };
  const q = reminderQuarter(w.calendar, w.today);
  if (!q) return { quarter: null, skipped: "not-due", pairings: 0, staged: 0 };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { quarter: q.label, skipped: "night", pairings: 0, staged: 0 };

  const { ids, pairings } = await d.inTransaction(async (store) => {
    const owed = (await store.orgPairingFigures.activePairingsIn(q)).filter((p) => daytime.has(p.orgId) && owesReminder(p, q));
    const stamped = await store.orgPairings.markReminded(
      owed.map((p) => p.id),
      q.label,
      d.clock.now(),
    );
    const out: NewOutgoing[] = [];
    const period = { from: q.start, to: q.end };
    for (const id of stamped) {
      const p = await store.orgPairings.loadPairing(id, period);
      if (!p) continue;
      const sides = [p.orgId, ...(p.partnerOrgId !== null ? [p.partnerOrgId] : [])];
      const told = new Set<number>();
      for (const s of await store.orgContacts.secretariesOf(sides)) {
        // A secretary of both sides gets one card.
        if (!s.openId || told.has(s.personId)) continue;
        told.add(s.personId);
        const ours = s.orgId === p.orgId;
        const card = orgPairingReminderCard({ pairingId: p.id, name: s.name, ownOrg: ours ? p.orgName : p.partnerName, partner: ours ? p.partnerName : p.orgName, kind: p.kind, quarter: quarterName(q), quarterEnd: q.end, lastActivity: p.lastActivity });
        out.push({ kind: "SEND", to: { openId: s.openId }, card, key: reminderKey(p.id, q.label, s.personId) });
      }
    }
    return { ids: await store.outbox.stageOutgoing(out), pairings: stamped.size };
  });
  await d.enqueue.delivery(ids);
  if (pairings > 0) d.log.info({ quarter: q.label, pairings, staged: ids.length }, "org pairings reminded");
  return { quarter: q.label, pairings, staged: ids.length };
}
