/**
 * tfjs as a reference implementation in tests: one place that loads it on the CPU backend
 * (float32), converts to and from our `Matrix`, and compares with a float32-sized tolerance.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Matrix } from "../../lib/core/mod.ts";
import { AssertionError } from "@std/assert";

let ready: Promise<typeof tf> | undefined;

/** tfjs on the "cpu" backend, with its Node.js advice banner silenced. */
export function loadTf(): Promise<typeof tf> {
  ready ??= (async () => {
    tf.env().set("PROD", true);
    await tf.setBackend("cpu");
    await tf.ready();
    return tf;
  })();
  return ready;
}

/** A float32 tfjs 2-D tensor holding a Matrix's values. */
export function toTf(m: Matrix): tf.Tensor2D {
  return tf.tensor2d(Array.from(m.data), [m.rows, m.cols]);
}

/** A tfjs tensor's values as float64. */
export function fromTf(t: tf.Tensor): Float64Array {
  return Float64Array.from(t.dataSync());
}

/**
 * Asserts |a − e| <= atol + rtol |e| entrywise. tfjs computes in float32 (about 7 digits), so
 * the default rtol 1e-4 leaves room for rounding accumulated over a few ops.
 */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol = 1e-4, atol = 1e-5 }: { rtol?: number; atol?: number } = {},
  msg = "",
): void {
  if (actual.length !== expected.length) {
    throw new AssertionError(`${msg}: length ${actual.length} != ${expected.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], e = expected[i];
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new AssertionError(
        `${msg}${
          msg ? ": " : ""
        }entry ${i}: ${a} is not close to ${e} (rtol ${rtol}, atol ${atol})`,
      );
    }
  }
}
