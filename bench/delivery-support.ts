// What the delivery bench needs besides its scenarios: the Lark app both sides use, the data key,
// and the least time Lark's windows allow for a burst of sends.

export const BENCH_LARK = {
  appId: "cli_bench_app",
  appSecret: "bench-app-secret",
  encryptKey: "bench-encrypt-key",
  verificationToken: "bench-verification-token",
};

/** A data key only benchmarks use (as bench/task-child.ts). */
export const BENCH_DATA_KEYS = "bench1:YmVuY2gtZGF0YS1rZXktMzItYnl0ZXMtbG9uZy1vayE=";

export interface QuotaWindow {
  limit: number;
  spanMs: number;
}

/**
 * The earliest moment, from the first send at 0, that the n-th of `n` sends can be accepted
 * when every window is a sliding one as Lark's (a send at t counts in (t - span, t]): send i
 * goes no earlier than send i - limit plus the span, for each window.
 */
export function minimumMs(n: number, windows: QuotaWindow[]): number {
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (const w of windows) if (i >= w.limit) t = Math.max(t, at[i - w.limit]! + w.spanMs);
    at.push(t);
  }
  return at[n - 1] ?? 0;
}
