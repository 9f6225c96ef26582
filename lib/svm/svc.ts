/**
 * Support vector classification, 李航《统计学习方法》第7章, as scikit-learn's `SVC` (libsvm):
 * the dual (7.98)–(7.100) solved by SMO (§7.4), the decision function
 * f(x) = Σᵢ αᵢ yᵢ K(xᵢ, x) + b (7.104) over the support vectors (αᵢ > 0), one binary machine per
 * pair of classes (one-vs-one), and optional Platt-scaled probabilities.
 *
 * @module
 */
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  ClassifierEstimator,
  type ClassifierState,
  ConvergenceWarning,
  type Label,
  type LabelLike,
  Matrix,
  type MatrixLike,
  Random,
  toMatrix,
  ValueError,
  warn,
} from "../core/mod.ts";
import {
  checkPositiveSemiDefinite,
  type KernelName,
  type KernelSpec,
  kernelValue,
  resolveGamma,
} from "./kernels.ts";
import { couplePairwise, fitSigmoid, type PlattSigmoid, sigmoidProbability } from "./platt.ts";
import { smo } from "./smo.ts";

/** Options of {@link SVC}. */
export interface SVCOptions {
  /** K(x, z): "linear" x·z, "poly" (γ x·z + coef0)^degree, "rbf" exp(−γ‖x − z‖²), "sigmoid" tanh(γ x·z + coef0). @default "rbf" */
  kernel: KernelName;
  /** Penalty C > 0 of the slack variables (7.32); `Infinity` is the hard margin of §7.1. @default 1 */
  C: number;
  /** γ of poly/rbf/sigmoid: a number, "scale" = 1/(nFeatures·Var(X)) or "auto" = 1/nFeatures. @default "scale" */
  gamma: number | "scale" | "auto";
  /** Degree of the polynomial kernel. @default 3 */
  degree: number;
  /** coef0 of the poly and sigmoid kernels. @default 0 */
  coef0: number;
  /** Stopping tolerance on the KKT violation (libsvm's eps). @default 1e-3 */
  tol: number;
  /** Most SMO pair updates per binary machine. @default 10000000 */
  maxIter: number;
  /** Pair choice: "wss3" (libsvm's second-order rule) or "book" (§7.4.2, Platt). @default "wss3" */
  selection: "wss3" | "book";
  /** Fit Platt's sigmoid by 5-fold cross-validation so that `predictProba` works. @default false */
  probability: boolean;
  /** Seed of the cross-validation folds of `probability`. @default 0 */
  seed: number;
}

const DEFAULTS: SVCOptions = {
  kernel: "rbf",
  C: 1,
  gamma: "scale",
  degree: 3,
  coef0: 0,
  tol: 1e-3,
  maxIter: 10_000_000,
  selection: "wss3",
  probability: false,
  seed: 0,
};

/** One binary machine of the one-vs-one scheme: class `i` is +1, class `j` is −1 (libsvm). */
export interface SVCPairModel {
  /** Index of the class that is +1 in this machine. */
  i: number;
  /** Index of the class that is −1. */
  j: number;
  /** Positions in the global support-vector list. */
  sv: Int32Array;
  /** αₜ yₜ for those support vectors. */
  coef: Float64Array;
  /** b of f(x) = Σ αₜ yₜ K(xₜ, x) + b. */
  b: number;
  /** SMO pair updates used. */
  nIter: number;
  /** Whether SMO met the tolerance. */
  converged: boolean;
  /** Platt's sigmoid (A, B), or null without `probability`. */
  sigmoid: PlattSigmoid | null;
}

/** What {@link SVC} learns (saved by `toJSON`). */
export interface SVCState extends ClassifierState {
  /** The kernel with its resolved γ. */
  spec: KernelSpec;
  /** The support vectors, grouped by class. */
  supportVectors: Matrix;
  /** Their rows in the training X. */
  supportIndices: Int32Array;
  /** Support vectors per class. */
  nSupport: Int32Array;
  /** One binary machine per pair of classes. */
  pairs: SVCPairModel[];
}

/**
 * C-support vector classifier trained by SMO; binary or one-vs-one multiclass, as scikit-learn.
 *
 * @example
 * ```ts
 * import { SVC } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // 例7.1/7.2: x₁ = (3, 3), x₂ = (4, 3) positive, x₃ = (1, 1) negative, hard margin.
 * const svm = new SVC({ kernel: "linear", C: Infinity }).fit([[3, 3], [4, 3], [1, 1]], [1, 1, -1]);
 * assertEquals(svm.coef.toArray(), [[0.5, 0.5]]); // w = (1/2, 1/2)
 * assertEquals(Array.from(svm.intercept), [-2]); // b = −2
 * assertEquals(svm.dualCoef.toArray(), [[-0.25, 0.25]]); // α₃y₃, α₁y₁ (α₂ = 0)
 * ```
 */
