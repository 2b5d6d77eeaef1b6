// What the commendation handlers share: a row drawn for the cards, the secretary's decision card
// sent to the branch's secretaries and kept current on every copy, the announcement in the
// branch group, and telling the member and the nominator.
import { commendAnnouncementCard, commendDecisionCard, commendResultCard, type CommendView } from "../../../cards/commend.ts";
import type { Card } from "../../../cards/kit.ts";
import { requestLabel } from "../../domain/request-label.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import { mayDecideCommendation } from "../../domain/commend-rules.ts";
import type { Actor } from "../../domain/roles.ts";
import type { CommendRow } from "../../store/commendations.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { ActionResult, BaseContext } from "../context.ts";
import { todayOf } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { redrawCopies, type ClickContext } from "./copies.ts";
import { reachableSecretaries } from "./people.ts";
import { commendDecidedText, ownRecord, unknownRecord } from "./texts.ts";

export const commendKeyPrefix = (id: number) => `commend-decide-${id}-`;
const announceKey = (id: number) => `commend-announce-${id}`;

export async function requireCommendation(ctx: Pick<BaseContext, "store">, id: number): Promise<CommendRow> {
  const c = await ctx.store.commendations.findCommendation(id);
  if (!c) throw unknownRecord("表彰");
  return c;
}

export function requireCommendDecider(actor: Actor, c: CommendRow): void {
  if (mayDecideCommendation(actor, c)) return;
  if (actor.personId === c.personId) throw ownRecord();
  throw notAllowed(["表彰记录"]);
}

export async function commendViewOf(ctx: BaseContext, c: CommendRow): Promise<CommendView> {
  const tz = ctx.config.timezone;
  const names = await ctx.store.people.personNames([c.personId, c.nominatedById, c.decidedById, c.revokedById]);
  const branch = await ctx.store.orgs.orgName(c.orgId);
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? "?"));
  return {
    id: c.id,
    label: requestLabel(c),
    member: name(c.personId) ?? "?",
    branch: branch ?? "?",
    nominator: name(c.nominatedById) ?? "?",
    title: c.title,
    level: c.level,
    deeds: c.deeds,
    status: c.status,
    nominatedAt: localDateTime(c.createdAt, tz),
    awardedOn: c.awardedOn,
    decidedBy: name(c.decidedById),
    decidedAt: c.decidedAt ? localDateTime(c.decidedAt, tz) : null,
    decisionNote: c.decisionNote,
    revokedBy: name(c.revokedById),
    revokedAt: c.revokedAt ? localDateTime(c.revokedAt, tz) : null,
    revokeReason: c.revokeReason,
  };
}

export async function commendCardOf(ctx: BaseContext, c: CommendRow): Promise<Card> {
  return commendDecisionCard({ ...(await commendViewOf(ctx, c)), today: todayOf(ctx) });
}

export async function sendCommendCards(ctx: KeyedContext, c: CommendRow): Promise<number> {
  const to = await reachableSecretaries(ctx, c.orgId, c.personId);
  const card = await commendCardOf(ctx, c);
  for (const s of to) ctx.send({ openId: s.openId }, { card }, `${commendKeyPrefix(c.id)}r0-${s.personId}`);
  return to.length;
}

/**
 * After a decision or a revocation: the other copies redrawn, the announcement posted (approval)
 * or redrawn as revoked, the member (not for a decline: they may not know they were nominated)
 * and the nominator told. Returns the card for the clicked copy.
 */
export async function afterCommendChange(ctx: ClickContext, id: number, step: "approved" | "declined" | "revoked"): Promise<{ card: Card; announced: boolean }> {
  const c = await requireCommendation(ctx, id);
  const card = await commendCardOf(ctx, c);
  await redrawCopies(ctx, commendKeyPrefix(id), card);
  const view = await commendViewOf(ctx, c);
  const org = await ctx.store.orgs.orgChat(c.orgId);
  const announcement = { member: view.member, branch: view.branch, title: c.title, level: c.level, deeds: c.deeds, awardedOn: c.awardedOn ?? "" };
  let announced = false;
  if (step === "approved" && org?.groupChatId) {
    ctx.send({ chatId: org.groupChatId }, { card: commendAnnouncementCard(announcement) }, announceKey(id));
    announced = true;
  }
  if (step === "revoked") await redrawCopies({ ...ctx, inbound: { ...ctx.inbound, messageId: undefined } }, announceKey(id), commendAnnouncementCard({ ...announcement, revoked: true }));
  const people = await ctx.store.people.personContacts([c.personId, c.nominatedById]);
  const member = people.get(c.personId)?.openId;
  if (step !== "declined" && member) ctx.send({ openId: member }, { card: commendResultCard(view) }, `commend-${step}-${id}-${c.personId}`);
  const nominator = people.get(c.nominatedById)?.openId;
  if (nominator && c.nominatedById !== c.personId && c.nominatedById !== ctx.actor.personId) ctx.send({ openId: nominator }, { card: commendResultCard({ ...view, asNominator: true }) }, `commend-${step}-${id}-${c.nominatedById}`);
  return { card, announced };
}

/** A click on a commendation that moved on: nothing changes, the card shows where it stands. */
export async function commendDecidedAnswer(ctx: BaseContext, id: number): Promise<ActionResult> {
  const c = await requireCommendation(ctx, id);
  const by = c.revokedById ?? c.decidedById;
  const names = await ctx.store.people.personNames([by]);
  return { toast: { type: "info", text: commendDecidedText(c.status, by !== null ? (names.get(by) ?? null) : null) }, card: await commendCardOf(ctx, c) };
}
