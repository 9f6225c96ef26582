/**
 * Naive Bayes for categorical features, 李航《统计学习方法》第4章 (算法4.1):
 * P(X⁽ʲ⁾ = a_jl | Y = c_k) = (Σᵢ I(x_i⁽ʲ⁾ = a_jl, yᵢ = c_k) + λ) / (Σᵢ I(yᵢ = c_k) + S_j λ)  (式 4.10),
 * with λ = 0 the maximum-likelihood estimate (式 4.9, 例4.1) and λ = 1 Laplace smoothing (例4.2);
 * S_j is the number of values feature j takes in the training data.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import { checkBoolean, checkNumber, checkOptions } from "../core/options.ts";
import type { LabelLike } from "../core/validation.ts";
import { uniqueLabels } from "../core/labels.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import { classLogPrior, NaiveBayes, type NaiveBayesState } from "./base.ts";
import { weightedClassCount } from "./weights.ts";
import { type CategoryMatrixLike, type CategoryValue, toCategoryRows } from "./categories.ts";

/** Options of {@link CategoricalNB}. */
export interface CategoricalNBOptions {
  /** λ ≥ 0 added to every category count (式 4.10); 0 gives the maximum-likelihood estimate. @default 1 */
  alpha: number;
  /**
   * Smooth the class prior with the same λ, P(Y = c) = (N_c + λ) / (N + Kλ) (式 4.11), as the book
   * does in 例4.2. false: the frequency N_c / N, as scikit-learn does. @default false
   */
  smoothPrior: boolean;
  /** Learn the class prior from the data; false: uniform. @default true */
  fitPrior: boolean;
  /** Explicit class prior (sorted class order); overrides the other prior options. @default null */
  classPrior: number[] | null;
}

/** What {@link CategoricalNB} learns (saved by `toJSON`). */
export interface CategoricalState extends NaiveBayesState {
  /** Per feature, the sorted values seen in training (a_j1, …, a_jS_j). */
  categories: CategoryValue[][];
  /** Per feature, the counts N_{c,l} in a (nClasses, S_j) matrix. */
  categoryCount: Matrix[];
}

/**
 * Categorical naive Bayes (the book's discrete naive Bayes).
 *
 * A category never seen in training for a feature is rejected at predict time (it has no row in
 * the count tables); categories may be strings or numbers, each feature independently.
 *
 * @example
 * ```ts
 * import { CategoricalNB } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * // 李航 例4.1: X⁽¹⁾ ∈ {1, 2, 3}, X⁽²⁾ ∈ {S, M, L}
 * const x1 = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
 * const x2 = ["S", "M", "M", "S", "S", "S", "M", "M", "L", "L", "L", "M", "M", "L", "L"];
 * const Y = [-1, -1, 1, 1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1, -1];
 * const X = x1.map((v, i) => [v, x2[i]]);
 * // λ = 0: x = (2, "S") scores 1/15 for Y = −1 and 1/45 for Y = 1, so ŷ = −1
 * const nb = new CategoricalNB({ alpha: 0 }).fit(X, Y);
 * const [[minus, plus]] = nb.jointScores([[2, "S"]]).toArray(); // classes [-1, 1]
 * assertAlmostEquals(minus, 1 / 15);
 * assertAlmostEquals(plus, 1 / 45);
 * assertEquals(nb.predict([[2, "S"]]), [-1]);
 * ```
 */
