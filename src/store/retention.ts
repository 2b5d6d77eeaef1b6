// Keeping only what is needed (docs/privacy.md): the statements that strip processed events and
// delivered messages down to their keys, and that erase the sensitive records of members who left
// once the retention period is over.
//
// Every function runs on `Rows`: the prune on the pool in batches (a million rows are never one
// statement, and no transaction holds them), the erasure of one person inside a task's
// transaction, so their records, their erasedAt and the audit line commit together.
//
// Timestamps are passed as timestamptz and read in UTC, as the columns are (branch-analysis.ts);
// a batch's cursor comes back as text so it is passed on exactly, whatever the process's zone.
import type { Rows } from "./rows.ts";

/** What an erased free text reads: a required column cannot be null, and a reader shows this. */
export const ERASED_TEXT = "（已按保存期限删除）";

/** A batch's progress: rows stripped, and where the next batch starts (null: nothing more). */
export interface PruneBatch {
  pruned: number;
  next: string | null;
}

const utc = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

/** The states a processed event or a delivered message ends in, scanned one at a time. */
export type InboundDone = "DONE" | "FAILED";
export type OutboxDone = "SENT" | "FAILED";

/**
 * The two tables whose bodies are stripped, named by what differs: the row's key, the body
 * column and what it becomes, the time it came and the time it was done with. What stays is what
 * later work reads. An inbox row keeps its key (it dedupes Lark's redeliveries), eventType,
 * status and times; the router reads only PENDING payloads. An outbox row keeps its idempotency
 * key (a re-run digest or quarterly report finds it and sends nothing), kind, receiver and
 * target, status, larkMessageId (later patches and card copies find the card by it) and lang (a
 * patch is drawn in the language the card went out in); a PENDING row is still to be sent.
 */
const PRUNABLE = {
  inbound: { table: `"InboundEvent"`, key: `"key"`, body: `"payload"`, statusType: `"InboundStatus"`, came: `"receivedAt"`, done: `coalesce("processedAt", "receivedAt")` },
  outbox: { table: `"OutboxMessage"`, key: `"id"`, body: `"content"`, statusType: `"OutboxStatus"`, came: `"createdAt"`, done: `coalesce("sentAt", "updatedAt")` },
} as const;

export type Prunable = keyof typeof PRUNABLE;

/**
 * Strips up to `limit` rows in `status` (DONE or SENT, or FAILED for good) that came and were
 * done with before `before`, from `from` on in order of arrival (one state at a time, so the
 * index gives that order and the LIMIT stops the scan), to an empty body. Rows another run holds
 * are skipped (two schedulers may run at once) and taken next time. Read on the partial index of
 * rows not stripped yet (migration unpruned_rows_index): a scan from the beginning passes none of
 * the year's stripped rows, so no run needs to remember where the last one stopped.
 */
export async function pruneBatch(rows: Rows, what: Prunable, q: { status: InboundDone | OutboxDone; from: string; before: Date; at: Date; limit: number }): Promise<PruneBatch> {
  const t = PRUNABLE[what];
  const r = await rows<{ pruned: number; last: string | null }>(
    `WITH batch AS (
       SELECT ${t.key} FROM ${t.table}
        WHERE "status" = $5::${t.statusType} AND "prunedAt" IS NULL
          AND ${t.came} >= $1::timestamp AND ${t.came} < ${utc(2)}
          AND ${t.done} < ${utc(2)}
        ORDER BY ${t.came} LIMIT $4
          FOR UPDATE SKIP LOCKED
     ), done AS (
       UPDATE ${t.table} x SET ${t.body} = '{}'::jsonb, "prunedAt" = ${utc(3)}
         FROM batch WHERE x.${t.key} = batch.${t.key}
       RETURNING x.${t.came} AS "came"
     )
     SELECT count(*)::int AS "pruned", max("came")::text AS "last" FROM done`,
    [q.from, q.before, q.at, q.limit, q.status],
  );
  const pruned = r[0]?.pruned ?? 0;
  return { pruned, next: pruned < q.limit ? null : (r[0]?.last ?? null) };
}

