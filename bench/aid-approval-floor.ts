// The floor under the approval click: the click's own statements, run by the same store functions
// the router and the aid-approve handler call (claimClick, requestSnapshot, approve, and
// stageWritesAfter with the fund's withdrawal), in one transaction on a plain `pg` connection
// (src/store/plain-tx.ts, as the click itself now runs): no HTTP, no Prisma, no card drawing,
// no queue. Twenty at once on one branch's fund they queue on the same rows as the real clicks
// (the organisation's audit chain head and the fund's balance row), so their p99 is what the
// database alone costs; the real click's p99 is read as a multiple of it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { keyringFrom } from "../src/lib/sealing.ts";
import { withdrawal } from "../src/store/aid-fund.ts";
import { approve } from "../src/store/aid-request-decisions.ts";
import { requestSnapshot } from "../src/store/aid-request-snapshots.ts";
import { claimClick } from "../src/store/inbox.ts";
import { stageWritesAfter, type NewOutgoing } from "../src/store/outbox.ts";
import { inPlainTransaction } from "../src/store/plain-tx.ts";
import { attachKeyring } from "../src/store/sealing.ts";

/** What the floor's clicks stage, as the real click stages it: the cards as drawn by the bot. */
export interface FloorCards {
  /** The approval card patched into the other decider's copy. */
  approval: object;
  /** The member's receipt, patched in place. */
  receipt: object;
  /** The result card sent to the member. */
  result: object;
}

export interface FloorClick {
  requestId: number;
  orgId: number;
  secretary: { id: number; openId: string };
  /** The secretary's copy of the approval card, the one clicked. */
  messageId: string;
}

let n = 0;
const keyrings = new Map<string, object>();
/** What carries the data key to the transaction, as the bot's database executor does. */
function keyring(dataKeys: string): object {
  let carrier = keyrings.get(dataKeys);
  if (!carrier) keyrings.set(dataKeys, (carrier = attachKeyring({}, keyringFrom(dataKeys, undefined))));
  return carrier;
}

/** One approval, the click's statements in the click's order; returns its ms. */
async function floorClick(pool: pg.Pool, dataKeys: string, cards: FloorCards, c: FloorClick, year: { yearStart: Date; yearEnd: Date }): Promise<{ ms: number; staged: number[] }> {
  const t0 = performance.now();
  const key = `floor-${randomBytes(6).toString("hex")}-${++n}`;
  const staged = await inPlainTransaction(pool, keyring(dataKeys), async (tx) => {
    const at = new Date();
    const payload = { kind: "card_action", key, openId: c.secretary.openId, messageId: c.messageId, value: { a: "aid-approve", r: c.requestId }, formValue: { amount: "100", source: "PARTY_FEE", note: "" } };
    const { fresh, actor } = await claimClick(tx, { key, openId: c.secretary.openId, payload, at });
    if (!fresh || !actor) throw new Error("floor: the click was not claimed");
    const snap = await requestSnapshot(tx, c.requestId, { yearStart: year.yearStart, yearEnd: year.yearEnd, copyPrefix: `aid-approval-${c.requestId}-` });
    if (!snap) throw new Error("floor: no such request");
    const done = await approve(tx, { requestId: c.requestId, amountFen: 10_000, source: "PARTY_FEE", note: null, byId: actor.personId, at });
    if (!done) throw new Error("floor: the request was decided already");
    const messages: NewOutgoing[] = [];
    for (const copy of snap.copies) {
      if (copy.status === "SENT" && copy.larkMessageId && copy.larkMessageId !== c.messageId) messages.push({ kind: "PATCH", messageId: copy.larkMessageId, card: cards.approval, key: `aid-sync-${copy.id}-${key}` });
    }
    if (snap.req.formMessageId) messages.push({ kind: "PATCH", messageId: snap.req.formMessageId, card: cards.receipt, key: `aid-receipt-${c.requestId}-${key}` });
    if (snap.member.openId) messages.push({ kind: "SEND", to: { openId: snap.member.openId }, card: cards.result, key: `aid-result-${c.requestId}-${snap.member.id}` });
    const audit = {
      action: "aid.request.approve",
      subjectType: "AidRequest",
      subjectId: c.requestId,
      orgId: c.orgId,
      subjectPersonId: snap.req.personId,
      changes: { status: [snap.req.status, "APPROVED"], approvedFen: 10_000, fundSource: "PARTY_FEE", written: [], fundEntryId: done.entryId },
      actorId: actor.personId,
      actorOpenId: actor.openId,
      eventKey: key,
    };
    // The fund's balance first, in the statement that writes the messages and the audit line and
    // commits with them (ctx.lastWrite, as the router runs it).
    const { ids, changed } = await stageWritesAfter(tx, withdrawal(tx, c.orgId, "PARTY_FEE", 10_000), { audits: [audit], messages }, { commit: true });
    if (changed !== 1) throw new Error("floor: the fund could not pay");
    return ids;
  });
  return { ms: performance.now() - t0, staged };
}

/** The click's statements for every request at once; the ms of each, and the outbox rows staged. */
export async function floorRound(pool: pg.Pool, dataKeys: string, cards: FloorCards, clicks: FloorClick[], year: { yearStart: Date; yearEnd: Date }): Promise<{ ms: number[]; staged: number[] }> {
  const out = await Promise.all(clicks.map((c) => floorClick(pool, dataKeys, cards, c, year)));
  return { ms: out.map((o) => o.ms), staged: out.flatMap((o) => o.staged) };
}
