// Commendations (表彰): nominated by a leader, decided once by the secretary (a conditional
// UPDATE from PENDING), kept on the member's record; an approved one may be revoked once.
import type { CommendLevel, CommendStatus } from "../domain/commend-rules.ts";
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import { nextRequestNumber } from "./request-numbers.ts";
import { openFields, sealer, type Keyring } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface CommendRow {
  id: number;
  /** From the yearly request sequence (2026-0013); null for one nominated before numbering (shown as #id). */
  number: string | null;
  orgId: number;
  personId: number;
  nominatedById: number;
  title: string;
  level: CommendLevel;
  deeds: string;
  status: CommendStatus;
  awardedOn: string | null;
  decidedById: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  revokedById: number | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  createdAt: Date;
}

type Db = Awaited<ReturnType<Tx["commendation"]["findUniqueOrThrow"]>>;
// What a nominee did and the secretary's words on it are sealed at rest (sealing.ts).
const SEALED = ["deeds", "decisionNote", "revokeReason"] as const;
const toRow = ({ formMessageId: _f, updatedAt: _u, awardedOn, ...c }: Db, keys: Keyring): CommendRow =>
  openFields(keys, "Commendation", { ...c, awardedOn: awardedOn ? dateToDay(awardedOn) : null }, SEALED);

/** Files a nomination with the year's next request number; null when this form card filed one already. */
export async function createCommendation(
  tx: Tx,
  c: { orgId: number; personId: number; nominatedById: number; title: string; level: CommendLevel; deeds: string; formMessageId: string | null; year: number; at: Date },
): Promise<CommendRow | null> {
  const { at, year, ...data } = c;
  if (data.formMessageId && (await tx.commendation.findUnique({ where: { formMessageId: data.formMessageId }, select: { id: true } }))) return null;
  const rows = await tx.commendation.createManyAndReturn({ data: [{ ...data, deeds: sealer(tx).seal("Commendation.deeds", data.deeds), number: await nextRequestNumber(tx, year), createdAt: at }], skipDuplicates: true });
  return rows[0] ? toRow(rows[0], sealer(tx)) : null;
}

export async function findCommendation(tx: Tx, id: number): Promise<CommendRow | null> {
  const r = await tx.commendation.findUnique({ where: { id } });
  return r ? toRow(r, sealer(tx)) : null;
}

export async function commendationByForm(tx: Tx, formMessageId: string): Promise<CommendRow | null> {
  const r = await tx.commendation.findUnique({ where: { formMessageId } });
  return r ? toRow(r, sealer(tx)) : null;
}

export async function commendationsOf(tx: Tx, personId: number, limit = 10): Promise<CommendRow[]> {
  const rows = await tx.commendation.findMany({ where: { personId, status: { in: ["APPROVED", "REVOKED"] } }, orderBy: [{ awardedOn: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => toRow(r, sealer(tx)));
}

export async function commendationsIn(tx: Tx, orgIds: readonly number[], limit = 30): Promise<CommendRow[]> {
  const rows = await tx.commendation.findMany({ where: { orgId: { in: [...orgIds] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => toRow(r, sealer(tx)));
}

export async function approveCommendation(tx: Tx, id: number, d: { byId: number; level: CommendLevel; awardedOn: string; note: string | null; at: Date }): Promise<boolean> {
  const n = await tx.commendation.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "APPROVED", level: d.level, awardedOn: dayToDate(d.awardedOn), decidedById: d.byId, decidedAt: d.at, decisionNote: sealer(tx).seal("Commendation.decisionNote", d.note), updatedAt: d.at },
  });
  return n.count === 1;
}

export async function declineCommendation(tx: Tx, id: number, d: { byId: number; reason: string; at: Date }): Promise<boolean> {
  const n = await tx.commendation.updateMany({ where: { id, status: "PENDING" }, data: { status: "DECLINED", decidedById: d.byId, decidedAt: d.at, decisionNote: sealer(tx).seal("Commendation.decisionNote", d.reason), updatedAt: d.at } });
  return n.count === 1;
}

export async function revokeCommendation(tx: Tx, id: number, d: { byId: number; reason: string; at: Date }): Promise<boolean> {
  const n = await tx.commendation.updateMany({ where: { id, status: "APPROVED" }, data: { status: "REVOKED", revokedById: d.byId, revokedAt: d.at, revokeReason: sealer(tx).seal("Commendation.revokeReason", d.reason), updatedAt: d.at } });
  return n.count === 1;
}
