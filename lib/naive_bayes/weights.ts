/**
 * Sample weights for the naive Bayes models (scikit-learn's `sample_weight`): a row of weight w
 * counts w times in every count, mean and variance, so integer weights equal repeated rows.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";

/**
 * N_c = Σ_{i: y_i = c} w_i, the (weighted) training samples per class.
 * @param codes each row's class index, shape (nSamples,)
 * @param w the weights, or undefined for all 1
 */
export function weightedClassCount(
  codes: Int32Array,
  classes: readonly (number | string)[],
  w: Float64Array | undefined,
): Float64Array {
  const count = new Float64Array(classes.length);
  for (let i = 0; i < codes.length; i++) count[codes[i]] += w ? w[i] : 1;
  count.forEach((n, c) => {
    if (n <= 0) {
      throw new ValueError(
        `Class ${JSON.stringify(classes[c])} has total sampleWeight 0: give it a positive ` +
          `weight or leave its rows out of y.`,
      );
    }
  });
  return count;
}
