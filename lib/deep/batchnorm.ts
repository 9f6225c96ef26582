/**
 * Batch normalization over the channels of NCHW tensors (PyTorch's `nn.BatchNorm2d`), with
 * PyTorch's state-dict names: `weight`, `bias`, `running_mean`, `running_var`, `num_batches_tracked`.
 *
 * @module
 */
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
    return tf.tidy(() => {
      const c = [1, this.numFeatures, 1, 1];
      let mean: tf.Tensor, variance: tf.Tensor;
      if (this.training) {
        mean = x.mean([0, 2, 3]);
        variance = x.sub(mean.reshape(c)).square().mean([0, 2, 3]);
        const n = x.size / this.numFeatures, m = this.momentum;
        const unbiased = n > 1 ? variance.mul(n / (n - 1)) : variance;
        // not part of the loss, so no gradient flows through these updates
        this.running_mean.set(this.running_mean.value.mul(1 - m).add(mean.mul(m)));
        this.running_var.set(this.running_var.value.mul(1 - m).add(unbiased.mul(m)));
        this.num_batches_tracked.set(this.num_batches_tracked.value.add(1));
      } else {
        mean = this.running_mean.value;
        variance = this.running_var.value;
      }
      let y = x.sub(mean.reshape(c)).mul(variance.add(this.eps).rsqrt().reshape(c));
      if (this.weight) y = y.mul(this.weight.value.reshape(c));
      if (this.bias) y = y.add(this.bias.value.reshape(c));
      return y;
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
