/**
 * Neighbouring floating-point values, for moving split thresholds between the libraries'
 * conventions without changing a single routing decision: LightGBM's `x <= t` on doubles,
 * XGBoost's `float32(x) < t` on float32, and ours, `x < t` on doubles.
 *
 * @module
 */

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The next double above x (x <= t  ⇔  x < nextUp(t) for every double x): how a LightGBM
 * threshold becomes ours.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { nextUp } from "../mod.ts";
 * assertEquals(nextUp(1), 1 + Number.EPSILON);
 * ```
 */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] += x > 0 ? 1n : -1n;
  return f64[0];
}

/** The float32 just below a float32 value t. */
function prevFloat32(t: number): number {
  if (t === 0) return -1.401298464324817e-45;
  f32[0] = t;
  u32[0] += t > 0 ? -1 : 1;
  return f32[0];
}

/**
 * A double threshold d such that, for every double x, `x < d` ⇔ `Math.fround(x) < t`, where t
 * is a float32 threshold (XGBoost rounds inputs to float32 before comparing). d is the midpoint
 * between t and the float32 below it; at exactly the midpoint fround rounds to the even one.
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { float32Boundary } from "../mod.ts";
 * const t = Math.fround(0.1), d = float32Boundary(t);
 * assert(d < t && Math.fround(d) === t); // d itself rounds to t, so it goes right, as in XGBoost
 * ```
 */
export function float32Boundary(t: number): number {
  t = Math.fround(t);
  if (!Number.isFinite(t)) return t;
  const prev = prevFloat32(t);
  const mid = (prev + t) / 2; // exact: both have 24-bit significands
  f32[0] = t;
  const tIsEven = (u32[0] & 1) === 0;
  // mid rounds to t when t is even: then mid itself must go right, so `x < mid` is right.
  return tIsEven ? mid : nextUp(mid);
}

/**
 * The smallest float32 ≥ t: for float32 inputs x, `x < t` ⇔ `x < roundUpFloat32(t)` (how our
 * thresholds are written to XGBoost JSON).
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { roundUpFloat32 } from "../mod.ts";
 * const t = roundUpFloat32(0.1);
 * assert(t >= 0.1 && Math.fround(t) === t);
 * ```
 */
export function roundUpFloat32(t: number): number {
  const f = Math.fround(t);
  if (f >= t || !Number.isFinite(t)) return f;
  f32[0] = f;
  u32[0] += f > 0 ? 1 : f < 0 ? -1 : 0;
  if (f === 0) return 1.401298464324817e-45;
  return f32[0];
}
