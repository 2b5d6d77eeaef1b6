// The hardship-archive cards drawn from the store, and the one check every archive handler makes.
import { hardshipEntryCard, hardshipOpenFormCard } from "../../../cards/aid-hardship.ts";
import { hardshipCountsCard } from "../../../cards/escalation.ts";
import type { Card } from "../../../cards/kit.ts";
import { ARCHIVE_ROLES, checkText, NOTE_MAX, type AidCategory } from "../../domain/aid-rules.ts";
import { causeForCategory, checkCauses, checkNextReview, defaultNextReview, reviewOverdue, type HardshipLevel } from "../../domain/hardship-rules.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import type { EntryPatch, HardshipRow } from "../../store/aid-hardship.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { must, notAllowed } from "../errors.ts";
import { unknownEntry } from "./errors.ts";

export function requireArchivist(actor: Actor, orgId: number): void {
  if (!hasRole(actor, ARCHIVE_ROLES, orgId)) throw notAllowed();
}

/** The entry, or the user is told it is gone. */
export async function requireEntry(ctx: BaseContext, id: number): Promise<HardshipRow> {
  const entry = await ctx.store.aidHardship.findEntry(id);
  if (!entry) throw unknownEntry();
  return entry;
}

/** The entry's card: its history with who did what, its branch, and the request it was opened from. */
export async function entryCardOf(ctx: BaseContext, e: HardshipRow): Promise<Card> {
  const tz = ctx.config.timezone;
  const { store } = ctx;
  const lines = await store.aidHardship.history(e.id);
  const names = await store.people.personNames([e.personId, ...lines.map((h) => h.actorId)]);
  const orgName = await store.orgs.orgName(e.orgId);
  const from = e.openedFromRequestId ? await store.aidRequests.requestNumber(e.openedFromRequestId) : null;
  return hardshipEntryCard({
    entryId: e.id,
    name: names.get(e.personId) ?? "?",
    branch: orgName ?? "?",
    status: e.status,
    level: e.level,
    causes: e.causes,
    household: e.household,
    nextReviewOn: e.nextReviewOn,
    overdue: e.status === "ACTIVE" && reviewOverdue(e.nextReviewOn, todayOf(ctx)),
    openedFrom: from,
    resolvedReason: e.resolvedReason,
    history: lines.map((h) => ({ at: localDateTime(h.at, tz), actor: h.actorId === null ? null : (names.get(h.actorId) ?? null), action: h.action, changes: h.changes })),
  });
}

export function openFormOf(ctx: BaseContext, person: { id: number; name: string }, from: { id: number; number: string; category: AidCategory } | null): Card {
  const level = "GENERAL" as const;
  return hardshipOpenFormCard({
    personId: person.id,
    name: person.name,
    fromRequest: from ? { id: from.id, number: from.number } : null,
    causes: from ? [causeForCategory(from.category)] : [],
    level,
    nextReviewOn: defaultNextReview(todayOf(ctx), level),
  });
}

/** The entry form's fields, checked: what to fix is said in the toast. */
export function entryInput(form: { causes?: string | string[] | undefined; level: HardshipLevel; household?: string | undefined; next_review?: string | undefined }, todayText: string): EntryPatch {
  return {
    causes: must(checkCauses(form.causes)),
    level: form.level,
    household: must(checkText(form.household, { zh: "家庭情况", en: "household situation" }, { required: true, max: NOTE_MAX })),
    nextReviewOn: must(checkNextReview(form.next_review, todayText)),
  };
}

/**
 * 档案 for a secretary of an organisation above branches: counts per branch only (need to know);
 * the entries raised to them are in 上报事项.
 */
export async function committeeArchiveCard(ctx: BaseContext, orgId: number, branches: readonly { id: number; name: string }[]): Promise<Card> {
  const tz = ctx.config.timezone;
  const year = localYear(ctx.clock.now(), tz);
  const counts = new Map((await ctx.store.aidHardship.hardshipCountsIn(branches.map((b) => b.id), { today: todayOf(ctx), since: yearBounds(year, tz).start })).map((c) => [c.orgId, c]));
  const zero = { active: 0, special: 0, serious: 0, due: 0, resolved: 0 };
  return hardshipCountsCard({
    orgName: (await ctx.store.orgs.orgName(orgId)) ?? "?",
    year,
    openRaised: await ctx.store.escalations.openCountFor(ctx.actor.personId),
    rows: branches.map((b) => ({ branch: b.name, ...zero, ...(counts.get(b.id) ?? {}) })),
  });
}
