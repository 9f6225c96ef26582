/**
 * Python's number formatting, so text tables match scikit-learn's character for character:
 * `"{:.2f}"` rounds the exact binary value half-to-even (JavaScript's `toFixed` rounds exact ties
 * up: 0.125 → "0.13" where Python prints "0.12"), and `repr(float)` switches to exponent notation
 * at other thresholds than `String(number)`.
 *
 * @module
 */

/** Adds one unit in the last place to a string of decimal digits ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const a = digits.split("");
  let i = a.length - 1;
  while (i >= 0 && a[i] === "9") a[i--] = "0";
  if (i < 0) return "1" + a.join("");
  a[i] = String(Number(a[i]) + 1);
  return a.join("");
}

/**
 * Formats like Python's `format(x, f".{digits}f")`: fixed point, exact value rounded half-to-even.
 * @param x the number
 * @param digits digits after the decimal point (0..20)
 * @example
 * ```ts
 * import { formatFixed } from "./python_format.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(formatFixed(0.125, 2), "0.12"); // Python's rounding; (0.125).toFixed(2) is "0.13"
 * ```
 */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const ax = Math.abs(x);
  if (ax >= 1e21) return sign + ax.toFixed(digits); // beyond any metric's range; JS notation kept
  // toFixed(100) is the exact decimal expansion for every double above ~1e-12, which is all
  // that can round to a non-zero value at the digits used here.
  const [intPart, frac] = ax.toFixed(100).split(".");
  const kept = intPart + frac.slice(0, digits);
  const rest = frac.slice(digits);
  const half = "5".padEnd(rest.length, "0");
  let roundUp = rest > half;
  if (rest === half) roundUp = Number(kept[kept.length - 1]) % 2 === 1;
  let all = roundUp ? incrementDigits(kept) : kept;
  all = all.padStart(digits + 1, "0");
  const whole = all.slice(0, all.length - digits), part = all.slice(all.length - digits);
  return sign + (digits > 0 ? `${whole}.${part}` : whole);
}

/**
 * Formats like Python's `repr(float)`: shortest round-trip digits, at least one decimal
 * ("2.0"), exponent notation when the decimal exponent is < -4 or ≥ 16 ("1e-05", "1.5e+16").
 * @example
 * ```ts
 * import { pythonFloatRepr } from "./python_format.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals([pythonFloatRepr(3), pythonFloatRepr(1e-5)], ["3.0", "1e-05"]);
 * ```
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa, expText] = Math.abs(x).toExponential().split("e");
  const exp = Number(expText);
  const digits = mantissa.replace(".", "");
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac || "0"}`;
}
