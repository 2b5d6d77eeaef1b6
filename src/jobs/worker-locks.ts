// How soon a job whose worker died (kill -9, a lost machine) runs again. BullMQ's defaults (a
// 30 s lock, checked every 30 s) left messages in flight waiting over a minute; with these, a dead
// worker's jobs are back in the queue within lockDuration + stalledInterval (about 15 s), taken
// by any live worker (or by the restarted one, whose first check runs at start). A job running
// again is safe: a SENT row is skipped, and a send repeats the row's uuid, which Lark
// de-duplicates. The lock is renewed every half lockDuration from a timer, so only an event
// loop blocked for over 5 s could make a live job look stalled, and then it too would just run
// again under the same uuid; maxStalledCount leaves room for that before BullMQ gives up on it.
import type { WorkerOptions } from "bullmq";

export const STALL_RECOVERY: Pick<WorkerOptions, "lockDuration" | "stalledInterval" | "maxStalledCount"> = {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
};
