// The attachment worker: the Lark calls that members' pictures and files need, kept out of the
// handlers. A fetch downloads a PENDING attachment through its message, checks it (a picture or a
// PDF within the stated size, by its bytes), uploads a kept picture so cards can show it, and
// settles the row together with the inbox row that has the router tell the member and redraw
// the approval cards. A settled row is never fetched again, so a retried or doubled job, or one
// the recovery sweep queued again, keeps one row. A send-file uploads a kept PDF and stages the
// file message to the decider who asked for it.
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import { checkAttachment, refusalText, attachmentLabel } from "../domain/attachment-check.ts";
import { ResourceFailureError, type LarkResources } from "../lark/resources.ts";
import type { Logger } from "../log.ts";
import type { Database } from "../store/db.ts";
import { checkedEventKey, type PendingAttachment, type Settlement } from "../store/aid-attachments.ts";
import { viaSql } from "../store/rows.ts";
import { inTransaction, storesFor } from "../store/stores.ts";
import type { Enqueuer } from "./enqueue.ts";
import { attachmentJob, QUEUE } from "./queues.ts";

/** Lark serves a message's resources for a while; a file still unreadable after a day is given up on, and the member told. */
const GIVE_UP_AFTER_MS = 24 * 3600_000;
/** Lark's own limit for an image a card can show (POST /im/v1/images). */
const CARD_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export interface AttachmentWorkerDeps {
  connection: Redis;
  prefix: string;
  db: Database;
  resources: LarkResources;
  enqueue: Enqueuer;
  config: Config;
  clock: Clock;
  log: Logger;
}

export function startAttachmentWorker(deps: AttachmentWorkerDeps, opts: { concurrency?: number } = {}): Worker {
  const { resources, config, clock, enqueue } = deps;
  const store = storesFor(deps.db.prisma, viaSql(deps.db.sql));
  const log = deps.log.child({ mod: "attachments" });

  async function settle(id: number, s: Settlement): Promise<void> {
    const settled = await inTransaction(deps.db.prisma, (tx) => tx.aidAttachments.settleAttachment(id, s, clock.now()));
    if (settled) await enqueue.inbound([checkedEventKey(id)]);
  }

  async function fetch(att: PendingAttachment): Promise<void> {
    const sentAs = att.kind === "IMAGE" ? "image" : "file";
    let got;
    try {
      got = await resources.download({ messageId: att.messageId, key: att.fileKey, type: sentAs, maxBytes: config.attachmentMaxBytes });
    } catch (err) {
      const old = clock.now().getTime() - att.createdAt.getTime() > GIVE_UP_AFTER_MS;
      if (!(err instanceof ResourceFailureError) || (!err.permanent && !old)) throw err;
      log.warn({ attachment: att.id, lark: err.failure }, "a member's file cannot be fetched from Lark; telling them");
      return settle(att.id, { status: "REFUSED", refusal: refusalText(config.attachmentMaxBytes, attachmentLabel(att.fileName, sentAs), "unreadable"), sizeBytes: null });
    }
    const bytes = "bytes" in got ? got.bytes : null;
    const verdict = checkAttachment({ bytes, tooLarge: "tooLarge" in got, fileName: att.fileName, sentAs, maxBytes: config.attachmentMaxBytes });
    if (!verdict.ok || !bytes) {
      return settle(att.id, { status: "REFUSED", refusal: verdict.ok ? refusalText(config.attachmentMaxBytes, attachmentLabel(att.fileName, sentAs), "size") : verdict.reason, sizeBytes: bytes?.length ?? null });
    }
    // The card shows the picture from a copy the app uploaded: Lark lets a card show no other.
    const cardImageKey = verdict.kind === "IMAGE" && bytes.length <= CARD_IMAGE_MAX_BYTES ? await resources.uploadImage(bytes) : null;
    return settle(att.id, { status: "KEPT", kind: verdict.kind, mimeType: verdict.mimeType, bytes, cardImageKey });
  }

  async function sendFile(s: { attachmentId: number; openId: string; key: string }): Promise<void> {
    const kept = await store.aidAttachments.keptBytes(s.attachmentId);
    if (!kept) return;
    const fileName = kept.fileName ?? `附件-${s.attachmentId}.pdf`;
    const fileKey = await resources.uploadFile({ bytes: Buffer.from(kept.bytes), fileName, fileType: kept.mimeType === "application/pdf" ? "pdf" : "stream" });
    const ids = await store.aidAttachments.stageFileMessage({ key: s.key, openId: s.openId, fileKey });
    await enqueue.delivery(ids);
  }

  async function process(job: Job): Promise<void> {
    const work = attachmentJob.parse(job.data);
    if ("sendFile" in work) return sendFile(work.sendFile);
    const att = await store.aidAttachments.pendingAttachment(work.fetch);
    if (att) await fetch(att);
  }

  const worker = new Worker(QUEUE.attachments, process, { connection: deps.connection, prefix: deps.prefix, concurrency: opts.concurrency ?? 2 });
  worker.on("failed", (job, err) => log.warn({ err: err.message, job: job?.data, attempt: job?.attemptsMade }, "attachment work failed; retried, and pending fetches are queued again by the recovery sweep"));
  worker.on("error", (err) => log.warn({ err: err.message }, "attachment worker error"));
  return worker;
}
