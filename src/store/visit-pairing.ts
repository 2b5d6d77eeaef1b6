// 结对帮扶 rows: the active pairings of a branch, of a helper or of everyone, creating one,
// ending one (the row stays).
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { HelperKind } from "../domain/pairing.ts";
import { reachable, stillIn } from "./standing.ts";
import type { Tx } from "./tx.ts";

export interface PairingView {
  id: number;
  orgId: number;
  memberId: number;
  memberName: string;
  helperKind: HelperKind;
  helperPersonId: number | null;
  helperName: string | null;
  departmentName: string | null;
  startOn: string;
  endOn: string | null;
  lastContact: string | null;
}

type Row = { id: number; orgId: number; memberId: number; member_name: string; helperKind: HelperKind; helperPersonId: number | null; helper_name: string | null; departmentName: string | null; startOn: Date; endOn: Date | null; last_at: Date | null };

const toView = (r: Row): PairingView => ({
  id: r.id,
  orgId: r.orgId,
  memberId: r.memberId,
  memberName: r.member_name,
  helperKind: r.helperKind,
  helperPersonId: r.helperPersonId,
  helperName: r.helper_name,
  departmentName: r.departmentName,
  startOn: dateToDay(r.startOn),
  endOn: r.endOn ? dateToDay(r.endOn) : null,
  lastContact: r.last_at ? dateToDay(r.last_at) : null,
});

const SELECT = `SELECT pr."id", pr."orgId", pr."memberId", m."name" AS member_name, pr."helperKind", pr."helperPersonId", h."name" AS helper_name,
       pr."departmentName", pr."startOn", pr."endOn",
       (SELECT max(c."at") FROM "ContactLog" c WHERE c."pairingId" = pr."id" AND c."kind" = 'PAIRING') AS last_at
  FROM "Pairing" pr JOIN "Person" m ON m."id" = pr."memberId" LEFT JOIN "Person" h ON h."id" = pr."helperPersonId"`;

/** Pairings of a branch not ended before today (current and future), newest first. */
export async function currentPairings(tx: Tx, orgId: number, today: string, limit: number): Promise<{ rows: PairingView[]; total: number }> {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `${SELECT} WHERE pr."orgId" = $1 AND (pr."endOn" IS NULL OR pr."endOn" >= $2::date) ORDER BY pr."startOn" DESC, pr."id" DESC LIMIT $3`,
    orgId,
    today,
    limit,
  );
  const [count] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "Pairing" WHERE "orgId" = $1 AND ("endOn" IS NULL OR "endOn" >= $2::date)`,
    orgId,
    today,
  );
  return { rows: rows.map(toView), total: count?.n ?? 0 };
}

export async function loadPairing(tx: Tx, id: number): Promise<PairingView | null> {
  const rows = await tx.$queryRawUnsafe<Row[]>(`${SELECT} WHERE pr."id" = $1`, id);
  return rows[0] ? toView(rows[0]) : null;
}

/** The pairings where the person is the helper, active today. */
export async function pairingsHelpedBy(tx: Tx, helperId: number, today: string): Promise<PairingView[]> {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `${SELECT} WHERE pr."helperPersonId" = $1 AND pr."startOn" <= $2::date AND (pr."endOn" IS NULL OR pr."endOn" >= $2::date) ORDER BY pr."id" LIMIT 50`,
    helperId,
    today,
  );
  return rows.map(toView);
}

/**
 * Every pairing active on `today`, with the last contact logged for each (the daily contact
 * sweep): only of members still in the pairing's branch. A helper who left or died is given as
 * none, so the secretary is reminded in their place.
 */
export async function activePairings(tx: Tx, today: string): Promise<PairingView[]> {
  const rows = await tx.$queryRawUnsafe<(Row & { helper_ok: boolean })[]>(
    `SELECT x.*, ${reachable("h2")} AS helper_ok
     FROM (${SELECT} WHERE pr."startOn" <= $1::date AND (pr."endOn" IS NULL OR pr."endOn" >= $1::date) AND ${stillIn("m", 'pr."orgId"')}) x
     LEFT JOIN "Person" h2 ON h2."id" = x."helperPersonId"
     ORDER BY x."id"`,
    today,
  );
  return rows.map((r) => ({ ...toView(r), helperPersonId: r.helper_ok ? r.helperPersonId : null }));
}

/** An active or future pairing of the same helper (or department) with the same member. */
export async function samePairingOpen(tx: Tx, p: { memberId: number; helperPersonId: number | null; departmentName: string | null; today: string }): Promise<boolean> {
  const r = await tx.pairing.findFirst({
    where: {
      memberId: p.memberId,
      ...(p.helperPersonId !== null ? { helperPersonId: p.helperPersonId } : { helperPersonId: null, departmentName: p.departmentName }),
      OR: [{ endOn: null }, { endOn: { gte: dayToDate(p.today) } }],
    },
    select: { id: true },
  });
  return r !== null;
}

export async function createPairing(
  tx: Tx,
  p: { orgId: number; memberId: number; helperKind: HelperKind; helperPersonId: number | null; departmentName: string | null; startOn: string; endOn: string | null; createdById: number; at: Date },
): Promise<number> {
  const r = await tx.pairing.create({
    data: {
      orgId: p.orgId,
      memberId: p.memberId,
      helperKind: p.helperKind,
      helperPersonId: p.helperPersonId,
      departmentName: p.departmentName,
      startOn: dayToDate(p.startOn),
      endOn: p.endOn ? dayToDate(p.endOn) : null,
      createdById: p.createdById,
      createdAt: p.at,
    },
    select: { id: true },
  });
  return r.id;
}

/** Ends a pairing that is still current on `today`, setting its last day; false when it had already ended. */
export async function endPairing(tx: Tx, id: number, today: string, lastDay: string, reason: string): Promise<boolean> {
  const r = await tx.pairing.updateMany({
    where: { id, OR: [{ endOn: null }, { endOn: { gte: dayToDate(today) } }] },
    data: { endOn: dayToDate(lastDay), endedReason: reason },
  });
  return r.count === 1;
}
