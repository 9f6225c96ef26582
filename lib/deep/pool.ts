/**
 * Pooling and flattening of NCHW tensors (PyTorch's `nn.MaxPool2d`, `nn.AvgPool2d`,
 * `nn.AdaptiveAvgPool2d`, `nn.Flatten`), printed in the notes' (Paddle's) notation.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { checkNCHW, convOutputSize, pair, type Size2 } from "./conv.ts";
import { Module } from "./module.ts";

/** Options of the pooling windows. */
export interface Pool2dOptions {
  /** Step of the window. @default kernelSize */
  stride?: Size2;
  /** Padding on each side (−∞ for max pooling, zeros counted in the average for average pooling). @default 0 */
  padding?: Size2;
}

/** What max and average pooling share: window, stride and padding, NCHW in and out. */
export abstract class Pool2d extends Module {
  /** Window height and width. */
  readonly kernelSize: readonly [number, number];
  /** Step of the window, down and across. */
  readonly stride: readonly [number, number];
  /** Padding added above/below and left/right. */
  readonly padding: readonly [number, number];
  readonly #args: [Size2, Size2, Size2];

  /** Checks the sizes; padding may be at most half the window. */
  constructor(kernelSize: Size2, { stride, padding = 0 }: Pool2dOptions = {}) {
    super();
    this.kernelSize = pair(kernelSize, "kernelSize");
    this.stride = pair(stride ?? kernelSize, "stride");
    this.padding = pair(padding, "padding", 0);
    if (this.padding.some((p, i) => 2 * p > this.kernelSize[i])) {
      throw new ValueError(
        `padding must be at most half the kernel size: padding=${padding}, kernelSize=${kernelSize}.`,
      );
    }
    this.#args = [kernelSize, stride ?? kernelSize, padding];
  }

  /** x: (batch, channels, H, W) → (batch, channels, H′, W′). */
  forward(x: tf.Tensor): tf.Tensor {
    checkNCHW(x, this.toString());
    const oh = convOutputSize(
      x.shape[2] as number,
      this.kernelSize[0],
      this.stride[0],
      this.padding[0],
    );
    const ow = convOutputSize(
      x.shape[3] as number,
      this.kernelSize[1],
      this.stride[1],
      this.padding[1],
    );
    if (oh < 1 || ow < 1) {
      throw new ShapeError(
        `${this.toString()}: input of spatial size ${x.shape[2]}×${
          x.shape[3]
        } is smaller than the window.`,
      );
    }
    return tf.tidy(() =>
      this.forwardNHWC(x.transpose([0, 2, 3, 1]) as tf.Tensor4D).transpose([0, 3, 1, 2])
    );
  }

  /** The same pooling of an NHWC tensor (no checks: `forward` makes them). */
  abstract forwardNHWC(h: tf.Tensor4D): tf.Tensor4D;

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    const f = (v: Size2) => typeof v === "number" ? String(v) : `[${v.join(", ")}]`;
    const [k, s, p] = this.#args;
    return `kernel_size=${f(k)}, stride=${f(s)}, padding=${f(p)}`;
  }
}

/**
 * The largest value in each window (PyTorch's `nn.MaxPool2d`); padding counts as −∞.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { MaxPool2d, tf } from "../mod.ts";
 *
 * const pool = new MaxPool2d(3, { stride: 2, padding: 1 });
 * assertEquals(pool.toString(), "MaxPool2D(kernel_size=3, stride=2, padding=1)");
 * assertEquals(pool.forward(tf.zeros([1, 64, 112, 112])).shape, [1, 64, 56, 56]);
 * ```
 */
export class MaxPool2d extends Pool2d {
  #pool?: (h: tf.Tensor4D) => tf.Tensor4D;
  /** The same pooling of an NHWC tensor (no checks: `forward` makes them); padding is never chosen. */
  forwardNHWC(h: tf.Tensor4D): tf.Tensor4D {
    this.#pool ??= maxPoolNHWC(this.kernelSize, this.stride, this.padding);
    return this.#pool(h);
  }
  /** The printed type name, "MaxPool2D". */
  protected override get baseName(): string {
    return "MaxPool2D";
  }
}

