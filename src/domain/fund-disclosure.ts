// 收支公开 is read by the whole branch group, so it says as little as it can. In a branch of ten
// people, "疾病住院 1 笔 ¥2,000" names its person as surely as a name would. The totals per
// source (收入, 支出, 余额) are always shown; any finer breakdown (by category, by month) lists a
// group only when it holds at least MIN_GROUP payments, and the small ones go together under
// 其他 (the notice asks the branch to protect members' rights while keeping the fund open to
// their oversight).
//
// Folding is not enough on its own: the rows of a breakdown add up to the total paid, which the
// card shows, so whatever is left out can be computed by subtraction. The rest (其他) therefore
// holds either nothing or at least MIN_GROUP payments: while it holds one or two, the smallest
// listed group joins it (what statisticians call complementary suppression). A breakdown left
// with no listed group says nothing the total does not, and is not shown at all.
import type { AidCategory } from "./aid-rules.ts";
import type { Text } from "./text.ts";

/** The fewest payments a group of a public breakdown may hold. */
export const MIN_GROUP = 3;

export interface PaymentGroup<K> {
  key: K;
  count: number;
  fen: number;
}

export interface MinimalBreakdown<K> {
  /** Groups of at least MIN_GROUP payments, in the order they were given. */
  shown: PaymentGroup<K>[];
  /** Everything not listed, together (at least MIN_GROUP payments); null when nothing is left over. */
  rest: { count: number; fen: number } | null;
  /** Some group held fewer than MIN_GROUP payments and is not listed: the card says why. */
  withheld: boolean;
}

const none = <K>(withheld: boolean): MinimalBreakdown<K> => ({ shown: [], rest: null, withheld });

/**
 * The public form of a breakdown. `intoRest` marks keys that never get a row of their own (a
 * category that already means 其他), so the card never shows 其他 twice.
 */
export function minimalBreakdown<K>(groups: readonly PaymentGroup<K>[], intoRest: (key: K) => boolean = () => false): MinimalBreakdown<K> {
  const present = groups.filter((g) => g.count > 0);
  const withheld = present.some((g) => g.count < MIN_GROUP);
  const shown = present.filter((g) => g.count >= MIN_GROUP && !intoRest(g.key));
  const left = present.filter((g) => !shown.includes(g));
  const rest = { count: left.reduce((n, g) => n + g.count, 0), fen: left.reduce((n, g) => n + g.fen, 0) };
  // The rest can be computed from the total, so it may not be a small group either.
  while (rest.count > 0 && rest.count < MIN_GROUP && shown.length > 0) {
    const smallest = shown.reduce((a, g) => (g.count < a.count || (g.count === a.count && g.fen <= a.fen) ? g : a));
    shown.splice(shown.indexOf(smallest), 1);
    rest.count += smallest.count;
    rest.fen += smallest.fen;
  }
  if (shown.length === 0) return none(withheld);
  return { shown, rest: rest.count > 0 ? rest : null, withheld };
}

/** What a payment was for: an aid request's category, or a visit's gift money (走访慰问). */
export type PaymentCategory = AidCategory | "VISIT";
export const PAYMENT_CATEGORIES: readonly PaymentCategory[] = ["LIVING", "ILLNESS", "EMPLOYMENT", "TRAINING", "DISASTER", "VISIT", "OTHER"];
export const VISIT_CATEGORY_LABEL: Text = { zh: "走访慰问", en: "visit gifts" };

/** The year's payments (not later reversed) counted by category and local month (1–12). */
export interface PaymentCell {
  category: PaymentCategory;
  month: number;
  count: number;
  fen: number;
}

export interface PublicBreakdown {
  byCategory: MinimalBreakdown<PaymentCategory>;
  byMonth: MinimalBreakdown<number>;
}

/** Both breakdowns the group may see, from the year's payments. */
export function publicBreakdown(cells: readonly PaymentCell[]): PublicBreakdown {
  const total = <K>(keys: readonly K[], keyOf: (c: PaymentCell) => K): PaymentGroup<K>[] =>
    keys.map((key) => {
      const mine = cells.filter((c) => keyOf(c) === key);
      return { key, count: mine.reduce((n, c) => n + c.count, 0), fen: mine.reduce((n, c) => n + c.fen, 0) };
    });
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return {
    byCategory: minimalBreakdown(
      total(PAYMENT_CATEGORIES, (c) => c.category),
      (k) => k === "OTHER",
    ),
    byMonth: minimalBreakdown(total(months, (c) => c.month)),
  };
}
