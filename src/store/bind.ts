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
  for (const [name, fn] of functionsOf(mod)) out[name] = (...args: unknown[]) => fn(executor, ...args);
  return out as Bound<M, E>;
}

type Fn = (executor: unknown, ...args: unknown[]) => unknown;
const FUNCTIONS = new WeakMap<object, readonly (readonly [string, Fn])[]>();

/**
 * A module's functions, listed once: every handler and card click binds the whole store
 * (stores.ts), and reading a module namespace's entries each time cost about 0.3 ms of CPU per
 * click, a tenth of the approval click's budget.
 */
function functionsOf(mod: object): readonly (readonly [string, Fn])[] {
  let fns = FUNCTIONS.get(mod);
  if (!fns) FUNCTIONS.set(mod, (fns = Object.entries(mod).flatMap(([name, value]) => (typeof value === "function" ? [[name, value as Fn] as const] : []))));
  return fns;
}
