/**
 * Training CTR models: the FTRL-Proximal optimizer on tfjs variables (McMahan et al. 2013,
 * Algorithm 1, per coordinate), the binary log loss on logits, fast AUC, and `CTRClassifier`,
 * the scikit-learn-style wrapper (`fit(X, y, { validation, epochs, batchSize })`,
 * `predictProba`) around any `CTRModel`.
 *
 * @module
 */
import {
  checkOptions,
  decode,
  encode,
  type EstimatorJSON,
  FORMAT_VERSION,
  NotFittedError,
  optionNames,
  Random,
  readEstimatorJSON,
  ValueError,
} from "../core/mod.ts";
import { tf } from "../deep/mod.ts";
import type { CTRModel } from "./models.ts";
import { buildCTRModel, CTR_MODELS, type CTRModelSpec, isCTRModelName } from "./spec.ts";
import { idTensor, isTable, lookup, setLookupHook, tableReader } from "./lookup.ts";
import { type SparseRule, SparseTables } from "./sparse.ts";

/** Options of `FtrlProximal` (the paper's α, β, λ₁, λ₂). */
export interface FtrlOptions {
  /** α. @default 0.05 */
  alpha?: number;
  /** β. @default 1 */
  beta?: number;
  /** λ₁ (exact zeros where |z| ≤ λ₁). @default 1e-4 */
  l1?: number;
  /** λ₂. @default 0 */
  l2?: number;
}

/**
 * FTRL-Proximal on tfjs variables, per coordinate i with gradient g:
 * σ = (√(n + g²) − √n)/α; z ← z + g − σw; n ← n + g²;
 * w = 0 if |z| ≤ λ₁, else −(z − sgn(z)λ₁) / ((β + √n)/α + λ₂).
 * Coordinates with g = 0 keep z, n and so w. Variables should start at 0 (the paper's w₀).
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { FtrlProximal, tf } from "../mod.ts";
 *
 * const w = tf.variable(tf.zeros([1]));
 * const opt = new FtrlProximal({ alpha: 1, beta: 1, l1: 0, l2: 0 });
 * opt.applyGradients([w], [tf.tensor1d([2])]); // z = 2, n = 4: w = −2 / (1 + 2)
 * assertAlmostEquals(w.dataSync()[0], -2 / 3, 1e-6);
 * ```
 */
export class FtrlProximal {
  /** α, the learning-rate scale. */
  readonly alpha: number;
  /** β, the per-coordinate rate's smoothing. */
  readonly beta: number;
  /** λ₁. */
  readonly l1: number;
  /** λ₂. */
  readonly l2: number;
  readonly #state = new Map<tf.Variable, { z: tf.Variable; n: tf.Variable }>();
  /**
   * Builds the instance.
   * @param options α, β, λ₁, λ₂
   */
  constructor({ alpha = 0.05, beta = 1, l1 = 1e-4, l2 = 0 }: FtrlOptions = {}) {
    this.alpha = alpha;
    this.beta = beta;
    this.l1 = l1;
    this.l2 = l2;
  }
  /** One update of each variable by its gradient. */
  applyGradients(vars: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    tf.tidy(() => {
      vars.forEach((w, i) => {
        let s = this.#state.get(w);
        if (!s) {
          s = { z: tf.variable(tf.zerosLike(w), false), n: tf.variable(tf.zerosLike(w), false) };
          this.#state.set(w, s);
        }
        const g = grads[i];
        const nNew = s.n.add(g.square());
        const sigma = nNew.sqrt().sub(s.n.sqrt()).div(this.alpha);
        const z = s.z.add(g).sub(sigma.mul(w));
        const denom = nNew.sqrt().add(this.beta).div(this.alpha).add(this.l2);
        const shrunk = z.sub(z.sign().mul(this.l1)).neg().div(denom);
        const wNew = tf.where(z.abs().lessEqual(this.l1), tf.zerosLike(w), shrunk);
        s.z.assign(z);
        s.n.assign(nNew);
        w.assign(wNew);
      });
    });
  }
  /** Frees the state. */
  dispose(): void {
    for (const s of this.#state.values()) {
      s.z.dispose();
      s.n.dispose();
    }
    this.#state.clear();
  }
}

