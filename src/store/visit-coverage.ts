// Coverage of visits per branch and festival (event visits count under "EVENT" by the year of
// their due date): planned, done, open, overdue, escalated, money paid from the fund by source.
import type { FundSource } from "../domain/aid-rules.ts";
import { dateToDay } from "../domain/calendar-day.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface CoverageRow {
  orgId: number;
  orgName: string;
  /** A festival code, or "EVENT" for 六必访 visits. */
  festival: string;
  year: number;
  planned: number;
  done: number;
  open: number;
  overdue: number;
  escalated: number;
  goods: number;
  moneyFen: Partial<Record<FundSource, number>>;
}

export interface CoverageFilter {
  orgIds: number[];
  festival?: string | undefined;
  year?: number | undefined;
  today: string;
}

const FILTER = `v."orgId" = ANY($1::int[])
   AND ($2::text IS NULL OR COALESCE(v."festival", 'EVENT') = $2)
   AND ($3::int IS NULL OR COALESCE(v."year", EXTRACT(YEAR FROM v."dueOn")::int) = $3)`;

export async function coverage(tx: Tx, f: CoverageFilter): Promise<CoverageRow[]> {
  const rows = await tx.$queryRawUnsafe<
    { orgId: number; org_name: string; festival: string; year: number; planned: number; done: number; open: number; overdue: number; escalated: number; goods: number; local_finance: number; party_fee: number; donation: number }[]
  >(
    `SELECT v."orgId", o."name" AS org_name, COALESCE(v."festival", 'EVENT') AS festival,
            COALESCE(v."year", EXTRACT(YEAR FROM v."dueOn")::int) AS year,
            count(*)::int AS planned,
            count(*) FILTER (WHERE v."status" = 'DONE')::int AS done,
            count(*) FILTER (WHERE v."status" = 'OPEN')::int AS open,
            count(*) FILTER (WHERE v."status" = 'OPEN' AND v."dueOn" < $4::date)::int AS overdue,
            count(*) FILTER (WHERE v."escalatedAt" IS NOT NULL)::int AS escalated,
            count(*) FILTER (WHERE v."status" = 'DONE' AND COALESCE(v."goods", '') <> '')::int AS goods,
            COALESCE(sum(f."amountFen") FILTER (WHERE f."source" = 'LOCAL_FINANCE'), 0)::int AS local_finance,
            COALESCE(sum(f."amountFen") FILTER (WHERE f."source" = 'PARTY_FEE'), 0)::int AS party_fee,
            COALESCE(sum(f."amountFen") FILTER (WHERE f."source" = 'DONATION'), 0)::int AS donation
     FROM "VisitTask" v JOIN "Organization" o ON o."id" = v."orgId"
     LEFT JOIN "FundEntry" f ON f."visitTaskId" = v."id" AND f."kind" = 'DISBURSEMENT'
       -- A visit's money later reversed (冲正) from the fund card was not given.
       AND NOT EXISTS (SELECT 1 FROM "FundEntry" x WHERE x."reversesId" = f."id")
     WHERE ${FILTER}
     GROUP BY v."orgId", o."name", COALESCE(v."festival", 'EVENT'), COALESCE(v."year", EXTRACT(YEAR FROM v."dueOn")::int)
     ORDER BY year DESC, o."name", festival`,
    f.orgIds,
    f.festival ?? null,
    f.year ?? null,
    f.today,
  );
  return rows.map((r) => ({
    orgId: r.orgId,
    orgName: r.org_name,
    festival: r.festival,
    year: r.year,
    planned: r.planned,
    done: r.done,
    open: r.open,
    overdue: r.overdue,
    escalated: r.escalated,
    goods: r.goods,
    moneyFen: Object.fromEntries(
      ([["LOCAL_FINANCE", r.local_finance], ["PARTY_FEE", r.party_fee], ["DONATION", r.donation]] as const).filter(([, fen]) => fen > 0),
    ) as Partial<Record<FundSource, number>>,
  }));
}

export interface TaskLine {
  id: number;
  orgName: string;
  festival: string | null;
  year: number | null;
  eventKind: string | null;
  reason: string | null;
  memberName: string;
  visitorName: string;
  dueOn: string;
  status: string;
  visitedOn: string | null;
  how: string | null;
  amountFen: number | null;
  fundSource: string | null;
  goods: string | null;
  notes: string | null;
  escalated: boolean;
}

/** Every task behind the coverage figures, for the .xlsx ledger. */
export async function coverageTasks(tx: Tx, f: CoverageFilter): Promise<TaskLine[]> {
  const rows = await tx.$queryRawUnsafe<
    { id: number; org_name: string; festival: string | null; year: number | null; eventKind: string | null; reason: string | null; member_name: string; visitor_name: string; dueOn: Date; status: string; visitedOn: Date | null; how: string | null; amountFen: number | null; fundSource: string | null; goods: string | null; notes: string | null; escalatedAt: Date | null }[]
  >(
    `SELECT v."id", o."name" AS org_name, v."festival", v."year", v."eventKind", v."reason", m."name" AS member_name, p."name" AS visitor_name,
            v."dueOn", v."status"::text AS status, v."visitedOn", v."how", v."amountFen", v."fundSource"::text AS "fundSource", v."goods", v."notes", v."escalatedAt"
     FROM "VisitTask" v JOIN "Organization" o ON o."id" = v."orgId" JOIN "Person" m ON m."id" = v."memberId" JOIN "Person" p ON p."id" = v."visitorId"
     WHERE ${FILTER}
     ORDER BY o."name", v."festival" NULLS LAST, v."dueOn", m."name", v."id"`,
    f.orgIds,
    f.festival ?? null,
    f.year ?? null,
  );
  const keys = sealer(tx);
  return rows.map((r) => ({
    id: r.id,
    orgName: r.org_name,
    festival: r.festival,
    year: r.year,
    eventKind: r.eventKind,
    reason: keys.open("VisitTask.reason", r.reason),
    memberName: r.member_name,
    visitorName: r.visitor_name,
    dueOn: dateToDay(r.dueOn),
    status: r.status,
    visitedOn: r.visitedOn ? dateToDay(r.visitedOn) : null,
    how: r.how,
    amountFen: r.amountFen,
    fundSource: r.fundSource,
    goods: r.goods,
    notes: keys.open("VisitTask.notes", r.notes),
    escalated: r.escalatedAt !== null,
  }));
}
