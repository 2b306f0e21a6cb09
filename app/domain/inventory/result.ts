/**
 * The outcome of a computation that can fail for an expected reason (bad setting, missing data).
 * Bugs still throw; only failures a merchant or caller can act on travel as values.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Returns a successful Result.
 *
 * @example
 * ok(3); // { ok: true, value: 3 }
 */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Returns a failed Result.
 *
 * @example
 * err("bad"); // { ok: false, error: "bad" }
 */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
