/**
 * Inverse of the standard normal CDF (the z of a service level), written out so the engine has no
 * statistics dependency. Wichura's algorithm AS 241 (Applied Statistics 37(3), 1988), PPND16:
 * three rational approximations, accurate to about 1 part in 10^16. Acklam's shorter approximation
 * was tried first but is off by ~1e-5 in the tails (z(0.99) = 2.326335 instead of 2.326348).
 */
import type { SettingsError } from "./settings";
import { err, ok, type Result } from "./result";

/** Polynomial coefficients, constant term first; the published 20-digit constants as their nearest doubles. */
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

function horner(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + (coefficients[i] as number);
  return value;
}

/**
 * Returns z such that P(Z ≤ z) = p for a standard normal Z, for 0 < p < 1; returns a Result error
 * for p outside (0, 1), where z would be ±Infinity or undefined.
 *
 * @example
 * inverseNormalCdf(0.95); // { ok: true, value: 1.6448536… }
 * inverseNormalCdf(1).ok; // false
 */
export function inverseNormalCdf(probability: number): Result<number, string> {
  if (!Number.isFinite(probability) || probability <= 0 || probability >= 1) {
    return err(`Probability must be strictly between 0 and 1, got ${String(probability)}.`);
  }
  const q = probability - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return ok((q * horner(A, r)) / horner(B, r));
  }
  let r = Math.sqrt(-Math.log(q < 0 ? probability : 1 - probability));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = horner(C, r) / horner(D, r);
  } else {
    r -= 5;
    value = horner(E, r) / horner(F, r);
  }
  return ok(q < 0 ? -value : value);
}

/**
 * Returns the safety factor z for a cycle service level, or a settings error naming the scope when
 * the level is 1.0 (infinite stock), ≤ 0, below 0.5 (negative stock) or not a number.
 *
 * @example
 * serviceLevelZ(0.95, "shop"); // { ok: true, value: 1.6448536… }
 * serviceLevelZ(1, "product:p1").ok; // false
 */
export function serviceLevelZ(serviceLevel: number, scope: string): Result<number, SettingsError> {
  if (!Number.isFinite(serviceLevel) || serviceLevel < 0.5 || serviceLevel >= 1) {
    return err({
      code: "invalid_setting",
      scope,
      setting: "serviceLevel",
      value: serviceLevel,
      message: `Service level ${String(serviceLevel)} (${scope}) cannot be used: 1.0 would need infinite safety stock and below 0.5 asks for negative safety stock. Use a value such as 0.95.`,
    });
  }
  const z = inverseNormalCdf(serviceLevel);
  // Unreachable after the range check above; kept total so callers never see a non-number.
  return z.ok
    ? ok(z.value)
    : err({ code: "invalid_setting", scope, setting: "serviceLevel", value: serviceLevel, message: z.error });
}
