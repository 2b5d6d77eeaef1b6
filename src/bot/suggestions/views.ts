// What the 意见建议 handlers share: loading an item, who may answer it, the secretaries' card
// drawn from the row, and the lists for a branch, a committee and the member.
import type { Card } from "../../../cards/kit.ts";
import { suggestionForSecretaryCard, type ListedItem, type SuggestionView } from "../../../cards/suggestion.ts";
import { dateWords } from "../../domain/date-words.ts";
import { requestLabel } from "../../domain/request-label.ts";
import { hasRole, orgsWhere, type Actor } from "../../domain/roles.ts";
import type { Text } from "../../domain/text.ts";
import { dayIn } from "../../domain/zoned-time.ts";
import type { ListedSuggestion, SuggestionRow } from "../../store/suggestions.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

export const unknownSuggestion = (): UserError =>
  new UserError("unknown_suggestion", { zh: "找不到这条意见建议，卡片可能已失效。", en: "That suggestion was not found; the card may be out of date." });

export async function requireSuggestion(ctx: Pick<BaseContext, "store">, id: number): Promise<SuggestionRow> {
  const s = await ctx.store.suggestions.findSuggestion(id);
  if (!s) throw unknownSuggestion();
  return s;
}

/** A secretary of the item's branch answers it; never the named author of their own item. */
export function requireAnswerer(actor: Actor, s: SuggestionRow): void {
  if (!hasRole(actor, ["SECRETARY"], s.orgId) || (s.authorId !== null && s.authorId === actor.personId)) throw notAllowed(["意见建议"]);
}

const dayOf = (ctx: Pick<BaseContext, "config">, at: Date): Text => dateWords(dayIn(at, ctx.config.timezone));

/** The secretaries' card for an item, from the row as the database has it. */
export async function secretaryCard(ctx: Pick<BaseContext, "store" | "config">, s: SuggestionRow, opts: { reminder?: { waited: number } } = {}): Promise<Card> {
  const names = await ctx.store.people.personNames([s.authorId, s.answeredById]);
  const view: SuggestionView = {
    id: s.id,
    number: requestLabel(s),
    kind: s.kind,
    branch: (await ctx.store.orgs.orgName(s.orgId)) ?? "?",
    body: s.body,
    author: s.authorId === null ? null : (names.get(s.authorId) ?? "?"),
    filed: dayOf(ctx, s.createdAt),
    answer: s.status === "ANSWERED" && s.answer !== null ? { text: s.answer, by: (s.answeredById !== null ? names.get(s.answeredById) : undefined) ?? "?", at: dayOf(ctx, s.answeredAt ?? s.createdAt) } : null,
  };
  return suggestionForSecretaryCard(view, opts);
}

/** A listed item as the branch sees it (the author's name, or 匿名) or the committee (署名 or 匿名, no name). */
export function listed(ctx: Pick<BaseContext, "config">, s: ListedSuggestion, seenBy: "branch" | "committee" | "author"): ListedItem {
  const who: Text = s.anonymous ? { zh: "匿名", en: "anonymous" } : seenBy === "branch" ? { zh: s.authorName ?? "?", en: s.authorName ?? "?" } : { zh: "署名", en: "named" };
  return { number: requestLabel(s), kind: s.kind, branch: s.orgName, body: s.body, who, filed: dayOf(ctx, s.createdAt), answer: s.status === "ANSWERED" ? s.answer : null };
}

/**
 * The organisations whose items the actor oversees: where they are secretary or affairs worker;
 * for one above branches (党委, 党总支) every organisation below it too.
 */
export async function overseen(ctx: Pick<BaseContext, "store" | "actor">): Promise<{ orgId: number; name: string; committee: boolean; orgIds: number[] }[]> {
  const out = [];
  for (const orgId of orgsWhere(ctx.actor, ["SECRETARY", "AFFAIRS_WORKER"])) {
    const orgIds = await ctx.store.orgs.orgAndBelow(orgId);
    out.push({ orgId, name: (await ctx.store.orgs.orgName(orgId)) ?? "?", committee: orgIds.length > 1, orgIds });
  }
  return out;
}
