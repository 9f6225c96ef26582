/**
 * Batch normalization over the channels of NCHW tensors (PyTorch's `nn.BatchNorm2d`), with
 * PyTorch's state-dict names: `weight`, `bias`, `running_mean`, `running_var`, `num_batches_tracked`.
 *
 * @module
 */
import { ShapeError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { checkNCHW } from "./conv.ts";
import { Module, ModuleBuffer, ModuleParameter, pyNumber } from "./module.ts";

/** Options of `BatchNorm2d`. */
export interface BatchNorm2dOptions {
  /** Added to the variance. @default 1e-5 */
  eps?: number;
  /** Weight of the new batch in the running averages (PyTorch's convention; Paddle prints 1 − momentum). @default 0.1 */
  momentum?: number;
  /** Learn a per-channel scale `weight` (γ) and shift `bias` (β). @default true */
  affine?: boolean;
}

/**
 * y = γ · (x − μ) / √(σ² + ε) + β per channel. In training mode μ, σ² are the batch's (over N, H,
 * W; biased σ²) and the running averages move: r ← (1 − m)·r + m·batch (unbiased σ² for
 * `running_var`); in eval mode the running averages are used.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 * import { BatchNorm2d, tf } from "../mod.ts";
 *
 * const bn = new BatchNorm2d(2);
 * assertEquals(bn.toString(), "BatchNorm2D(num_features=2, momentum=0.9, epsilon=1e-05)");
 * const x = tf.tensor4d([0, 2, 10, 30], [2, 2, 1, 1]); // channel 0: 0, 10; channel 1: 2, 30
 * const y = bn.forward(x).dataSync();
 * assertAlmostEquals(y[0], -1, 1e-4);
 * assertAlmostEquals(bn.running_mean.value.dataSync()[0], 0.1 * 5, 1e-6);
 * ```
 */
export class BatchNorm2d extends Module {
  /** γ, [numFeatures] (ones), or null without `affine`. */
  readonly weight: ModuleParameter | null;
  /** β, [numFeatures] (zeros), or null. */
  readonly bias: ModuleParameter | null;
  /** Running mean, [numFeatures]. */
  readonly running_mean: ModuleBuffer;
  /** Running variance, [numFeatures]. */
  readonly running_var: ModuleBuffer;
  /** Training batches seen (int32 scalar; PyTorch saves int64). */
  readonly num_batches_tracked: ModuleBuffer;
  /** ε. */
  readonly eps: number;
  /** m. */
  readonly momentum: number;

  /**
   * Creates a new BatchNorm2d; see the class description.
   * @param numFeatures channels C of the (N, C, H, W) input
   * @param options eps, momentum, affine
   */
  constructor(readonly numFeatures: number, options: BatchNorm2dOptions = {}) {
    super();
    const { eps = 1e-5, momentum = 0.1, affine = true } = options;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = affine
      ? new ModuleParameter([numFeatures], { kind: "constant", value: 1 })
      : null;
    this.bias = affine ? new ModuleParameter([numFeatures], { kind: "constant", value: 0 }) : null;
    this.running_mean = new ModuleBuffer({ shape: [numFeatures] });
    this.running_var = new ModuleBuffer(tf.ones([numFeatures]));
    this.num_batches_tracked = new ModuleBuffer({ shape: [], dtype: "int32" });
  }

  /** x (N, C, H, W) → same shape. */
  forward(x: tf.Tensor): tf.Tensor {
    checkNCHW(x, this.toString(), this.numFeatures);
    return tf.tidy(() =>
      this.forwardNHWC(x.transpose([0, 2, 3, 1]) as tf.Tensor4D).transpose([0, 3, 1, 2])
    );
  }

  /**
   * The same normalization of an NHWC tensor (N, H, W, C), for networks that keep tfjs's layout
   * between layers. Seen as an (N·H·W, C) matrix, every statistic is a column sum, computed as a
   * product with a row of ones: tfjs reduces over a leading axis by transposing first, and its
   * broadcast gradients do the same, so training mode has its own gradient (the usual
   * ∂L/∂x = γ/σ · (g − mean(g) − x̂ · mean(g · x̂)), with g = ∂L/∂y).
   */
  forwardNHWC(h: tf.Tensor4D): tf.Tensor4D {
    const C = this.numFeatures;
    if (h.rank !== 4 || h.shape[3] !== C) {
      throw new ShapeError(
        `${this.toString()} expects an NHWC input with ${C} channels last. Got shape [${h.shape}].`,
      );
    }
    return tf.tidy(() => {
      const x = h.reshape([-1, C]) as tf.Tensor2D;
      const gamma = this.weight?.value ?? tf.ones([C]);
      const beta = this.bias?.value ?? tf.zeros([C]);
      let y: tf.Tensor;
      if (this.training) {
        const stats: { mean?: tf.Tensor; variance?: tf.Tensor } = {};
        y = batchNormTrain(this.eps, stats)(x, gamma as tf.Tensor1D, beta as tf.Tensor1D);
        const n = x.shape[0], m = this.momentum;
        const unbiased = n > 1 ? stats.variance!.mul(n / (n - 1)) : stats.variance!;
        // not part of the loss, so no gradient flows through these updates
        this.running_mean.set(this.running_mean.value.mul(1 - m).add(stats.mean!.mul(m)));
        this.running_var.set(this.running_var.value.mul(1 - m).add(unbiased.mul(m)));
        this.num_batches_tracked.set(this.num_batches_tracked.value.add(1));
        tf.dispose([stats.mean!, stats.variance!]);
      } else {
        const scale = this.running_var.value.add(this.eps).rsqrt().mul(gamma);
        y = x.mul(scale).add(beta.sub(this.running_mean.value.mul(scale)));
      }
      return y.reshape(h.shape) as tf.Tensor4D;
    });
  }

  /**
   * Accepts Paddle's buffer names (`_mean`, `_variance`) for PyTorch's `running_mean`,
   * `running_var`; a dict without `num_batches_tracked` (Paddle has none) gets 0.
   */
  override adaptStateDict(dict: Map<string, tf.Tensor>, prefix: string): void {
    for (const [from, to] of [["_mean", "running_mean"], ["_variance", "running_var"]]) {
      const t = dict.get(prefix + from);
      if (t && !dict.has(prefix + to)) {
        dict.delete(prefix + from);
        dict.set(prefix + to, t);
      }
    }
    if (dict.has(prefix + "running_mean") && !dict.has(prefix + "num_batches_tracked")) {
      dict.set(prefix + "num_batches_tracked", tf.scalar(0, "int32"));
    }
  }

  /** Paddle's notation: momentum printed as 1 − m (0.9). */
  override extraRepr(): string {
    return `num_features=${this.numFeatures}, momentum=${pyNumber(1 - this.momentum)}, epsilon=${
      pyNumber(this.eps)
    }`;
  }

  /** The printed type name, "BatchNorm2D". */
  protected override get baseName(): string {
    return "BatchNorm2D";
  }
}

/**
 * Training-mode batch normalization of an (m, C) matrix with its own gradient; the batch mean and
 * biased variance ([C]) are left in `stats` for the running averages (kept: the caller disposes them).
 */
function batchNormTrain(
  eps: number,
  stats: { mean?: tf.Tensor; variance?: tf.Tensor },
): (x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D) => tf.Tensor2D {
  return tf.customGrad((x, gamma, beta, save) => {
    const xs = x as tf.Tensor2D, [m, C] = xs.shape;
    const avg = tf.fill([1, m], 1 / m) as tf.Tensor2D; // column means as one product
    const mean = tf.matMul(avg, xs);
    const xc = xs.sub(mean);
    const variance = tf.matMul(avg, xc.square() as tf.Tensor2D);
    const rstd = variance.add(eps).rsqrt();
    const xhat = xc.mul(rstd);
    // kept past customGrad's scope; the caller disposes them
    stats.mean = tf.keep(mean.reshape([C]));
    stats.variance = tf.keep(variance.reshape([C]));
    (save as tf.GradSaveFunc)([xhat, rstd, gamma as tf.Tensor]);
    return {
      value: xhat.mul(gamma as tf.Tensor).add(beta as tf.Tensor) as tf.Tensor2D,
      gradFunc: (dy, saved) => {
        const [xh, r, g] = saved;
        const ones = tf.ones([1, m]) as tf.Tensor2D;
        const dBeta = tf.matMul(ones, dy as tf.Tensor2D); // (1, C)
        const dGamma = tf.matMul(ones, (dy as tf.Tensor).mul(xh) as tf.Tensor2D);
        const dx = (dy as tf.Tensor).sub(dBeta.div(m)).sub(xh.mul(dGamma.div(m)))
          .mul(r.mul(g));
        return [dx, dGamma.reshape([C]), dBeta.reshape([C])];
      },
    };
  }) as (x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D) => tf.Tensor2D;
}