export class SVC extends ClassifierEstimator<SVCOptions, SVCState> {
  /** The class name used by `toJSON`/`fromJSON`. */
  readonly className = "SVC";

  /**
   * Stores the options (checked here; nothing is trained until `fit`).
   * @param options hyperparameters, merged over the defaults of {@link SVCOptions}
   */
  constructor(options: Partial<SVCOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkOneOf("kernel", o.kernel, ["linear", "poly", "rbf", "sigmoid"] as const);
    if (!(typeof o.C === "number" && o.C > 0 && !Number.isNaN(o.C))) {
      throw new ValueError(
        `The 'C' option must be a number > 0 (Infinity for the hard margin). Got ${o.C} instead.`,
      );
    }
    if (typeof o.gamma !== "string") checkNumber("gamma", o.gamma, { min: 0, exclusiveMin: true });
    else checkOneOf("gamma", o.gamma, ["scale", "auto"] as const);
    checkInteger("degree", o.degree, 0);
    checkNumber("coef0", o.coef0);
    checkNumber("tol", o.tol, { min: 0, exclusiveMin: true });
    checkInteger("maxIter", o.maxIter, 1);
    checkOneOf("selection", o.selection, ["wss3", "book"] as const);
    checkBoolean("probability", o.probability);
    checkInteger("seed", o.seed);
  }

  /**
   * Trains one machine per pair of classes.
   * @param X shape (nSamples, nFeatures)
   * @param y labels (numbers or strings), at least two classes
   */
  fit(X: MatrixLike, y: LabelLike): this {
    const m = toMatrix(X, "X");
    const { classes, indices } = this.encodeTarget(y, m.rows);
    const code = Array.from(indices);
    const o = this.options;
    const spec: KernelSpec = {
      kernel: o.kernel,
      gamma: resolveGamma(o.gamma, m),
      degree: o.degree,
      coef0: o.coef0,
    };
    if (o.kernel === "sigmoid" && o.C === Infinity) {
      checkPositiveSemiDefinite(
        spec,
        m,
        "With C = Infinity (hard margin) the dual is then unbounded; use a finite C.",
      );
    }
    const byClass = classes.map((_, c) => code.flatMap((k, r) => (k === c ? [r] : [])));
    // Train every pair; a row is a support vector of the model if it is one in any pair.
    const raw: {
      i: number;
      j: number;
      rows: number[];
      alphaY: Float64Array;
      b: number;
      nIter: number;
      converged: boolean;
      sigmoid: PlattSigmoid | null;
    }[] = [];
    const isSv = new Uint8Array(m.rows);
    for (let i = 0; i < classes.length; i++) {
      for (let j = i + 1; j < classes.length; j++) {
        const rows = [...byClass[i], ...byClass[j]];
        const sign = Float64Array.from(rows, (r) => (code[r] === i ? 1 : -1));
        const r = trainBinary(m, rows, sign, spec, o);
        const alphaY = Float64Array.from(r.alpha, (a, t) => a * sign[t]);
        rows.forEach((row, t) => {
          if (r.alpha[t] > 0) isSv[row] = 1;
        });
        const sigmoid = o.probability ? crossValidatedSigmoid(m, rows, sign, spec, o) : null;
        raw.push({ i, j, rows, alphaY, b: r.b, nIter: r.nIter, converged: r.converged, sigmoid });
      }
    }
    const supportIndices = Int32Array.from(byClass.flat().filter((r) => isSv[r]));
    const position = new Map<number, number>();
    supportIndices.forEach((r, k) => position.set(r, k));
    const pairs: SVCPairModel[] = raw.map((p) => {
      const keep = p.rows.flatMap((r, t) => (isSv[r] && p.alphaY[t] !== 0 ? [t] : []));
      return {
        i: p.i,
        j: p.j,
        sv: Int32Array.from(keep, (t) => position.get(p.rows[t])!),
        coef: Float64Array.from(keep, (t) => p.alphaY[t]),
        b: p.b,
        nIter: p.nIter,
        converged: p.converged,
        sigmoid: p.sigmoid,
      };
    });
    const notConverged = pairs.filter((p) => !p.converged).length;
    if (notConverged > 0) {
      warn(
        new ConvergenceWarning(
          `SVC: ${notConverged} of ${pairs.length} SMO runs stopped at maxIter=${o.maxIter} before the KKT tolerance ${o.tol}.` +
            " Raise maxIter; for C = Infinity check that the classes are separable.",
        ),
      );
    }
    this.state = {
      classes,
      spec,
      supportVectors: m.selectRows(supportIndices),
      supportIndices,
      nSupport: Int32Array.from(byClass, (rows) => rows.filter((r) => isSv[r]).length),
      pairs,
      nFeaturesIn: m.cols,
    };
    return this;
  }

