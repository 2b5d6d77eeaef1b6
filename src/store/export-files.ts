// Files the bot makes for a person and sends them in chat (their own data, a ledger). A handler
// or task writes the row and stages an outbox message of msgType "file" naming it; the delivery
// worker uploads the bytes once, records Lark's file_key here (a retry after a crash sends the
// same key instead of uploading again), then sends the file message. The bytes are read and
// written only here, so how they are kept at rest is this module's business alone.
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

/** What kind of file a row holds; the hourly limit counts per kind. */
export type ExportKind = "personal-data" | "talk-notes" | "audit-lines" | "year-report" | ReportKind;

/** The reports a secretary asks for with 导出: 台账, the talk ledger without notes, visits, the fund. */
export type ReportKind = "ledger" | "talk-ledger" | "visit-report" | "fund-ledger";

export interface NewExportFile {
  personId: number;
  kind: ExportKind;
  fileName: string;
  bytes: Uint8Array;
  /** The handler's now (the clock's, so the hourly limit moves with it in tests and the sandbox). */
  at: Date;
  /** When the bytes may be dropped: they are in the chat by then. */
  expiresAt: Date | null;
}

export interface ExportFileToSend {
  id: number;
  fileName: string;
  bytes: Buffer;
  fileKey: string | null;
}

export async function createExportFile(tx: Tx, f: NewExportFile): Promise<{ id: number; createdAt: Date }> {
  return tx.exportFile.create({
    data: { personId: f.personId, kind: f.kind, fileName: f.fileName, bytes: sealer(tx).sealBytes("ExportFile.bytes", f.bytes), createdAt: f.at, expiresAt: f.expiresAt },
    select: { id: true, createdAt: true },
  });
}

/** The file as the delivery worker uploads it; null when it is gone. */
export async function exportFileToSend(tx: Tx, id: number): Promise<ExportFileToSend | null> {
  const row = await tx.exportFile.findUnique({ where: { id }, select: { id: true, fileName: true, bytes: true, fileKey: true } });
  return row ? { id: row.id, fileName: row.fileName, bytes: Buffer.from(sealer(tx).openBytes("ExportFile.bytes", row.bytes)), fileKey: row.fileKey } : null;
}

/**
 * Records Lark's key for the uploaded bytes. Only a row without one takes it, so two deliveries
 * racing each other agree on the first key; returns the key the row holds.
 */
export async function recordFileKey(tx: Tx, id: number, fileKey: string): Promise<string> {
  await tx.exportFile.updateMany({ where: { id, fileKey: null }, data: { fileKey } });
  const row = await tx.exportFile.findUnique({ where: { id }, select: { fileKey: true } });
  return row?.fileKey ?? fileKey;
}

/** When the person last received a file of this kind (the hourly limit), or null. */
export async function lastExportAt(tx: Tx, personId: number, kind: ExportKind): Promise<Date | null> {
  const row = await tx.exportFile.findFirst({ where: { personId, kind }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

/**
 * Deletes files past their expiry (a batch at a time): the file is in the person's chat, and a
 * copy of sensitive records kept here serves no one. The audit keeps that it was made and sent.
 */
export async function dropExpiredExportFiles(tx: Tx, now: Date, limit = 500): Promise<number> {
  const ids = await tx.exportFile.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, orderBy: { id: "asc" }, take: limit });
  if (ids.length === 0) return 0;
  const { count } = await tx.exportFile.deleteMany({ where: { id: { in: ids.map((r) => r.id) } } });
  return count;
}
