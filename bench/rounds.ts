// Ratios that hold still: a ratio measured once on a shared 2-core machine moves by more than
// the difference it is meant to show (the webhook's p99 at 500 req/s read 1.14× and 1.65× in
// two quiet runs). Every ratio a bench prints is therefore taken in alternating rounds (A then B,
// B then A, …), one ratio per round, and printed as the median with the rounds' spread beside it.

/** Rounds for a ratio: BENCH_RATIO_ROUNDS, else the bench's own default. */
export function ratioRounds(fallback: number): number {
  const n = Number(process.env.BENCH_RATIO_ROUNDS ?? fallback);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** "0.78 (rounds 0.75–0.82, n=3)": the median first, so a reader of figures (compare.ts) takes it as the value. */
export function ratioFigure(ratios: readonly number[], digits = 2): string {
  if (ratios.length === 0) return "no rounds";
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(ratios))} (rounds ${f(Math.min(...ratios))}–${f(Math.max(...ratios))}, n=${ratios.length})`;
}

/** Which side goes first in round i: A in even rounds, B in odd ones, so a slow spell weighs on both. */
export function alternate<T>(i: number, a: T, b: T): [T, T] {
  return i % 2 === 0 ? [a, b] : [b, a];
}