export class CategoricalNB
  extends NaiveBayes<CategoricalNBOptions, CategoricalState, CategoryMatrixLike> {
  /** "CategoricalNB", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "CategoricalNB";

  /**
   * Creates an unfitted CategoricalNB; see {@link CategoricalNBOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<CategoricalNBOptions> = {}) {
    super({ alpha: 1, smoothPrior: false, fitPrior: true, classPrior: null }, options);
    checkNumber("alpha", this.options.alpha, { min: 0 });
    checkBoolean("smoothPrior", this.options.smoothPrior);
    checkBoolean("fitPrior", this.options.fitPrior);
  }

  /**
   * Counts (class, feature value) pairs.
   * @param X categories, shape (nSamples, nFeatures)
   * @param y labels, shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,): weighted counts
   */
  fit(X: CategoryMatrixLike, y: LabelLike, fitOptions: FitOptions = {}): this {
    const rows = toCategoryRows(X, "X");
    const { classes, indices: codes } = this.encodeTarget(y, rows.length, 1);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, rows.length);
    const classCount = weightedClassCount(codes, classes, w);
    const k = classes.length, d = rows[0].length;
    const categories: CategoryValue[][] = [];
    const categoryCount: Matrix[] = [];
    for (let j = 0; j < d; j++) {
      const values = uniqueLabels(rows.map((r) => r[j]));
      const index = new Map(values.map((v, l) => [v, l]));
      const counts = new Matrix(k, values.length);
      for (let i = 0; i < rows.length; i++) {
        counts.data[codes[i] * values.length + index.get(rows[i][j])!] += w ? w[i] : 1;
      }
      categories.push(values);
      categoryCount.push(counts);
    }
    const { alpha, smoothPrior, fitPrior, classPrior } = this.options;
    const logPrior = classLogPrior(classCount, {
      prior: classPrior,
      fitPrior,
      smoothing: smoothPrior ? alpha : 0,
    });
    this.state = {
      classes,
      classCount,
      classLogPrior: logPrior,
      categories,
      categoryCount,
      nFeaturesIn: d,
    };
    return this;
  }

  /** Per feature, the sorted category values seen in training. */
  get categories(): CategoryValue[][] {
    return this.fitted().categories.map((v) => [...v]);
  }

  /** P(Y = c), computed as the ratio itself rather than exp(log(·)). */
  override get classPrior(): Float64Array {
    return this.priorProbabilities();
  }

  /** Per feature, N_{c,l}: a (nClasses, nCategories_j) count matrix. */
  get categoryCount(): Matrix[] {
    return this.fitted().categoryCount.map((m) => m.clone());
  }

  /**
   * Per feature, P(X⁽ʲ⁾ = a_jl | Y = c) (式 4.10) as a (nClasses, nCategories_j) matrix.
   */
  get featureProb(): Matrix[] {
    const { categoryCount, classCount } = this.fitted();
    const alpha = this.options.alpha;
    return categoryCount.map((counts) =>
      counts.map((n, c) => (n + alpha) / (classCount[c] + counts.cols * alpha))
    );
  }

  /** Per feature, log P(X⁽ʲ⁾ = a_jl | Y = c). */
  get featureLogProb(): Matrix[] {
    return this.featureProb.map((m) => m.map(Math.log));
  }

  /**
   * The book's unnormalised posterior P(Y = c) Π_j P(X⁽ʲ⁾ = x⁽ʲ⁾ | Y = c), multiplied directly
   * (no logarithms), so 例4.1's 1/45 and 1/15 come out to the last digits.
   * @param X categories, shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses)
   */
  jointScores(X: CategoryMatrixLike): Matrix {
    const { classLogPrior } = this.fitted();
    const prior = this.priorProbabilities();
    const codes = this.encodeX(X);
    const probs = this.featureProb;
    const k = classLogPrior.length, n = codes.length;
    const out = new Matrix(n, k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = prior[c];
        for (let j = 0; j < probs.length; j++) s *= probs[j].get(c, codes[i][j]);
        out.data[i * k + c] = s;
      }
    }
    return out;
  }

  /** log P(c) + Σⱼ log P(x⁽ʲ⁾ | c) per sample and class, shape (nSamples, nClasses). */
  predictJointLogProba(X: CategoryMatrixLike): Matrix {
    const { classLogPrior } = this.fitted();
    const codes = this.encodeX(X);
    const logProbs = this.featureLogProb;
    const k = classLogPrior.length, n = codes.length;
    const out = new Matrix(n, k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = classLogPrior[c];
        for (let j = 0; j < logProbs.length; j++) s += logProbs[j].get(c, codes[i][j]);
        out.data[i * k + c] = s;
      }
    }
    return out;
  }

  /** P(Y = c) as exact ratios where possible (avoids exp(log(·)) rounding in `jointScores`). */
  private priorProbabilities(): Float64Array {
    const { classCount } = this.fitted();
    const { classPrior, fitPrior, smoothPrior, alpha } = this.options;
    if (classPrior) return Float64Array.from(classPrior);
    const k = classCount.length;
    if (!fitPrior) return new Float64Array(k).fill(1 / k);
    const lambda = smoothPrior ? alpha : 0;
    let total = 0;
    for (const n of classCount) total += n;
    return Float64Array.from(classCount, (n) => (n + lambda) / (total + k * lambda));
  }

  /** Maps each value of X to its category index, rejecting unseen values. */
  private encodeX(X: CategoryMatrixLike): number[][] {
    const { categories, nFeaturesIn } = this.fitted();
    const rows = toCategoryRows(X, "X");
    if (rows[0].length !== nFeaturesIn) {
      throw new ShapeError(
        `X has ${
          rows[0].length
        } features, but CategoricalNB is expecting ${nFeaturesIn} features as input.`,
      );
    }
    const index = categories.map((values) => new Map(values.map((v, l) => [v, l])));
    return rows.map((r, i) =>
      r.map((v, j) => {
        const l = index[j].get(v);
        if (l === undefined) {
          throw new ValueError(
            `X has category ${JSON.stringify(v)} in feature ${j} (row ${i}), which was not seen ` +
              `during fit. Known: ${categories[j].map((c) => JSON.stringify(c)).join(", ")}.`,
          );
        }
        return l;
      })
    );
  }
}
