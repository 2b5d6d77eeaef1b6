// Every column sealed at rest, and the re-sealing of their values under the current data key
// (`npm run keys:rotate`). A batch is one transaction: its rows are locked, opened with whatever
// key sealed them (or read as plain text written before sealing began), sealed with the current
// key and written back, so a crash between batches loses nothing and a re-run continues with
// what is left (a row already under the current key is never selected again).
import { sealedKeyId } from "../lib/sealing.ts";
import type { Database } from "./db.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface SealedColumn {
  table: string;
  column: string;
  /** text: `enc1:…` in a text column; json: the same string as a JSON value; bytes: a bytea with the ENC1 header. */
  kind: "text" | "json" | "bytes";
}

const text = (table: string, ...columns: string[]): SealedColumn[] => columns.map((column) => ({ table, column, kind: "text" as const }));

/** The one list of sealed columns: what the rotation re-seals and the privacy docs name. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  ...text("Talk", "thinking", "work", "life", "concerns"),
  { table: "TalkRevision", column: "before", kind: "json" },
  ...text("FollowUp", "description"),
  ...text("TalkTask", "note"),
  ...text("HardshipEntry", "household", "resolvedReason"),
  { table: "HardshipHistory", column: "changes", kind: "json" },
  ...text("AidRequest", "description", "decisionNote"),
  ...text("AidRequestEvent", "note"),
  ...text("FundEntry", "note"),
  ...text("AidAttachment", "fileName"),
  { table: "AidAttachment", column: "bytes", kind: "bytes" },
  ...text("VisitTask", "notes", "reason"),
  ...text("ContactLog", "note"),
  ...text("QuestionMessage", "body"),
  ...text("TrainingApplication", "reason", "decisionNote"),
  ...text("Commendation", "deeds", "decisionNote", "revokeReason"),
  ...text("EmploymentEvent", "note"),
  ...text("MembershipChange", "note"),
  { table: "ExportFile", column: "bytes", kind: "bytes" },
  ...text("Escalation", "note", "closingNote"),
  ...text("PeerTalk", "notes"),
  ...text("Suggestion", "body", "replyTo", "answer"),
  ...text("OrgPairingActivity", "content"),
];

const name = (c: SealedColumn) => `${c.table}.${c.column}`;

/** The condition "not sealed with the current key" on the column, in SQL ($1: the key's prefix, or header for bytes). */
function staleWhere(c: SealedColumn): string {
  const col = `"${c.column}"`;
  switch (c.kind) {
    case "text":
      return `${col} IS NOT NULL AND left(${col}, length($1)) <> $1`;
    case "json":
      return `${col} IS NOT NULL AND jsonb_typeof(${col}) <> 'null' AND (jsonb_typeof(${col}) <> 'string' OR left(${col} #>> '{}', length($1)) <> $1)`;
    case "bytes":
      return `${col} IS NOT NULL AND substring(${col} from 1 for length($1::bytea)) <> $1::bytea`;
  }
}

/** The values of the column not yet sealed with the current key. */
export async function countStale(tx: Tx, c: SealedColumn): Promise<number> {
  const keys = sealer(tx);
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${c.table}" WHERE ${staleWhere(c)}`, ...params(c, keys.currentId));
  return row?.n ?? 0;
}

function params(c: SealedColumn, keyId: string): unknown[] {
  if (c.kind !== "bytes") return [`enc1:${keyId}:`];
  const id = Buffer.from(keyId, "latin1");
  return [Buffer.concat([Buffer.from("ENC1", "latin1"), Buffer.from([id.length]), id])];
}

/**
 * Re-seals up to `limit` values of the column under the current key, in the caller's
 * transaction; returns how many it re-sealed (0: the column is done). Rows another rotation
 * holds are skipped, so two runs at once share the work instead of waiting.
 */
export async function resealBatch(tx: Tx, c: SealedColumn, limit: number): Promise<number> {
  const keys = sealer(tx);
  const rows = await tx.$queryRawUnsafe<{ id: number; v: string | Uint8Array | null }[]>(
    `SELECT "id", ${c.kind === "json" ? `"${c.column}"::text` : `"${c.column}"`} AS v FROM "${c.table}" WHERE ${staleWhere(c)} ORDER BY "id" LIMIT ${Math.max(1, Math.floor(limit))} FOR UPDATE SKIP LOCKED`,
    ...params(c, keys.currentId),
  );
  const col = name(c);
  if (c.kind === "bytes") {
    // Few and large (pictures, PDFs): one statement each.
    for (const r of rows) {
      const sealed = keys.sealBytes(col, keys.openBytes(col, r.v as Uint8Array));
      await tx.$executeRawUnsafe(`UPDATE "${c.table}" SET "${c.column}" = $1 WHERE "id" = $2`, Buffer.from(sealed), r.id);
    }
    return rows.length;
  }
  const values = rows.map((r) => {
    if (c.kind === "text") return keys.seal(col, keys.open(col, r.v as string));
    const value = JSON.parse(r.v as string) as unknown;
    // A JSON string under enc1 is sealed JSON text; anything else is the value written before sealing.
    return keys.seal(col, typeof value === "string" && sealedKeyId(value) !== undefined ? keys.open(col, value) : JSON.stringify(value));
  });
  const set = c.kind === "json" ? "to_jsonb(u.v)" : "u.v";
  await tx.$executeRawUnsafe(
    `UPDATE "${c.table}" t SET "${c.column}" = ${set} FROM unnest($1::int[], $2::text[]) AS u(id, v) WHERE t."id" = u.id`,
    rows.map((r) => r.id),
    values,
  );
  return rows.length;
}

export interface RotationProgress {
  column: string;
  done: number;
  total: number;
}

/**
 * Re-seals every sealed column under the current key, `batch` rows per transaction, calling
 * `progress` after each batch; returns how many values were re-sealed. Resumable: see above.
 */
export async function rotateAll(db: Database, batch: number, progress: (p: RotationProgress) => void = () => undefined): Promise<number> {
  let all = 0;
  for (const c of SEALED_COLUMNS) {
    const total = await countStale(db.prisma, c);
    let done = 0;
    while (done < total) {
      const n = await db.prisma.$transaction((tx) => resealBatch(tx, c, batch), { timeout: 60_000 });
      if (n === 0) break;
      done += n;
      progress({ column: name(c), done, total });
    }
    all += done;
  }
  return all;
}
