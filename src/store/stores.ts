// The one door to the database for handlers, jobs, the roster, exports and the sandbox: every
// statement lives in a module of src/store/, and callers reach it through this object, bound to
// the executor they run on (a handler's transaction; a job's client and pool). A handler's
// database needs are then all visible as `ctx.store.<aggregate>.<what it does>(…)`.
//
// Which executor a statement uses (docs/conventions.md, "Statements"):
// - Prisma's model API for reads and writes of a few rows by key: typed, and cheap enough.
// - `$queryRaw` on the transaction for a set-based statement or a hot path inside a handler's
//   transaction (the click path), where Prisma's model writes cost measurable CPU.
// - Functions over `Rows` (rows.ts) for set-based reads that both a handler (its transaction)
//   and a sweep (the pool, no transaction) run.
// - The pool (`SqlExecutor`) directly only outside handlers' transactions: migrations, the
//   inbox's batched acknowledgement, the recovery sweep, and bulk staging by jobs over many
//   thousands of rows.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { bound } from "./bind.ts";
import type { Database } from "./db.ts";
import { viaSql, viaTx, type Rows } from "./rows.ts";
import { attachKeyring, hasKeyring, sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";
import * as actors from "./actors.ts";
import * as aidAttachments from "./aid-attachments.ts";
import * as aidFund from "./aid-fund.ts";
import * as aidHardship from "./aid-hardship.ts";
import * as aidPeople from "./aid-people.ts";
import * as aidRequests from "./aid-requests.ts";
import * as audit from "./audit.ts";
import * as auditReading from "./audit-reading.ts";
import * as auditChain from "./audit-chain.ts";
import * as branchAnalysis from "./branch-analysis.ts";
import * as branchRules from "./branch-rules.ts";
import * as calendar from "./calendar.ts";
import * as calendarEdits from "./calendar-edits.ts";
import * as commendations from "./commendations.ts";
import * as committeeFigures from "./committee-figures.ts";
import * as committeeOverdue from "./committee-overdue.ts";
import * as demoBranch from "./demo-branch.ts";
import * as employment from "./employment.ts";
import * as escalations from "./escalations.ts";
import * as exportFiles from "./export-files.ts";
import * as personalRecords from "./personal-records.ts";
import * as followUps from "./follow-ups.ts";
import * as hardshipReview from "./hardship-review.ts";
import * as inbox from "./inbox.ts";
import * as jobPostings from "./job-postings.ts";
import * as keyRotation from "./key-rotation.ts";
import * as membershipChanges from "./membership-changes.ts";
import * as orgContacts from "./org-contacts.ts";
import * as orgPairingFigures from "./org-pairing-figures.ts";
import * as orgPairings from "./org-pairings.ts";
import * as orgs from "./orgs.ts";
import * as outbox from "./outbox.ts";
import * as peerTalks from "./peer-talks.ts";
import * as people from "./people.ts";
import * as questions from "./questions.ts";
import * as requestNumbers from "./request-numbers.ts";
import * as responsibleLeader from "./responsible-leader.ts";
import * as retention from "./retention.ts";
import * as roster from "./roster.ts";
import * as suggestions from "./suggestions.ts";
import * as rosterHistory from "./roster-history.ts";
import * as rosterReview from "./roster-review.ts";
import * as talkBoard from "./talk-board.ts";
import * as talkDue from "./talk-due.ts";
import * as talkLedger from "./talk-ledger.ts";
import * as talkTasks from "./talk-tasks.ts";
import * as talks from "./talks.ts";
import * as training from "./training.ts";
import * as trainingRecords from "./training-records.ts";
import * as visitContacts from "./visit-contacts.ts";
import * as visitCoverage from "./visit-coverage.ts";
import * as visitMobile from "./visit-mobile.ts";
import * as visitOverdue from "./visit-overdue.ts";
import * as visitPairing from "./visit-pairing.ts";
import * as visitPeople from "./visit-people.ts";
import * as visitPlanner from "./visit-planner.ts";
import * as visitTasks from "./visit-tasks.ts";
import * as workReport from "./work-report.ts";
import * as yearReport from "./year-report.ts";

/**
 * The store bound to `tx`. Set-based reads run on `rows`: the same transaction by default; a job
 * passes the pool's reader (viaSql) so a sweep over a whole committee does not go through Prisma.
 */
export function storesFor(tx: Tx, rows: Rows = viaTx(tx)) {
  // Set-based reads that open sealed columns find the keyring on their row reader too (sealing.ts).
  if (hasKeyring(tx) && !hasKeyring(rows)) attachKeyring(rows, sealer(tx));
  return {
    actors: bound(actors, tx),
    aidAttachments: bound(aidAttachments, tx),
    aidFund: bound(aidFund, tx),
    aidHardship: bound(aidHardship, tx),
    aidPeople: bound(aidPeople, tx),
    aidRequests: bound(aidRequests, tx),
    audit: bound(audit, tx),
    auditReading: bound(auditReading, tx),
    // The chains are walked on `rows` (the pool, for npm run audit:verify), a batch at a time.
    auditChain: bound(auditChain, rows),
    branchAnalysis: bound(branchAnalysis, rows),
    branchRules: bound(branchRules, rows),
    // Reads on `rows` (a task loads the calendar on the pool), edits on the transaction.
    calendar: { ...bound(calendar, rows), ...bound(calendarEdits, tx) },
    commendations: bound(commendations, tx),
    // Grouped counts over every branch below a committee: on `rows` (the pool for the weekly digest).
    committeeFigures: bound(committeeFigures, rows),
    committeeOverdue: bound(committeeOverdue, rows),
    demoBranch: bound(demoBranch, tx),
    employment: bound(employment, tx),
    escalations: bound(escalations, tx),
    exportFiles: bound(exportFiles, tx),
    personalRecords: bound(personalRecords, tx),
    followUps: bound(followUps, tx),
    hardshipReview: { ...bound(hardshipReview, tx), findDueReviews: (q: Parameters<typeof hardshipReview.findDueReviews>[1]) => hardshipReview.findDueReviews(rows, q) },
    inbox: bound(inbox, tx),
    jobPostings: bound(jobPostings, tx),
    keyRotation: bound(keyRotation, tx),
    membershipChanges: bound(membershipChanges, tx),
    orgContacts: bound(orgContacts, rows),
    // 组织结对: rows by key on the transaction; the reports' figures and the reminder's sweep on `rows`.
    orgPairings: bound(orgPairings, tx),
    orgPairingFigures: bound(orgPairingFigures, rows),
    orgs: bound(orgs, tx),
    outbox: bound(outbox, tx),
    peerTalks: bound(peerTalks, tx),
    people: bound(people, tx),
    questions: bound(questions, tx),
    requestNumbers: bound(requestNumbers, tx),
    responsibleLeader: bound(responsibleLeader, tx),
    // On `rows`: the prune runs on the pool in batches, an erasure in its task's transaction.
    retention: bound(retention, rows),
    roster: bound(roster, tx),
    rosterHistory: bound(rosterHistory, tx),
    rosterReview: bound(rosterReview, tx),
    suggestions: bound(suggestions, tx),
    talkBoard: bound(talkBoard, rows),
    talkDue: bound(talkDue, rows),
    talkLedger: bound(talkLedger, rows),
    talkTasks: bound(talkTasks, tx),
    talks: bound(talks, tx),
    training: bound(training, tx),
    trainingRecords: bound(trainingRecords, tx),
    visitContacts: bound(visitContacts, tx),
    visitCoverage: bound(visitCoverage, tx),
    visitMobile: bound(visitMobile, tx),
    visitOverdue: bound(visitOverdue, tx),
    visitPairing: bound(visitPairing, tx),
    visitPeople: bound(visitPeople, tx),
    visitPlanner: bound(visitPlanner, rows),
    visitTasks: bound(visitTasks, tx),
    workReport: bound(workReport, rows),
    // The year-end report reads every branch below an organisation at once, on `rows` (a job passes the pool).
    yearReport: bound(yearReport, rows),
  };
}

export type Stores = ReturnType<typeof storesFor>;

/**
 * The store for work outside a handler's transaction (exports, scripts, the sandbox): each
 * statement on the client, set-based reads on the pool, as a job's `deps.store`.
 */
export function storesOn(db: Database): Stores {
  return storesFor(db.prisma, viaSql(db.sql));
}

/**
 * Runs `run` in one transaction with the store bound to it: for a job whose writes must land
 * together or not at all (a card staged and the history line saying it was sent). Handlers
 * never need it: the router already runs them in a transaction.
 */
export function inTransaction<T>(client: PrismaClient, run: (store: Stores) => Promise<T>, opts?: { timeout?: number; maxWait?: number }): Promise<T> {
  // A sweep over a whole committee can outlast Prisma's 5 s default: such jobs pass a longer timeout.
  return client.$transaction((tx) => run(storesFor(tx)), opts);
}
