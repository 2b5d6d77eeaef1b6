// What the employment handlers and sweeps share: postings drawn for cards, the weekly card to a
// member (keyed person + week, so it can only be staged once a week), and who may act on a case.
import { jobPushCard, type PostingView } from "../../../cards/job-seek.ts";
import type { Card } from "../../../cards/kit.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import { SEEKER_HELPER_ROLES } from "../../domain/job-match.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import type { CaseRow } from "../../store/employment.ts";
import { findCase, markEmployed } from "../../store/employment.ts";
import { jobCardKey, type PostingRow } from "../../store/job-postings.ts";
import type { NewOutgoing } from "../../store/outbox.ts";
import type { Tx } from "../../store/tx.ts";
import type { BaseContext } from "../context.ts";
import { todayOf } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { unknownRecord } from "./texts.ts";

export function postingView(p: PostingRow, tz: string): PostingView {
  const { id: _id, orgId: _org, postedById: _by, createdAt, ...input } = p;
  return { ...input, postedAt: localDateTime(createdAt, tz) };
}

/** The member's card of the week, as an outbox row. */
export function weeklyCard(to: { personId: number; openId: string; name: string; caseId: number }, postings: readonly PostingRow[], week: string, tz: string): Extract<NewOutgoing, { kind: "SEND" }> & { card: Card } {
  const card = jobPushCard({ caseId: to.caseId, name: to.name, postings: postings.map((p) => postingView(p, tz)) });
  return { kind: "SEND", to: { openId: to.openId }, card, key: jobCardKey(to.personId, week) };
}

export async function requireCase(tx: Tx, id: number): Promise<CaseRow> {
  const c = await findCase(tx, id);
  if (!c) throw unknownRecord("求职登记");
  return c;
}

/** The member themself, or a leader, secretary or affairs worker of the case's branch. */
export function requireCaseActor(actor: Actor, c: CaseRow, opts: { memberToo: boolean }): void {
  if (opts.memberToo && actor.personId === c.personId) return;
  if (!hasRole(actor, SEEKER_HELPER_ROLES, c.orgId)) throw notAllowed();
}

/**
 * Closes an open case as employed (the member reported a job, or their leader did); false when
 * it was no longer open. Held postings for it are never sent (the weekly card skips closed cases).
 */
export async function closeAsEmployed(ctx: BaseContext, c: CaseRow, outcome: string | null): Promise<boolean> {
  const today = todayOf(ctx);
  if (!(await markEmployed(ctx.tx, c.id, { byId: ctx.actor.personId, today, outcome, at: ctx.clock.now() }))) return false;
  await ctx.audit({ action: "employment.case.employed", subjectType: "EmploymentCase", subjectId: c.id, orgId: c.orgId, changes: { status: ["OPEN", "EMPLOYED"], outcome, personId: c.personId } });
  return true;
}