/**
 * Mean binary cross-entropy of logits z against labels y, in the stable form
 * max(z, 0) − z y + log(1 + e^{−|z|}).
 */
export function sigmoidCrossEntropy(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() =>
    logits.relu().sub(logits.mul(labels)).add(logits.abs().neg().exp().log1p()).mean() as tf.Scalar
  );
}

/**
 * ROC AUC of scores against 0/1 labels by ranks (ties get average ranks), O(n log n).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { binaryAuc } from "../mod.ts";
 *
 * assertEquals(binaryAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
 * ```
 */
export function binaryAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let pos = 0, rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && score[order[j + 1]] === score[order[i]]) j++;
    const r = (i + j + 2) / 2;
    for (let t = i; t <= j; t++) {
      if (y[order[t]] === 1) {
        pos++;
        rankSum += r;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) throw new ValueError("binaryAuc needs both labels 0 and 1.");
  return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
}

/**
 * Mean log loss of probabilities against 0/1 labels (probabilities clipped to [1e-7, 1 − 1e-7]).
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { binaryLogLoss } from "../mod.ts";
 *
 * assertAlmostEquals(binaryLogLoss([1, 0], [0.5, 0.5]), Math.log(2), 1e-12);
 * ```
 */
export function binaryLogLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / y.length;
}

/** Options of `CTRClassifier`. */
export interface CTRClassifierOptions {
  /**
   * The model: a `CTRModelSpec` ({ name: "deepfm", numIds, fields, ... }, which `toJSON` can
   * save), or a function that builds it (called by `fit`; such a classifier cannot be saved).
   */
  model: CTRModelSpec | (() => CTRModel);
  /** "adam" (default), "adagrad" (Wide & Deep's deep part) or "sgd". */
  optimizer?: "adam" | "adagrad" | "sgd";
  /** Learning rate of the main optimizer. @default 0.002 (adam), 0.05 (adagrad) */
  learningRate?: number;
  /** FTRL settings for the model's wide variables. */
  ftrl?: FtrlOptions;
  /** L2 penalty on the embedding rows used in a batch (×batch mean). @default 0 */
  l2?: number;
  /** Seed of the shuffling. @default 0 */
  seed?: number;
  /**
   * Update the embedding tables sparsely: only the rows a batch touches (`SparseTables`; for
   * Adam this is lazy Adam). @default true
   */
  sparse?: boolean;
}

/** Options of `CTRClassifier.fit`. */
export interface CTRFitOptions {
  /** Passes over the data. @default 1 */
  epochs?: number;
  /** Rows per step. @default 1024 */
  batchSize?: number;
  /** Held-out ids and labels: logloss and AUC after each epoch go to `history`. */
  validation?: [Int32Array, ArrayLike<number>];
  /** Called after each epoch. */
  onEpoch?: (epoch: CTREpochRecord) => void;
}

const CLASSIFIER_OPTIONS = optionNames<CTRClassifierOptions>({
  model: true,
  optimizer: true,
  learningRate: true,
  ftrl: true,
  l2: true,
  seed: true,
  sparse: true,
});
const FIT_OPTIONS = optionNames<CTRFitOptions>({
  epochs: true,
  batchSize: true,
  validation: true,
  onEpoch: true,
});

/** One epoch of `CTRClassifier.history`. */
export interface CTREpochRecord {
  /** 1-based epoch. */
  epoch: number;
  /** Mean training loss. */
  loss: number;
  /** Validation logloss (NaN without validation). */
  valLogLoss: number;
  /** Validation AUC (NaN without validation). */
  valAuc: number;
  /** Seconds spent training this epoch. */
  seconds: number;
}

