// The readable numbers members hold (2026-0012): one sequence per year shared by every kind of
// request (aid, training support, commendation, question), so a number names one request
// whatever its kind and 冲正 2026-0012 or 审批 2026-0012 can find it without being told the kind.
// Rows filed before a kind was numbered keep number null and are named by their #id.
import { requestNumber } from "../domain/aid-rules.ts";
import type { Tx } from "./tx.ts";

/** Taken only to create a year's number sequence (pg_advisory_xact_lock(class, year)). */
const NUMBER_LOCK_CLASS = 72707370;

/** The tables whose "number" column the sequence feeds. */
const NUMBERED = ["AidRequest", "TrainingApplication", "Commendation", "Question", "Suggestion"] as const;

/**
 * The year's number sequence, created by the first filing of the year. Numbers come from a
 * sequence rather than max()+1 under a lock so that filings never wait for each other (a lock
 * held to commit made a burst of filings queue for pool connections). The price: a filing
 * rolled back after taking its number leaves a gap, which a readable number can afford.
 * The name is the one the aid migration created for 2024–2100 (it numbered aid first), kept so
 * that numbers already given continue rather than restart.
 */
export async function numberSequence(tx: Tx, year: number): Promise<string> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a year: ${year}`);
  const name = `"AidRequestNumber_${year}"`;
  const found = await tx.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${name}) IS NOT NULL AS "ok"`;
  if (found[0]?.ok) return name;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NUMBER_LOCK_CLASS}::int, ${year}::int)`;
  // Start after numbers already given that year, of any kind (a store that numbered before the sequence existed).
  const used = NUMBERED.map((t) => `SELECT split_part("number", '-', 2)::int AS n FROM "${t}" WHERE "number" LIKE $1`).join(" UNION ALL ");
  const rows = await tx.$queryRawUnsafe<{ max: number | null }[]>(`SELECT max(n) AS "max" FROM (${used}) u`, `${year}-%`);
  const start = (rows[0]?.max ?? 0) + 1;
  await tx.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS ${name} START WITH ${Math.trunc(start)}`);
  return name;
}

/** The year's next number ("2026-0013"), for a filing that writes its row through Prisma. */
export async function nextRequestNumber(tx: Tx, year: number): Promise<string> {
  const seq = await numberSequence(tx, year);
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval(${seq}::regclass) AS "n"`;
  return requestNumber(year, Number(rows[0]!.n));
}

export type NumberedKind = "aid" | "training" | "commendation" | "question";

/** Which request holds a number, of whichever kind; null when none does. */
export async function requestHolding(tx: Tx, number: string): Promise<{ kind: NumberedKind; id: number } | null> {
  const rows = await tx.$queryRaw<{ kind: NumberedKind; id: number }[]>`
    SELECT 'aid' AS "kind", "id" FROM "AidRequest" WHERE "number" = ${number}
    UNION ALL SELECT 'training', "id" FROM "TrainingApplication" WHERE "number" = ${number}
    UNION ALL SELECT 'commendation', "id" FROM "Commendation" WHERE "number" = ${number}
    UNION ALL SELECT 'question', "id" FROM "Question" WHERE "number" = ${number}
    LIMIT 1`;
  return rows[0] ?? null;
}