/**
 * Max pooling of an NHWC tensor as one differentiable op: the forward is tfjs-backend-wasm's
 * `MaxPool` kernel (XNNPACK), the gradient a loop over the windows that sends each ∂L/∂y to the
 * window's argmax as PyTorch does: the first maximum in row-major window order wins a tie
 * (tfjs's `MaxPoolGrad` picks the last one), padding is never chosen. NaNs: the wasm kernel skips
 * them, and so does the gradient (PyTorch propagates them). The max over the nine strided views
 * it replaces (rank-6 slices, run element by element in JavaScript by the wasm backend) cost about
 * 75× more forward + backward (docs/benchmarks.md, issue 11).
 */
function maxPoolNHWC(
  [kh, kw]: readonly [number, number],
  [sh, sw]: readonly [number, number],
  [ph, pw]: readonly [number, number],
): (h: tf.Tensor4D) => tf.Tensor4D {
  const pad: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [ph, ph],
    [pw, pw],
    [0, 0],
  ];
  return tf.customGrad((x, save) => {
    (save as tf.GradSaveFunc)([x as tf.Tensor]);
    return {
      value: tf.maxPool(x as tf.Tensor4D, [kh, kw], [sh, sw], pad),
      gradFunc: (dy, saved) => {
        const xs = saved[0] as tf.Tensor4D;
        const dx = maxPoolBackward(
          xs.dataSync() as Float32Array,
          xs.shape,
          (dy as tf.Tensor).dataSync() as Float32Array,
          dy.shape as number[],
          [kh, kw, sh, sw, ph, pw],
        );
        return tf.tensor4d(dx, xs.shape);
      },
    };
  }) as (h: tf.Tensor4D) => tf.Tensor4D;
}

/** ∂L/∂x of max pooling: each ∂L/∂y added at its window's first argmax (PyTorch's rule for ties). */
function maxPoolBackward(
  x: Float32Array,
  [n, H, W, c]: number[],
  dy: Float32Array,
  [, oh, ow]: number[],
  [kh, kw, sh, sw, ph, pw]: number[],
): Float32Array {
  const dx = new Float32Array(x.length);
  for (let b = 0; b < n; b++) {
    for (let a = 0; a < oh; a++) {
      const r0 = Math.max(0, a * sh - ph), r1 = Math.min(H, a * sh - ph + kh);
      for (let e = 0; e < ow; e++) {
        const c0 = Math.max(0, e * sw - pw), c1 = Math.min(W, e * sw - pw + kw);
        const o = ((b * oh + a) * ow + e) * c;
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity, at = ((b * H + r0) * W + c0) * c + ch;
          for (let r = r0; r < r1; r++) {
            for (let col = c0; col < c1; col++) {
              const i = ((b * H + r) * W + col) * c + ch, v = x[i];
              if (v > best) {
                best = v;
                at = i;
              }
            }
          }
          dx[at] += dy[o + ch];
        }
      }
    }
  }
  return dx;
}

/**
 * The mean of each window (PyTorch's `nn.AvgPool2d` with count_include_pad: padded zeros count).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { AvgPool2d, tf } from "../mod.ts";
 *
 * const pool = new AvgPool2d(2);
 * assertEquals([...pool.forward(tf.tensor4d([1, 2, 3, 6], [1, 1, 2, 2])).dataSync()], [3]);
 * ```
 */
export class AvgPool2d extends Pool2d {
  /**
   * The same pooling of an NHWC tensor (no checks: `forward` makes them): tfjs's average pooling
   * over the input padded with zeros, which count in the mean.
   */
  forwardNHWC(h: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => {
      const [ph, pw] = this.padding;
      const hp = ph || pw ? tf.pad(h, [[0, 0], [ph, ph], [pw, pw], [0, 0]]) : h;
      return tf.avgPool(
        hp,
        this.kernelSize as [number, number],
        this.stride as [number, number],
        "valid",
      );
    });
  }
  /** The printed type name, "AvgPool2D". */
  protected override get baseName(): string {
    return "AvgPool2D";
  }
}