  /** The support vectors, shape (nSV, nFeatures), grouped by class as scikit-learn's `support_vectors_`. */
  get supportVectors(): Matrix {
    return this.fitted().supportVectors.clone();
  }

  /** Row indices of the support vectors in the training X (scikit-learn's `support_`). */
  get supportIndices(): Int32Array {
    return this.fitted().supportIndices.slice();
  }

  /** Number of support vectors per class (`n_support_`). */
  get nSupport(): Int32Array {
    return this.fitted().nSupport.slice();
  }

  /** The γ the kernel used ("scale"/"auto" resolved at fit). */
  get gamma(): number {
    return this.fitted().spec.gamma;
  }

  /**
   * αᵢyᵢ, shape (nClasses − 1, nSV), in scikit-learn's `dual_coef_` layout: for the machine of
   * classes (i, j) the coefficients of class-i vectors sit in row j − 1, those of class j in row i.
   * Binary: one row, positive for the second class.
   */
  get dualCoef(): Matrix {
    const { classes, pairs, supportIndices } = this.fitted();
    const out = new Matrix(classes.length - 1, supportIndices.length);
    const flip = classes.length === 2 ? -1 : 1;
    const classOf = this.svClasses();
    for (const p of pairs) {
      p.sv.forEach((s, t) => {
        const row = classOf[s] === p.i ? p.j - 1 : p.i;
        out.set(row, s, flip * p.coef[t]);
      });
    }
    return out;
  }

  /** w = Σ αᵢyᵢxᵢ per machine, shape (nPairs, nFeatures); linear kernel only (`coef_`). */
  get coef(): Matrix {
    const { pairs, supportVectors: sv, classes } = this.fitted();
    if (this.options.kernel !== "linear") {
      throw new ValueError(
        `coef is only available when kernel is "linear". Got "${this.options.kernel}".`,
      );
    }
    const flip = classes.length === 2 ? -1 : 1;
    const out = new Matrix(pairs.length, sv.cols);
    pairs.forEach((p, k) => {
      p.sv.forEach((s, t) => {
        for (let l = 0; l < sv.cols; l++) {
          out.data[k * sv.cols + l] += flip * p.coef[t] * sv.get(s, l);
        }
      });
    });
    return out;
  }

  /** b per machine (`intercept_`), shape (nPairs,). */
  get intercept(): Float64Array {
    const { pairs, classes } = this.fitted();
    const flip = classes.length === 2 ? -1 : 1;
    return Float64Array.from(pairs, (p) => flip * p.b);
  }

  /** SMO pair updates per machine. */
  get nIter(): Int32Array {
    return Int32Array.from(this.fitted().pairs, (p) => p.nIter);
  }

  /** Whether every machine met the KKT tolerance. */
  get converged(): boolean {
    return this.fitted().pairs.every((p) => p.converged);
  }

  /**
   * Binary: f(x) = Σ αᵢyᵢK(xᵢ, x) + b, shape (nSamples,), positive for the second class.
   * Multiclass: scikit-learn's one-vs-rest shape, shape (nSamples, nClasses): votes plus
   * squashed summed confidences. `decisionFunctionOvo` gives the raw pairwise values.
   * @param X shape (nSamples, nFeatures)
   */
  decisionFunction(X: MatrixLike): Float64Array | Matrix {
    const { classes } = this.fitted();
    const ovo = this.decisionFunctionOvo(X);
    if (classes.length === 2) return Float64Array.from(ovo.data, (v) => -v);
    return ovrFromOvo(ovo, this.fitted().pairs, classes.length);
  }

  /** The pairwise decision values, shape (nSamples, nPairs), pair (i, j) positive for class i. */
  decisionFunctionOvo(X: MatrixLike): Matrix {
    const { spec, supportVectors: sv, pairs } = this.fitted();
    const m = this.checkPredictX(X);
    const out = new Matrix(m.rows, pairs.length);
    const k = new Float64Array(sv.rows);
    for (let r = 0; r < m.rows; r++) {
      for (let s = 0; s < sv.rows; s++) k[s] = kernelValue(spec, sv.data, s, m.data, r, m.cols);
      pairs.forEach((p, q) => {
        let f = p.b;
        for (let t = 0; t < p.sv.length; t++) f += p.coef[t] * k[p.sv[t]];
        out.data[r * pairs.length + q] = f;
      });
    }
    return out;
  }

  /**
   * Labels by one-vs-one voting (binary: the sign of f(x), f = 0 going to the first class as libsvm).
   * @param X shape (nSamples, nFeatures)
   */
  predict(X: MatrixLike): Label[] {
    const { classes, pairs } = this.fitted();
    const ovo = this.decisionFunctionOvo(X);
    return Array.from({ length: ovo.rows }, (_, r) => {
      const votes = new Int32Array(classes.length);
      pairs.forEach((p, q) => votes[ovo.data[r * pairs.length + q] > 0 ? p.i : p.j]++);
      let best = 0;
      for (let c = 1; c < classes.length; c++) if (votes[c] > votes[best]) best = c;
      return classes[best];
    });
  }

