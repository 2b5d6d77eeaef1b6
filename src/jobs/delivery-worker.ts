// Delivers outbox rows to Lark. A row is sent at most once because (1) a SENT row is skipped
// and (2) the row's key travels as Lark's `uuid`, so a crash between Lark's answer and our
// write is de-duplicated by Lark on the retry. Quotas are checked before each call; a rate
// limit or a reset header delays the job without spending one of its attempts.
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { localise } from "../../cards/localise.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { failureFields } from "../lark/send-errors.ts";
import type { Lang } from "../domain/text.ts";
import { SEALED_OPEN_ID, type OutboxRow } from "../store/outbox.ts";
import { sealer } from "../store/sealing.ts";
import { openReplyAddress, type ReplyAddress } from "../store/suggestions.ts";
import { storesFor } from "../store/stores.ts";
import type { Tx } from "../store/tx.ts";
import { SendFailureError, type LarkSender, type Outgoing } from "../lark/sender.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";
import { deliveryJob, QUEUE } from "./queues.ts";
import { FATE_UNKNOWN, fateUnknown } from "./fate.ts";
import { STALL_RECOVERY } from "./worker-locks.ts";
import { accepted, admit, refused } from "./delivery-pacing.ts";
import { SlidingWindowLimiter } from "./rate-limit.ts";