/**
 * Average pooling to a fixed output size (PyTorch's `nn.AdaptiveAvgPool2d`): output cell i
 * averages rows ⌊iH/oh⌋ … ⌈(i+1)H/oh⌉ − 1 (likewise for columns). `(1, 1)` is the global average
 * of ResNet's head.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { AdaptiveAvgPool2d, tf } from "../mod.ts";
 *
 * const pool = new AdaptiveAvgPool2d([1, 1]);
 * assertEquals(pool.toString(), "AdaptiveAvgPool2D(output_size=(1, 1))");
 * assertEquals([...pool.forward(tf.tensor4d([1, 2, 3, 6], [1, 1, 2, 2])).dataSync()], [3]);
 * ```
 */
export class AdaptiveAvgPool2d extends Module {
  /** [oh, ow]. */
  readonly outputSize: readonly [number, number];

  /**
   * Creates a new AdaptiveAvgPool2d; see the class description.
   * @param outputSize oh × ow
   */
  constructor(outputSize: Size2) {
    super();
    this.outputSize = pair(outputSize, "outputSize");
  }

  /** x (N, C, H, W) → (N, C, oh, ow). */
  forward(x: tf.Tensor): tf.Tensor {
    checkNCHW(x, this.toString());
    const [oh, ow] = this.outputSize;
    const H = x.shape[2] as number, W = x.shape[3] as number;
    return tf.tidy(() => {
      if (oh === 1 && ow === 1) return x.mean([2, 3], true);
      const rows = [];
      for (let i = 0; i < oh; i++) {
        const r0 = Math.floor((i * H) / oh), r1 = Math.ceil(((i + 1) * H) / oh);
        const cols = [];
        for (let j = 0; j < ow; j++) {
          const c0 = Math.floor((j * W) / ow), c1 = Math.ceil(((j + 1) * W) / ow);
          cols.push(x.slice([0, 0, r0, c0], [-1, -1, r1 - r0, c1 - c0]).mean([2, 3]));
        }
        rows.push(tf.stack(cols, 2));
      }
      return tf.stack(rows, 2);
    });
  }

  /** Paddle's notation. */
  override extraRepr(): string {
    return `output_size=(${this.outputSize.join(", ")})`;
  }

  /** The printed type name, "AdaptiveAvgPool2D". */
  protected override get baseName(): string {
    return "AdaptiveAvgPool2D";
  }
}

/**
 * Flattens dimensions startDim … endDim into one (PyTorch's `nn.Flatten`, default 1 … −1).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Flatten, tf } from "../mod.ts";
 *
 * assertEquals(new Flatten().forward(tf.zeros([2, 3, 4, 5])).shape, [2, 60]);
 * ```
 */
export class Flatten extends Module {
  /**
   * Creates a new Flatten; see the class description.
   * @param startDim first dimension merged
   * @param endDim last dimension merged (negative counts from the end)
   */
  constructor(readonly startDim = 1, readonly endDim = -1) {
    super();
  }

  /** Merges the dimensions. */
  forward(x: tf.Tensor): tf.Tensor {
    const r = x.rank;
    const s = this.startDim < 0 ? r + this.startDim : this.startDim;
    const e = this.endDim < 0 ? r + this.endDim : this.endDim;
    if (!(s >= 0 && e < r && s <= e)) {
      throw new ShapeError(
        `Flatten(${this.startDim}, ${this.endDim}) on a tensor of shape [${x.shape}].`,
      );
    }
    const merged = x.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
    return x.reshape([...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
  }

  /** The printed type name, "Flatten". */
  protected override get baseName(): string {
    return "Flatten";
  }
}