/**
 * A scikit-learn-style classifier around a CTR model: X is a row-major id matrix (rows × F,
 * from `FeatureSpace.encode`), y the 0/1 labels.
 *
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { CTRClassifier, LRModel } from "../mod.ts";
 *
 * const X = Int32Array.from([0, 2, 0, 3, 1, 2, 1, 3]); // 4 rows × 2 fields
 * const y = [1, 1, 0, 0];
 * const clf = new CTRClassifier({ model: () => new LRModel({ numIds: 4, fields: 2 }), learningRate: 0.1 });
 * clf.fit(X, y, { epochs: 30, batchSize: 4 });
 * const p = clf.predictProba(X);
 * assert(p[0] > 0.5 && p[2] < 0.5);
 * ```
 */
export class CTRClassifier {
  /** The settings given to the constructor. */
  readonly options: CTRClassifierOptions;
  /** Per-epoch records of the last `fit`. */
  history: CTREpochRecord[] = [];
  #model: CTRModel | null = null;
  /**
   * Builds the instance.
   * @param options the model factory and the optimizer settings
   */
  constructor(options: CTRClassifierOptions) {
    checkOptions(options, CLASSIFIER_OPTIONS, "CTRClassifier");
    const m = options.model;
    if (
      typeof m !== "function" && !(m !== null && typeof m === "object" && isCTRModelName(m.name))
    ) {
      throw new ValueError(
        `CTRClassifier needs \`model\`: a spec { name, numIds, fields, ... } with name one of ${
          CTR_MODELS.join(", ")
        }, or a function that builds the model. Got ${
          m !== null && typeof m === "object" ? `a spec named ${JSON.stringify(m.name)}` : m
        }.`,
      );
    }
    this.options = options;
  }
  /** What this estimator does (the project's `EstimatorKind`). */
  static readonly estimatorKind = "classifier";
  /** The class name written by `toJSON` and checked by `fromJSON`. */
  readonly className = "CTRClassifier";
  /** The labels `predict` returns. */
  readonly classes: readonly number[] = [0, 1];
  /** True once `fit` has run (or the classifier was restored fitted). */
  get isFitted(): boolean {
    return this.#model !== null;
  }
  #build(): CTRModel {
    const m = this.options.model;
    return typeof m === "function" ? m() : buildCTRModel(m);
  }
  /** The fitted model. */
  get model(): CTRModel {
    if (!this.#model) throw new NotFittedError("CTRClassifier");
    return this.#model;
  }
  #fields(X: Int32Array, y: ArrayLike<number>, name: string): number {
    if (y.length === 0 || X.length % y.length !== 0) {
      throw new ValueError(
        `${name}: X has ${X.length} ids, not a multiple of the ${y.length} labels.`,
      );
    }
    return X.length / y.length;
  }
  /** Trains a fresh model; returns this. */
  fit(X: Int32Array, y: ArrayLike<number>, options: CTRFitOptions = {}): this {
    checkOptions(options, FIT_OPTIONS, "CTRClassifier.fit");
    const { epochs = 1, batchSize = 1024, validation, onEpoch } = options;
    const F = this.#fields(X, y, "fit");
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 0 && y[i] !== 1) {
        throw new ValueError(`y[${i}] must be 0 or 1. Got ${y[i]} instead.`);
      }
    }
    this.#model?.dispose();
    const model = this.#model = this.#build();
    const kind = this.options.optimizer ?? "adam";
    const lr = this.options.learningRate ?? (kind === "adam" ? 0.002 : 0.05);
    const opt = kind === "adam"
      ? tf.train.adam(lr)
      : kind === "adagrad"
      ? tf.train.adagrad(lr)
      : tf.train.sgd(lr);
    const wide = new Set(model.wideVariables());
    const ftrlOptions = this.options.ftrl ?? {};
    const ftrl = wide.size ? new FtrlProximal(ftrlOptions) : null;
    const tables = this.options.sparse === false ? null : new SparseTables(
      model.parameters().filter((p) => isTable(p) && p.requiresGrad).map((p) => ({
        variable: p.value,
        rule: wide.has(p.value) ? ftrlRule(ftrlOptions) : mainRule(kind, lr),
      })),
    );
    const rng = new Random(this.options.seed ?? 0);
    const n = y.length;
    this.history = [];
    const xb = new Int32Array(batchSize * F), yb = new Float32Array(batchSize);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const t0 = performance.now();
      const order = rng.permutation(n);
      let lossSum = 0, steps = 0;
      for (let s = 0; s < n; s += batchSize) {
        const m = Math.min(batchSize, n - s);
        for (let r = 0; r < m; r++) {
          const i = order[s + r];
          xb.set(X.subarray(i * F, i * F + F), r * F);
          yb[r] = y[i];
        }
        lossSum += this.#step(
          model,
          opt,
          ftrl,
          wide,
          tables,
          xb.subarray(0, m * F),
          yb.subarray(0, m),
          F,
        );
        steps++;
      }
      tables?.sync();
      const rec: CTREpochRecord = {
        epoch,
        loss: lossSum / steps,
        valLogLoss: NaN,
        valAuc: NaN,
        seconds: (performance.now() - t0) / 1000,
      };
      if (validation) {
        const p = this.predictProba(validation[0]);
        rec.valLogLoss = binaryLogLoss(validation[1], p);
        rec.valAuc = binaryAuc(validation[1], p);
      }
      this.history.push(rec);
      onEpoch?.(rec);
    }
    opt.dispose();
    ftrl?.dispose();
    tables?.dispose();
    return this;
  }
  #step(
    model: CTRModel,
    opt: tf.Optimizer,
    ftrl: FtrlProximal | null,
    wide: Set<tf.Variable>,
    tables: SparseTables | null,
    xb: Int32Array,
    yb: Float32Array,
    F: number,
  ): number {
    const loss = tf.tidy(() => {
      const ids = idTensor(xb, [yb.length, F]);
      const labels = tf.tensor1d(yb);
      const dense = model.variables().filter((v) => !tables?.has(v));
      const vars = tables ? [...dense, ...tables.anchors] : dense;
      const l2 = this.options.l2 ?? 0;
      const objective = () => {
        const loss = sigmoidCrossEntropy(model.forward(ids), labels);
        return l2 > 0 ? loss.add(embeddingPenalty(model, ids).mul(l2)) as tf.Scalar : loss;
      };
      const { value, grads } = tables
        ? tables.step(() => tf.variableGrads(objective, vars))
        : tf.variableGrads(objective, vars);
      const main: tf.NamedTensorMap = {};
      const wv: tf.Variable[] = [], wg: tf.Tensor[] = [];
      for (const v of dense) {
        const g = grads[v.name];
        if (!g) continue;
        if (wide.has(v)) {
          wv.push(v);
          wg.push(g);
        } else main[v.name] = g;
      }
      if (Object.keys(main).length) opt.applyGradients(main);
      if (ftrl && wv.length) ftrl.applyGradients(wv, wg);
      return value.dataSync()[0];
    });
    tables?.apply();
    return loss;
  }
  /** Click probabilities of the rows of X. */
  predictProba(X: Int32Array, batchSize = 8192): Float32Array {
    const model = this.model;
    const F = model.variables().length ? this.#inferFields(X) : 0;
    const n = X.length / F;
    const out = new Float32Array(n);
    const was = model.training;
    model.eval();
    const prev = setLookupHook(
      tableReader(model.parameters().filter((p) => isTable(p)).map((p) => p.value)),
    );
    try {
      for (let s = 0; s < n; s += batchSize) {
        const m = Math.min(batchSize, n - s);
        const p = tf.tidy(() =>
          tf.sigmoid(model.forward(idTensor(X.subarray(s * F, (s + m) * F), [m, F])))
        );
        out.set(p.dataSync() as Float32Array, s);
        p.dispose();
      }
    } finally {
      setLookupHook(prev);
      model.train(was);
    }
    return out;
  }
  #fieldsSeen = 0;
  #inferFields(X: Int32Array): number {
    const F = this.#fieldsSeen || (this.#fieldsSeen = fieldsOf(this.model));
    if (X.length % F !== 0) {
      throw new ValueError(`predictProba: X has ${X.length} ids, not a multiple of ${F} fields.`);
    }
    return F;
  }
  /** Labels 0/1: 1 where the click probability is at least 0.5. */
  predict(X: Int32Array): Int32Array {
    return Int32Array.from(this.predictProba(X), (p) => p >= 0.5 ? 1 : 0);
  }
  /** Number of trainable parameters. */
  get parameters(): number {
    return this.model.numParameters();
  }
  /**
   * The classifier as plain JSON in the project's estimator envelope (className,
   * formatVersion, options, state): the options (the model as its spec) and, once fitted, every
   * weight as a Float32Array, so `fromJSON` gives bit-identical predictions.
   */
  toJSON(): EstimatorJSON {
    if (typeof this.options.model === "function") {
      throw new ValueError(
        "CTRClassifier.toJSON needs `model` given as a spec ({ name, numIds, fields, ... }), not a function: a function cannot be saved.",
      );
    }
    const state = this.#model
      ? {
        weights: Object.fromEntries(
          this.#model.namedParameters().map((
            [name, p],
          ) => [name, { shape: [...p.shape], data: p.value.dataSync() as Float32Array }]),
        ),
        history: this.history,
      }
      : null;
    return {
      className: this.className,
      formatVersion: FORMAT_VERSION,
      options: encode(this.options) as Record<string, unknown>,
      state: encode(state),
    };
  }
  /** Restores a classifier saved by `toJSON` (the object or its JSON text). */
  static fromJSON(json: EstimatorJSON | string): CTRClassifier {
    const parsed = readEstimatorJSON(json, "CTRClassifier");
    const clf = new CTRClassifier(decode(parsed.options) as CTRClassifierOptions);
    const state = decode(parsed.state) as
      | {
        weights: Record<string, { shape: number[]; data: Float32Array }>;
        history: CTREpochRecord[];
      }
      | null;
    if (state === null) return clf;
    if (!state || typeof state !== "object" || !state.weights) {
      throw new ValueError("The saved CTRClassifier has a state without 'weights'.");
    }
    const model = clf.#build();
    const expected = model.namedParameters();
    const saved = Object.keys(state.weights);
    const missing = expected.map(([n]) => n).filter((n) => !(n in state.weights));
    const extra = saved.filter((n) => !expected.some(([e]) => e === n));
    if (missing.length || extra.length) {
      model.dispose();
      throw new ValueError(
        `The saved CTRClassifier's weights do not fit its model spec: missing [${missing}], unexpected [${extra}].`,
      );
    }
    for (const [name, p] of expected) {
      const w = state.weights[name];
      if (!(w.data instanceof Float32Array) || w.data.length !== p.size) {
        model.dispose();
        throw new ValueError(
          `The saved weight ${name} must be a Float32Array of ${p.size} values (shape [${p.shape}]). Got ${w.data?.length} values.`,
        );
      }
      tf.tidy(() => p.assign(tf.tensor(w.data, [...p.shape])));
    }
    clf.#model = model;
    clf.history = state.history ?? [];
    return clf;
  }
}

/** The update of the main optimizer as a sparse-table rule. */
function mainRule(kind: "adam" | "adagrad" | "sgd", learningRate: number): SparseRule {
  return { kind, learningRate };
}

/** FTRL settings as a sparse-table rule (the defaults of `FtrlProximal`). */
function ftrlRule({ alpha = 0.05, beta = 1, l1 = 1e-4, l2 = 0 }: FtrlOptions): SparseRule {
  return { kind: "ftrl", alpha, beta, l1, l2 };
}

/** The field count a model was built for (recorded by the models' options). */
function fieldsOf(model: CTRModel): number {
  const f = (model as unknown as { fieldCount?: number }).fieldCount;
  if (!f) throw new ValueError("The model does not record its field count (fieldCount).");
  return f;
}

/** Σ of squared embedding rows used by a batch, for L2 (only tables named like embeddings). */
function embeddingPenalty(model: CTRModel, ids: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    for (const [name, p] of model.namedParameters()) {
      if (/embedding\.weight$|ffm\.weight$/.test(name)) {
        parts.push(lookup(p.value, ids).square().sum().div(ids.shape[0] as number));
      }
    }
    return (parts.length ? tf.addN(parts) : tf.scalar(0)) as tf.Scalar;
  });
}