export interface DeliveryDeps {
  connection: Redis;
  prefix: string;
  prisma: PrismaClient;
  /**
   * The outbox's statements without Prisma (db.plainStatements), when the database has them:
   * a delivery is six of them, and Prisma's machinery was most of the worker's CPU per message.
   */
  plainStatements?: Tx | undefined;
  sender: LarkSender;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Counts quota waits, retries and failures (Lark's answer codes are counted by the sender). */
  metrics?: Pick<Metrics, "quotaWait" | "sendRetry" | "sendFailure">;
  /** Queues rows the worker itself staged (a patch of a card redrawn while it was sent); else the recovery sweep finds them. */
  requeue?: (outboxIds: number[]) => Promise<void>;
  /** Called after every delivered message (the sandbox prints it). */
  onSent?: (row: { id: number; receiveId: string | null; larkMessageId: string | undefined }) => void;
}

/**
 * The row as Lark is sent it, drawn in one language: the language is decided here, at delivery,
 * and not when the row was staged, so a person who switched meanwhile reads the new one.
 */
function toOutgoing(row: OutboxRow, lang: Lang, sealedTo: ReplyAddress | null): Outgoing {
  const content = localise(row.content, row.kind === "PATCH" ? "interactive" : row.msgType, lang);
  if (row.kind === "SEND")
    return {
      kind: "SEND",
      receiveIdType: row.receiveIdType === "chat_id" ? "chat_id" : "open_id",
      receiveId: sealedTo ? sealedTo.openId : (row.receiveId ?? ""),
      msgType: row.msgType,
      content,
      idempotencyKey: row.idempotencyKey,
    };
  if (row.kind === "REPLY") return { kind: "REPLY", targetMessageId: row.targetMessageId ?? "", msgType: row.msgType, content, idempotencyKey: row.idempotencyKey };
  return { kind: "PATCH", targetMessageId: row.targetMessageId ?? "", content, idempotencyKey: row.idempotencyKey };
}

/** The ExportFile a staged file message names (store/outbox.ts StagedFile); null for a file_key staged directly. */
function exportFileIdOf(content: unknown): number | null {
  const id = (content as { export_file_id?: unknown } | null)?.export_file_id;
  return typeof id === "number" ? id : null;
}

/** A failure to a sealed recipient, without Lark's message (it may quote the receive_id). */
function withheld<F extends { kind: string; detail: string; msg?: string }>(f: F): F {
  const { msg: _msg, ...rest } = f;
  return { ...rest, detail: `${f.kind} (sealed recipient: details withheld)` } as F;
}

export function startDeliveryWorker(deps: DeliveryDeps, opts: { concurrency?: number } = {}): Worker {
  const { sender, config, log } = deps;
  const { exportFiles } = storesFor(deps.prisma);
  const { outbox } = storesFor(deps.plainStatements ?? deps.prisma);
  const limiter = new SlidingWindowLimiter(deps.connection, deps.prefix);

  async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  /**
   * A file message names its ExportFile until it is sent. The bytes go up once: the key is
   * recorded before the send, so a retry after a crash (or a failed send) sends that key again
   * without a second upload.
   */
  async function fileKeyOf(exportFileId: number): Promise<string> {
    const file = await exportFiles.exportFileToSend(exportFileId);
    if (!file) throw new SendFailureError({ kind: "permanent", detail: `export file ${exportFileId} is gone` });
    if (file.fileKey) return file.fileKey;
    return exportFiles.recordFileKey(file.id, await sender.uploadFile({ bytes: file.bytes, fileName: file.fileName }));
  }

  async function process(job: Job, token?: string): Promise<void> {
    const { outboxId } = deliveryJob.parse(job.data);
    const row = await outbox.outboxRow(outboxId);
    if (!row || row.status !== "PENDING") return;
    // Tried before, never answered, and Lark's uuid window (nearly) over: failed and reported, not sent blindly.
    if (fateUnknown(row, deps.clock.now())) {
      if (await outbox.markFateUnknown(row.id, FATE_UNKNOWN)) {
        deps.metrics?.sendFailure("fate_unknown");
        log.error({ outboxId, key: row.idempotencyKey, firstAttemptAt: row.sentAt?.toISOString(), attempts: row.attempts }, "message fate unknown after Lark's dedupe window; marked FAILED, not re-sent");
      }
      return;
    }
    const sealed = row.kind === "SEND" && row.receiveIdType === SEALED_OPEN_ID;
    // Read before taking a place: a place counts until Lark's answer, so each round trip between
    // the two slows a burst to one person (5 a second at most) a little more.
    const openLang = sealed ? null : await outbox.deliveryLang(row);
    const hadTurn = (job.data as { turn?: unknown }).turn === true;
    const admitted = await admit(limiter, config, row.rateKey, { onWait: (window, ms) => deps.metrics?.quotaWait(window, ms), hadTurn });
    if (!("go" in admitted)) {
      if (admitted.turn !== hadTurn) await job.updateData({ ...job.data, turn: admitted.turn });
      return delay(job, token, admitted.delayMs);
    }
    const place = admitted.go;
    let reachedLark = false;

    // Recorded before the call: a crash during it leaves the attempt and its time in the row.
    const attemptAt = deps.clock.now();
    const attempt = await outbox.markAttempting(row.id, attemptAt);
    if (!attempt) return limiter.release(place.windows, place.member);
    row.content = attempt.content as OutboxRow["content"];

    // A sealed recipient (an anonymous suggestion's author) is opened here, used for this one
    // call and never logged; the row is blanked once Lark has the message.
    try {
      const sealedTo = sealed ? openReplyAddress(sealer(deps.prisma), row.receiveId ?? "") : null;
      const lang = sealedTo?.lang ?? openLang ?? "ZH";
      const out = toOutgoing(row, lang, sealedTo);
      const exportFileId = row.msgType === "file" ? exportFileIdOf(row.content) : null;
      if (exportFileId !== null) out.content = { file_key: await fileKeyOf(exportFileId) };
      reachedLark = true;
      const { messageId } = await sender.deliver(out);
      await accepted(limiter, place);
      if (sealed) await outbox.markSentSealed(row.id, deps.clock.now());
      else await outbox.markSent(row.id, { larkMessageId: messageId ?? null, at: deps.clock.now(), lang });
      if (!sealed && messageId && row.msgType === "interactive" && row.kind !== "PATCH") {
        const resync = await outbox.resyncSentCard(row, { content: row.content, larkMessageId: messageId, attempt: attempt.attempts });
        if (resync !== null) await deps.requeue?.([resync]);
      }
      deps.onSent?.({ id: row.id, receiveId: sealed ? null : row.receiveId, larkMessageId: sealed ? undefined : messageId });
    } catch (err) {
      const raw = err instanceof SendFailureError ? err.failure : { kind: "transient" as const, detail: String(err) };
      // A send Lark refused gives back its place in the bot's windows (it did not count there).
      await refused(limiter, place, row.rateKey, err instanceof SendFailureError ? err.failure : undefined, reachedLark);
      // Lark's words about a refused recipient may quote its id: for a sealed one they are not kept.
      const failure = sealed ? withheld(raw) : raw;
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const terminal = failure.kind === "permanent" || (failure.kind !== "rate_limited" && finalAttempt);
      // Refused by Lark before anything was created: this attempt spent no uuid (store/outbox.ts markAttemptFailed).
      const refusedUnsent = reachedLark && (failure.kind === "token" || failure.kind === "rate_limited");
      await outbox.markAttemptFailed(row.id, { error: failure.detail.slice(0, 500), terminal, ...(refusedUnsent ? { refusedAttemptAt: attemptAt } : {}) });
      // Under `lark`: Lark's own `msg` would collide with the log line's message key.
      const lark = { ...failureFields(failure), op: row.kind.toLowerCase() };
      if (failure.kind === "rate_limited") {
        deps.metrics?.sendRetry("rate_limited");
        log.warn({ outboxId, lark, retryAfterMs: failure.retryAfterMs }, "lark rate limit; delaying");
        return delay(job, token, failure.retryAfterMs);
      }
      if (terminal) {
        // Kept as FAILED in the outbox, never silently dropped: the row says why.
        deps.metrics?.sendFailure(failure.kind === "permanent" ? "permanent" : "attempts_exhausted");
        log.error({ outboxId, lark, detail: failure.detail }, "message could not be delivered");
        throw new UnrecoverableError(failure.detail);
      }
      deps.metrics?.sendRetry(failure.kind);
      log.warn({ outboxId, lark, detail: failure.detail, attempt: job.attemptsMade + 1 }, "send failed; will retry");
      throw err;
    }
  }

  const worker = new Worker(QUEUE.delivery, process, {
    ...STALL_RECOVERY,
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: opts.concurrency ?? 8,
  });
  // Without a listener BullMQ prints worker errors (lost locks after a Redis wipe) to the console;
  // they are expected then, and the outbox row is still the record of what to send.
  worker.on("error", (err) => log.warn({ err: err.message }, "delivery worker error"));
  return worker;
}
