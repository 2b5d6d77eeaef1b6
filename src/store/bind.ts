// Binds a store module's functions to one executor (a transaction, or a row reader over it), so
// callers name what they want done (`ctx.store.talks.recentOf(memberId)`) and never hold the
// executor themselves.

type FirstIs<E> = (executor: E, ...args: never[]) => unknown;

/** A module's functions whose first parameter is the executor E, without that parameter. */
export type Bound<M, E> = {
  [K in keyof M as M[K] extends FirstIs<E> ? K : never]: M[K] extends (executor: E, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/**
 * Binds the functions of a module to `executor`. At run time every function is wrapped (a module
 * may also export pure helpers); the type keeps only those whose first parameter is the
 * executor, so nothing else can be called through the result.
 */
export function bound<M extends object, E>(mod: M, executor: E): Bound<M, E> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === "function") out[name] = (...args: unknown[]) => (value as (e: E, ...a: unknown[]) => unknown)(executor, ...args);
  }
  return out as Bound<M, E>;
}