  /**
   * Platt-scaled probabilities, shape (nSamples, nClasses); needs `probability: true`.
   * Binary: the sigmoid of f(x); multiclass: pairwise sigmoids coupled (Wu, Lin & Weng).
   * @param X shape (nSamples, nFeatures)
   */
  predictProba(X: MatrixLike): Matrix {
    const { classes, pairs } = this.fitted();
    if (!this.options.probability) {
      throw new ValueError("predictProba needs an SVC fitted with probability: true.");
    }
    const k = classes.length;
    const ovo = this.decisionFunctionOvo(X);
    const out = new Matrix(ovo.rows, k);
    for (let r = 0; r < ovo.rows; r++) {
      const pr = Array.from({ length: k }, () => new Array<number>(k).fill(0));
      pairs.forEach((p, q) => {
        const v = sigmoidProbability(p.sigmoid!, ovo.data[r * pairs.length + q]);
        const c = Math.min(Math.max(v, 1e-7), 1 - 1e-7);
        pr[p.i][p.j] = c;
        pr[p.j][p.i] = 1 - c;
      });
      const probs = k === 2 ? [pr[0][1], pr[1][0]] : couplePairwise(pr);
      for (let c = 0; c < k; c++) out.data[r * k + c] = probs[c];
    }
    return out;
  }

  /** The class index of each support vector. */
  private svClasses(): Int32Array {
    const { nSupport, supportIndices } = this.fitted();
    const out = new Int32Array(supportIndices.length);
    let s = 0;
    nSupport.forEach((count, c) => {
      for (let t = 0; t < count; t++) out[s++] = c;
    });
    return out;
  }
}

/** SMO on the rows `rows` of X with labels `sign` ∈ {−1, +1}. */
function trainBinary(
  X: Matrix,
  rows: number[],
  sign: Float64Array,
  spec: KernelSpec,
  o: SVCOptions,
): ReturnType<typeof smo> {
  const x = X.selectRows(rows).data;
  return smo({
    x,
    y: sign,
    d: X.cols,
    spec,
    C: o.C,
    tol: o.tol,
    maxIter: o.maxIter,
    selection: o.selection,
  });
}

/** libsvm's svm_binary_svc_probability: decision values from 5 seeded folds, then Platt's fit. */
function crossValidatedSigmoid(
  X: Matrix,
  rows: number[],
  sign: Float64Array,
  spec: KernelSpec,
  o: SVCOptions,
): PlattSigmoid {
  const n = rows.length, folds = 5;
  const perm = new Random(o.seed).permutation(n);
  const dec = new Float64Array(n);
  for (let f = 0; f < folds; f++) {
    const begin = Math.floor((f * n) / folds), end = Math.floor(((f + 1) * n) / folds);
    const test = Array.from(perm.subarray(begin, end));
    const train = [...perm.subarray(0, begin), ...perm.subarray(end)];
    const pos = train.filter((t) => sign[t] > 0).length, neg = train.length - pos;
    if (pos === 0 || neg === 0) {
      for (const t of test) dec[t] = pos > 0 ? 1 : neg > 0 ? -1 : 0;
      continue;
    }
    const trainSign = Float64Array.from(train, (t) => sign[t]);
    const r = trainBinary(X, train.map((t) => rows[t]), trainSign, spec, o);
    for (const t of test) {
      let v = r.b;
      train.forEach((u, q) => {
        if (r.alpha[q] > 0) {
          v += r.alpha[q] * trainSign[q] *
            kernelValue(spec, X.data, rows[u], X.data, rows[t], X.cols);
        }
      });
      dec[t] = v;
    }
  }
  return fitSigmoid(dec, sign);
}

/** scikit-learn's `_ovr_decision_function`: votes + Σconfidence / (3(|Σconfidence| + 1)). */
function ovrFromOvo(ovo: Matrix, pairs: SVCPairModel[], k: number): Matrix {
  const out = new Matrix(ovo.rows, k);
  for (let r = 0; r < ovo.rows; r++) {
    const votes = new Float64Array(k), conf = new Float64Array(k);
    pairs.forEach((p, q) => {
      const v = ovo.data[r * pairs.length + q];
      conf[p.i] += v;
      conf[p.j] -= v;
      votes[v >= 0 ? p.i : p.j]++;
    });
    for (let c = 0; c < k; c++) {
      out.data[r * k + c] = votes[c] + conf[c] / (3 * (Math.abs(conf[c]) + 1));
    }
  }
  return out;
}
