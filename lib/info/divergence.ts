/**
 * Entropy, cross-entropy and the KL and Jensen-Shannon divergences of discrete distributions.
 * All take probability vectors (validated, not silently normalized) and a `base` option: nats by
 * default, bits with `{ base: 2 }`. The convention 0·log 0 = 0 applies throughout.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { type InfoOptions, toDistribution, toDistributionPair, unitFactor } from "./validate.ts";

const INFO_OPTION_NAMES = optionNames<InfoOptions>({ base: true });

/**
 * Shannon entropy H(p) = -Σ p_i log p_i, the expected surprise -log p of an outcome
 * (李航 §5.2.2 eq. 5.1; d2l §22.11). Maximal, log K, for the uniform distribution; 0 for a
 * certain outcome. SciPy: `scipy.stats.entropy(p)`.
 *
 * @param p probabilities, shape (K,)
 * @example
 * ```ts
 * import { entropy } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(entropy([0.5, 0.5], { base: 2 }), 1); // 1 bit
 * ```
 */
export function entropy(p: ArrayLike<number>, options: InfoOptions = {}): number {
  checkOptions(options, INFO_OPTION_NAMES, "entropy");
  const scale = unitFactor(options);
  const dist = toDistribution(p, "p");
  let h = 0;
  for (const v of dist) if (v > 0) h -= v * Math.log(v);
  return h * scale;
}

/**
 * Cross-entropy H(p, q) = -Σ p_i log q_i: the average code length when outcomes drawn from p are
 * coded for q. H(p, q) = H(p) + KL(p‖q) ≥ H(p); it is the log-loss of a classifier predicting q
 * for labels distributed as p (d2l §4.1.3). +Infinity when q_i = 0 where p_i > 0.
 *
 * @param p the true distribution, shape (K,)
 * @param q the model distribution, shape (K,)
 * @example
 * ```ts
 * import { crossEntropy } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(crossEntropy([1, 0], [0.8, 0.2]), -Math.log(0.8)); // ≈ 0.2231
 * ```
 */
export function crossEntropy(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  options: InfoOptions = {},
): number {
  checkOptions(options, INFO_OPTION_NAMES, "crossEntropy");
  const scale = unitFactor(options);
  const [a, b] = toDistributionPair(p, q);
  let h = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > 0) h -= a[i] * Math.log(b[i]);
  return h * scale;
}

/**
 * Kullback-Leibler divergence KL(p‖q) = Σ p_i log(p_i / q_i) ≥ 0, zero only when p = q; not
 * symmetric (d2l §22.11.5). +Infinity when q_i = 0 where p_i > 0.
 * SciPy: `scipy.stats.entropy(p, q)`.
 *
 * @param p shape (K,)
 * @param q shape (K,)
 * @example
 * ```ts
 * import { klDivergence } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(klDivergence([0.5, 0.5], [0.9, 0.1]), 0.5108, 1e-4);
 * assertAlmostEquals(klDivergence([0.9, 0.1], [0.5, 0.5]), 0.3681, 1e-4); // KL is asymmetric
 * ```
 */
export function klDivergence(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  options: InfoOptions = {},
): number {
  checkOptions(options, INFO_OPTION_NAMES, "klDivergence");
  const scale = unitFactor(options);
  const [a, b] = toDistributionPair(p, q);
  return klNats(a, b) * scale;
}

function klNats(p: Float64Array, q: Float64Array): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    d += p[i] * Math.log(p[i] / q[i]);
  }
  return Math.max(d, 0); // rounding can leave -1e-17 for p = q
}

/**
 * Jensen-Shannon divergence JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m) with m = ½(p + q): symmetric,
 * always finite, at most log 2 (1 bit). Its square root is a metric, which is what SciPy's
 * `scipy.spatial.distance.jensenshannon` returns; see {@link jsDistance}.
 *
 * @param p shape (K,)
 * @param q shape (K,)
 * @example
 * ```ts
 * import { jsDivergence } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(jsDivergence([1, 0], [0, 1], { base: 2 }), 1); // disjoint supports: 1 bit
 * ```
 */
export function jsDivergence(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  options: InfoOptions = {},
): number {
  checkOptions(options, INFO_OPTION_NAMES, "jsDivergence");
  const scale = unitFactor(options);
  const [a, b] = toDistributionPair(p, q);
  const m = a.map((v, i) => 0.5 * (v + b[i]));
  return 0.5 * (klNats(a, m) + klNats(b, m)) * scale;
}

/**
 * The Jensen-Shannon distance √JS(p, q), a metric on distributions; equals SciPy's
 * `scipy.spatial.distance.jensenshannon(p, q, base)`.
 *
 * @param p shape (K,)
 * @param q shape (K,)
 * @example
 * ```ts
 * import { jsDistance } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(jsDistance([1, 0], [0.5, 0.5], { base: 2 }), 0.5579, 1e-4); // √0.3113
 * ```
 */
export function jsDistance(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  options: InfoOptions = {},
): number {
  checkOptions(options, INFO_OPTION_NAMES, "jsDistance");
  return Math.sqrt(jsDivergence(p, q, options));
}
