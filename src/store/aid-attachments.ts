// Pictures and files members send for their aid requests (AidAttachment): recorded PENDING by the
// handler that read the message, settled (KEPT with the bytes, or REFUSED with the reason) once by
// the attachment worker, and read back for the approval card, 我的 and a decider's PDF. Settling
// writes the inbox row that has the router tell the member and redraw the cards, in the same
// transaction: the outcome and the word of it commit together.
import type { AttachmentKind, AttachmentStatus } from "../generated/prisma/enums.ts";
import type { SqlExecutor } from "./db.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

/** The open request a member's picture belongs to, with what the answer needs. */
export interface OpenRequestRef {
  id: number;
  number: string;
  orgId: number;
  personId: number;
  status: "PENDING" | "NEEDS_INFO";
}

/** The request a picture from `personId` goes to: their own or one they filed for someone; one asked for more information first, else the newest. */
export async function openRequestForAttachment(tx: Tx, personId: number): Promise<OpenRequestRef | null> {
  const rows = await tx.$queryRaw<OpenRequestRef[]>`
    SELECT r."id", r."number", r."orgId", r."personId", r."status"::text AS "status"
    FROM "AidRequest" r
    WHERE r."status" IN ('PENDING', 'NEEDS_INFO') AND (r."personId" = ${personId} OR (r."onBehalf" AND r."filedById" = ${personId}))
    ORDER BY (r."status" = 'NEEDS_INFO') DESC, r."createdAt" DESC, r."id" DESC
    LIMIT 1`;
  return rows[0] ?? null;
}

export interface NewAttachment {
  fileKey: string;
  kind: AttachmentKind;
  fileName: string | null;
}