// ───────────────────────────── Members who left ─────────────────────────────

/** A person whose records are due for erasure: when and from which organisation they last left. */
export interface DepartedPerson {
  personId: number;
  /** The day their last membership ended ("YYYY-MM-DD"). */
  leftOn: string;
  orgId: number;
}

/**
 * The condition that a person (alias p) left on or before `$n` (a day) and was not erased since:
 * every membership ENDED (a member who came back holds an ACTIVE one again, a suspended member
 * is still on the roll), the last one ended (endedOn, else its change's effective day) on or
 * before the day, and no erasure after that departure. A membership ended without a known day
 * keeps its person: when they left cannot be told, so neither can the end of the period.
 */
const departedSql = (dayParam: number) => `
  FROM "Person" p
  CROSS JOIN LATERAL (
    SELECT coalesce(m."endedOn", c."effectiveOn") AS "leftOn", m."orgId"
      FROM "Membership" m LEFT JOIN "MembershipChange" c ON c."id" = m."changeId"
     WHERE m."personId" = p."id" AND m."status" = 'ENDED'
     ORDER BY 1 DESC NULLS LAST, m."id" DESC LIMIT 1
  ) last
  WHERE NOT EXISTS (SELECT 1 FROM "Membership" a WHERE a."personId" = p."id" AND a."status" <> 'ENDED')
    AND last."leftOn" IS NOT NULL AND last."leftOn" <= $${dayParam}::date
    AND (p."erasedAt" IS NULL OR p."erasedAt" < last."leftOn")`;

/** People who left on or before `leftBy` and whose records are not erased yet, by id after `afterId`. */
export async function departedBefore(rows: Rows, q: { leftBy: string; afterId: number; limit: number }): Promise<DepartedPerson[]> {
  return rows<DepartedPerson>(
    `SELECT p."id" AS "personId", to_char(last."leftOn", 'YYYY-MM-DD') AS "leftOn", last."orgId" ${departedSql(1)}
       AND p."id" > $2 ORDER BY p."id" LIMIT $3`,
    [q.leftBy, q.afterId, q.limit],
  );
}

/** How many rows an erasure changed, by kind of record (the job's result; never the values). */
export interface Erased {
  talks: number;
  followUps: number;
  talkTasks: number;
  hardship: number;
  aidRequests: number;
  attachments: number;
  visits: number;
  contacts: number;
  questions: number;
}

/**
 * Erases one departed person's sensitive free text, in one statement: talk notes and concerns
 * (and their earlier versions), follow-ups, urgent-talk notes, the notes of talks with other
 * members on either side (互相谈心), the hardship archive's household
 * situation, resolution and history of changes, aid request descriptions, decision notes, their
 * timeline's notes and the ledger line's note, attachments' bytes and names, visit reasons and
 * notes, contact notes, and the texts of the questions they asked (and the answers). Amounts,
 * dates, categories, causes, levels and statuses stay, so ledgers and counts still add up.
 * Re-checks that the person is still departed (they may have come back since the list was
 * read): returns null, changing nothing, when not. Sets Person.erasedAt.
 */
