// After a re-import is written: what the file no longer states (people missing from the
// organisations it covers, members it now lists in another branch, roles it no longer gives)
// becomes one RosterReview per organisation, and a card goes to that organisation's secretaries
// (or, with none on Lark, those above) through the outbox, in the import's transaction. Nothing
// ends until a secretary confirms (src/bot/roster/actions/roster-review.ts). The running bot's
// recovery sweep sends the staged cards, so the command-line import needs no queue.
import { rosterReviewCard } from "../../cards/roster-review.ts";
import { proposeRemovals, type Listed, type ReviewItem, type RoleRemoval } from "../domain/roster-review.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import type { PlannedPerson, RosterStore } from "./plan.ts";

export interface ProposedReview {
  readonly id: number;
  readonly orgId: number;
  readonly orgName: string;
  readonly items: readonly ReviewItem[];
  /** The secretaries the card went to; empty when nobody on Lark can decide it. */
  readonly sentTo: readonly string[];
}

export interface ReviewOutcome {
  /** "skipped": the file had rows with errors, so who is missing cannot be told (see `skipped`). */
  readonly status: "none" | "proposed" | "skipped";
  readonly reviews: readonly ProposedReview[];
  /** Pending reviews of the covered organisations that this file replaced. */
  readonly superseded: readonly number[];
}

export interface ReviewInput {
  readonly people: readonly PlannedPerson[];
  readonly personIdByLine: ReadonlyMap<number, number>;
  readonly roleRemovals: readonly RoleRemoval[];
  /** Rows of the file that could not be imported: then nobody is proposed for removal. */
  readonly rejectedRows: number;
  readonly file: string;
  readonly today: string;
  readonly at: Date;
}

export const reviewCardKey = (reviewId: number, secretaryId: number) => `roster-review-${reviewId}-${secretaryId}`;

export async function proposeReviews(store: RosterStore, q: ReviewInput): Promise<ReviewOutcome> {
  // A row with an error is a person the file meant to list: proposing them as missing would be wrong.
  if (q.rejectedRows > 0) return { status: "skipped", reviews: [], superseded: [] };
  const orgIdByCode = await store.roster.orgIdsByCode();
  const covered = new Set(q.people.map((p) => orgIdByCode.get(p.row.orgCode)!));
  const branches = new Map((await store.orgs.branchesAmong([...covered])).map((b) => [b.id, b]));

  const listed = new Map<number, { orgIds: Set<number>; memberOfBranch: Listed["memberOfBranch"] }>();
  for (const { row } of q.people) {
    const personId = q.personIdByLine.get(row.line)!;
    const orgId = orgIdByCode.get(row.orgCode)!;
    const l = listed.get(personId) ?? { orgIds: new Set<number>(), memberOfBranch: null };
    l.orgIds.add(orgId);
    // Every person on a 党支部's rows is a 党员 of it (rows.ts adds MEMBER).
    const branch = branches.get(orgId);
    if (branch) l.memberOfBranch = { id: branch.id, name: branch.name };
    listed.set(personId, l);
  }
  const held = await store.rosterReview.heldMemberships({ orgIds: [...covered], personIds: [...listed.keys()] });
  const names = new Map(held.map((m) => [m.personId, { name: m.name, mobile: m.mobile }]));
  const proposed = proposeRemovals({ covered, held, listed, roleRemovals: q.roleRemovals, names });

  // The file restates its organisations: their earlier pending lists are replaced by this one.
  const superseded = await store.rosterReview.supersedePending([...covered], q.at);
  // Outside them (a member now listed elsewhere), what is already waiting is not proposed again.
  const waiting = await store.rosterReview.pendingMembershipIds([...proposed.keys()].filter((o) => !covered.has(o)));
  for (const [orgId, items] of proposed) {
    const fresh = items.filter((i) => i.membershipIds.some((id) => !waiting.has(id)));
    if (fresh.length > 0) proposed.set(orgId, fresh);
    else proposed.delete(orgId);
  }
  const orgIds = [...proposed.keys()];
  const orgNames = await store.orgs.orgNames(orgIds);
  const readers = await store.orgContacts.secretariesOrAbove(orgIds);
  const reviews: ProposedReview[] = [];
  const cards: NewOutgoing[] = [];
  for (const [orgId, items] of proposed) {
    const plan = { file: q.file, importedOn: q.today, items };
    const id = await store.rosterReview.createReview(orgId, plan, q.at);
    const to = readers.get(orgId) ?? [];
    const card = rosterReviewCard({ reviewId: id, orgName: orgNames.get(orgId) ?? "", file: q.file, importedOn: q.today, items });
    for (const s of to) cards.push({ kind: "SEND", to: { openId: s.openId! }, card, key: reviewCardKey(id, s.personId) });
    reviews.push({ id, orgId, orgName: orgNames.get(orgId) ?? "", items, sentTo: to.map((s) => s.name) });
  }
  await store.outbox.stageOutgoing(cards);
  return { status: reviews.length > 0 ? "proposed" : "none", reviews, superseded };
}