/** Records what a message carried; returns the ids of rows it created (none when the message was recorded before). */
export async function recordAttachments(tx: Tx, a: { requestId: number; personId: number; messageId: string; items: NewAttachment[]; at: Date }): Promise<number[]> {
  if (a.items.length === 0) return [];
  // A file's name can say what it is about (住院发票.pdf): sealed like its bytes.
  const keys = sealer(tx);
  const items = a.items.map((i) => ({ ...i, fileName: keys.seal("AidAttachment.fileName", i.fileName) }));
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "AidAttachment" ("requestId", "personId", "messageId", "fileKey", "kind", "fileName", "createdAt")
    SELECT ${a.requestId}, ${a.personId}, ${a.messageId}, x."fileKey", x."kind"::"AttachmentKind", x."fileName", ${a.at}
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x("fileKey" text, "kind" text, "fileName" text)
    ON CONFLICT ("messageId", "fileKey") DO NOTHING
    RETURNING "id"`;
  return rows.map((r) => r.id).sort((x, y) => x - y);
}

/** What the worker needs to fetch one attachment: null unless it is still PENDING. */
export interface PendingAttachment {
  id: number;
  messageId: string;
  fileKey: string;
  kind: AttachmentKind;
  fileName: string | null;
  createdAt: Date;
}

export async function pendingAttachment(tx: Tx, id: number): Promise<PendingAttachment | null> {
  const a = await tx.aidAttachment.findFirst({ where: { id, status: "PENDING" }, select: { id: true, messageId: true, fileKey: true, kind: true, fileName: true, createdAt: true } });
  return a && { ...a, fileName: sealer(tx).open("AidAttachment.fileName", a.fileName) };
}

export type Settlement =
  | { status: "KEPT"; kind: AttachmentKind; mimeType: string; bytes: Uint8Array; cardImageKey: string | null }
  | { status: "REFUSED"; refusal: { zh: string; en: string }; sizeBytes: number | null };

/** The inbox key of the word that an attachment was checked (src/lark/events.ts, attachment_checked). */
export const checkedEventKey = (id: number) => `att:${id}`;

/**
 * Keeps or refuses a PENDING attachment and writes the inbox row the router answers; false when it
 * was settled before (a second worker, a retried job): nothing is written twice.
 */
export async function settleAttachment(tx: Tx, id: number, s: Settlement, at: Date): Promise<boolean> {
  const data =
    s.status === "KEPT"
      ? { status: "KEPT" as const, kind: s.kind, mimeType: s.mimeType, bytes: sealer(tx).sealBytes("AidAttachment.bytes", s.bytes), sizeBytes: s.bytes.length, cardImageKey: s.cardImageKey, keptAt: at }
      : { status: "REFUSED" as const, refusal: s.refusal.zh, sizeBytes: s.sizeBytes };
  const done = await tx.aidAttachment.updateMany({ where: { id, status: "PENDING" }, data });
  if (done.count === 0) return false;
  const row = await tx.aidAttachment.findUniqueOrThrow({ where: { id }, select: { personId: true } });
  const person = await tx.person.findUnique({ where: { id: row.personId }, select: { larkOpenId: true } });
  const key = checkedEventKey(id);
  const payload = { kind: "attachment_checked", key, eventId: `att-${id}`, openId: person?.larkOpenId ?? "", attachmentId: id, ...(s.status === "REFUSED" ? { refusal: s.refusal } : {}) };
  await tx.inboundEvent.createMany({ data: [{ key, eventType: "tongxin.attachment.checked", payload }], skipDuplicates: true });
  return true;
}

/** An attachment as the answer to the member and the approval card speak of it. */
export interface AttachmentRow {
  id: number;
  requestId: number;
  personId: number;
  messageId: string;
  kind: AttachmentKind;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  cardImageKey: string | null;
  status: AttachmentStatus;
  refusal: string | null;
  createdAt: Date;
}

const rowSelect = {
  id: true,
  requestId: true,
  personId: true,
  messageId: true,
  kind: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  cardImageKey: true,
  status: true,
  refusal: true,
  createdAt: true,
} as const satisfies Record<keyof AttachmentRow, true>;

export async function findAttachment(tx: Tx, id: number): Promise<AttachmentRow | null> {
  const a = await tx.aidAttachment.findUnique({ where: { id }, select: rowSelect });
  return a && { ...a, fileName: sealer(tx).open("AidAttachment.fileName", a.fileName) };
}

/** The bytes of a kept attachment (a decider's PDF), or null. */
export async function keptBytes(tx: Tx, id: number): Promise<{ bytes: Uint8Array; fileName: string | null; mimeType: string | null; requestId: number } | null> {
  const r = await tx.aidAttachment.findFirst({ where: { id, status: "KEPT" }, select: { bytes: true, fileName: true, mimeType: true, requestId: true } });
  if (!r?.bytes) return null;
  const keys = sealer(tx);
  return { bytes: keys.openBytes("AidAttachment.bytes", r.bytes), fileName: keys.open("AidAttachment.fileName", r.fileName), mimeType: r.mimeType, requestId: r.requestId };
}

/** Kept pictures and PDFs per request (我的 lists them per request). */
export async function keptCounts(tx: Tx, requestIds: readonly number[]): Promise<Map<number, { images: number; files: number }>> {
  const out = new Map<number, { images: number; files: number }>();
  if (requestIds.length === 0) return out;
  const rows = await tx.aidAttachment.groupBy({ by: ["requestId", "kind"], where: { requestId: { in: [...requestIds] }, status: "KEPT" }, _count: { _all: true } });
  for (const r of rows) {
    const c = out.get(r.requestId) ?? { images: 0, files: 0 };
    if (r.kind === "IMAGE") c.images += r._count._all;
    else c.files += r._count._all;
    out.set(r.requestId, c);
  }
  return out;
}

/** The timeline line of a kept attachment on a request not waiting for an answer (ATTACHED). */
export async function recordAttachedEvent(tx: Tx, e: { requestId: number; byId: number; note: string; at: Date }): Promise<{ id: number; at: Date }> {
  return tx.aidRequestEvent.create({ data: { requestId: e.requestId, actorId: e.byId, type: "ATTACHED", note: sealer(tx).seal("AidRequestEvent.note", e.note), at: e.at }, select: { id: true, at: true } });
}

/**
 * Stages a file message (a kept PDF, uploaded by the worker) to a decider; returns the outbox
 * ids it created (none when the key was staged before).
 */
export async function stageFileMessage(tx: Tx, m: { key: string; openId: string; fileKey: string }): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "rateKey", "msgType", "content", "updatedAt")
    VALUES (${m.key}, 'SEND', 'open_id', ${m.openId}, ${m.openId}, 'file', ${JSON.stringify({ file_key: m.fileKey })}::jsonb, now())
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`;
  return rows.map((r) => r.id);
}

/**
 * Attachments still PENDING since before `olderThan`: the recovery sweep hands them to the worker
 * again (its job was lost with Redis, or the process stopped between commit and queue).
 */
export async function pendingAttachmentIds(sql: SqlExecutor, olderThan: Date, limit = 200): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(`SELECT "id" FROM "AidAttachment" WHERE "status" = 'PENDING' AND "createdAt" < $1 ORDER BY "id" LIMIT $2`, [olderThan, limit]);
  return rows.map((r) => r.id);
}