export async function erasePerson(rows: Rows, q: { personId: number; leftBy: string; at: Date }): Promise<Erased | null> {
  const ok = await rows<{ id: number }>(`SELECT p."id" ${departedSql(2)} AND p."id" = $1 FOR UPDATE OF p`, [q.personId, q.leftBy]);
  if (ok.length === 0) return null;
  const r = await rows<Erased>(
    `WITH
       talk_ids AS (SELECT "id" FROM "Talk" WHERE "memberId" = $1),
       talks AS (UPDATE "Talk" SET "thinking" = NULL, "work" = NULL, "life" = NULL, "concerns" = NULL WHERE "memberId" = $1 RETURNING 1),
       revisions AS (UPDATE "TalkRevision" SET "before" = '{}'::jsonb WHERE "talkId" IN (SELECT "id" FROM talk_ids) RETURNING 1),
       follow_ups AS (UPDATE "FollowUp" SET "description" = $2 WHERE "talkId" IN (SELECT "id" FROM talk_ids) RETURNING 1),
       talk_tasks AS (UPDATE "TalkTask" SET "note" = NULL WHERE "memberId" = $1 RETURNING 1),
       peer_talks AS (UPDATE "PeerTalk" SET "notes" = NULL WHERE ("recordedById" = $1 OR "peerId" = $1) AND "notes" IS NOT NULL RETURNING 1),
       entry_ids AS (SELECT "id" FROM "HardshipEntry" WHERE "personId" = $1),
       hardship AS (UPDATE "HardshipEntry" SET "household" = $2, "resolvedReason" = NULL WHERE "personId" = $1 RETURNING 1),
       hardship_history AS (UPDATE "HardshipHistory" SET "changes" = NULL WHERE "entryId" IN (SELECT "id" FROM entry_ids) RETURNING 1),
       request_ids AS (SELECT "id" FROM "AidRequest" WHERE "personId" = $1),
       requests AS (UPDATE "AidRequest" SET "description" = $2, "decisionNote" = NULL WHERE "personId" = $1 RETURNING 1),
       request_events AS (UPDATE "AidRequestEvent" SET "note" = NULL WHERE "requestId" IN (SELECT "id" FROM request_ids) RETURNING 1),
       fund_notes AS (UPDATE "FundEntry" SET "note" = NULL WHERE "aidRequestId" IN (SELECT "id" FROM request_ids) AND "note" IS NOT NULL RETURNING 1),
       attachments AS (UPDATE "AidAttachment" SET "bytes" = NULL, "fileName" = NULL, "cardImageKey" = NULL WHERE "requestId" IN (SELECT "id" FROM request_ids) RETURNING 1),
       visits AS (UPDATE "VisitTask" SET "reason" = NULL, "notes" = NULL WHERE "memberId" = $1 RETURNING 1),
       contacts AS (UPDATE "ContactLog" SET "note" = NULL WHERE "memberId" = $1 RETURNING 1),
       questions AS (UPDATE "QuestionMessage" SET "body" = $2 WHERE "questionId" IN (SELECT "id" FROM "Question" WHERE "askerId" = $1) RETURNING 1),
       suggestions AS (UPDATE "Suggestion" SET "body" = $2, "answer" = CASE WHEN "answer" IS NULL THEN NULL ELSE $2 END WHERE "authorId" = $1 RETURNING 1),
       person AS (UPDATE "Person" SET "erasedAt" = ${utc(3)} WHERE "id" = $1 RETURNING 1)
     SELECT (SELECT count(*) FROM talks)::int AS "talks", (SELECT count(*) FROM follow_ups)::int AS "followUps",
            (SELECT count(*) FROM talk_tasks)::int AS "talkTasks", (SELECT count(*) FROM hardship)::int AS "hardship",
            (SELECT count(*) FROM requests)::int AS "aidRequests", (SELECT count(*) FROM attachments)::int AS "attachments",
            (SELECT count(*) FROM visits)::int AS "visits", (SELECT count(*) FROM contacts)::int AS "contacts",
            (SELECT count(*) FROM questions)::int AS "questions"`,
    [q.personId, ERASED_TEXT, q.at],
  );
  // A data-modifying WITH runs to completion whether or not the SELECT reads it (revisions,
  // hardship_history, request_events, fund_notes, peer_talks, suggestions, person are not counted, but are done).
  return r[0]!;
}

/**
 * The audit line of an erasure: who (the system: no actor), what ("person.erase"), whose records
 * (subjectPersonId) and in which organisation's chain; the counts of rows, never their values.
 */
export async function auditErasure(rows: Rows, e: { personId: number; orgId: number; leftOn: string; erased: Erased; at: Date }): Promise<void> {
  await rows(
    `INSERT INTO "AuditLog" ("at", "actorId", "action", "subjectType", "subjectId", "orgId", "subjectPersonId", "changes")
     VALUES (${utc(1)}, NULL, 'person.erase', 'Person', $2, $3, $4, $5::jsonb)`,
    [e.at, String(e.personId), e.orgId, e.personId, JSON.stringify({ leftOn: e.leftOn, ...e.erased })],
  );
}
