// Open visit tasks past their due date, for the daily overdue sweep, and the escalation mark
// each gets once when it is late beyond the branch's limit.
import { dateToDay } from "../domain/calendar-day.ts";
import { CONDOLENCE_VISIT } from "../domain/visit-events.ts";
import { reachable, stillIn } from "./standing.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface LateTask {
  id: number;
  orgId: number;
  memberId: number;
  memberName: string;
  visitorId: number;
  visitorName: string;
  visitorOpenId: string | null;
  festival: string | null;
  year: number | null;
  eventKind: string | null;
  reason: string | null;
  dueOn: string;
  escalated: boolean;
}

/**
 * Open tasks due before `today`, oldest first, of members still in the task's branch (a
 * departed member's visit is not chased). A visitor who left gets no reminder (no open_id);
 * the task still escalates to the secretary.
 */
export async function lateTasks(tx: Tx, today: string): Promise<LateTask[]> {
  const rows = await tx.$queryRawUnsafe<
    { id: number; orgId: number; memberId: number; member_name: string; visitorId: number; visitor_name: string; open_id: string | null; festival: string | null; year: number | null; eventKind: string | null; reason: string | null; dueOn: Date; escalatedAt: Date | null }[]
  >(
    `SELECT v."id", v."orgId", v."memberId", m."name" AS member_name, v."visitorId", p."name" AS visitor_name, CASE WHEN ${reachable("p")} THEN p."larkOpenId" END AS open_id,
            v."festival", v."year", v."eventKind", v."reason", v."dueOn", v."escalatedAt"
     FROM "VisitTask" v JOIN "Person" m ON m."id" = v."memberId" JOIN "Person" p ON p."id" = v."visitorId"
     WHERE v."status" = 'OPEN' AND v."dueOn" < $1::date -- The condolence visit is about a member who died: chased although they no longer count.
       AND (v."eventKind" = '${CONDOLENCE_VISIT}' OR ${stillIn("m", 'v."orgId"')})
     ORDER BY v."dueOn", v."id"`,
    today,
  );
  const keys = sealer(tx);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    memberId: r.memberId,
    memberName: r.member_name,
    visitorId: r.visitorId,
    visitorName: r.visitor_name,
    visitorOpenId: r.open_id,
    festival: r.festival,
    year: r.year,
    eventKind: r.eventKind,
    reason: keys.open("VisitTask.reason", r.reason),
    dueOn: dateToDay(r.dueOn),
    escalated: r.escalatedAt !== null,
  }));
}

/** Sets escalatedAt on those of the tasks not escalated yet; returns the ids it set (once per task, ever). */
export async function markEscalated(tx: Tx, ids: number[], at: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE "VisitTask" SET "escalatedAt" = $2 WHERE "id" = ANY($1::int[]) AND "escalatedAt" IS NULL AND "status" = 'OPEN' RETURNING "id"`,
    ids,
    at,
  );
  return new Set(rows.map((r) => r.id));
}
