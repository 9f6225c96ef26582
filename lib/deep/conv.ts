/**
 * 2-D convolution (PyTorch's `nn.Conv2d`): NCHW tensors and `weight` [out, in/groups, kh, kw] at
 * the API, as PyTorch and Paddle; tfjs computes in NHWC inside. Printed in the notes' (Paddle's)
 * notation: `Conv2D(3, 64, kernel_size=[7, 7], stride=[2, 2], padding=3, data_format=NCHW)`.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { fanInUniform, type Initializer } from "./init.ts";
import { Module, ModuleParameter } from "./module.ts";

/** A size given as one number (both dimensions) or as [height, width]. */
export type Size2 = number | readonly [number, number];

/** Options of `Conv2d` (PyTorch's keyword arguments in camelCase). */
export interface Conv2dOptions {
  /** Step of the kernel. @default 1 */
  stride?: Size2;
  /** Zeros added on each side. @default 0 */
  padding?: Size2;
  /** Spacing between kernel taps. @default 1 */
  dilation?: Size2;
  /** Channel groups (inChannels and outChannels must both divide). @default 1 */
  groups?: number;
  /** Add a learned bias per output channel. @default true */
  bias?: boolean;
  /** Initial weights. @default U(±1/√(in/groups·kh·kw)), PyTorch's default */
  init?: Initializer;
}

/** [a, a] for a number, the pair itself otherwise; checks non-negative integers (positive if `min` is 1). */
export function pair(v: Size2, name: string, min = 1): [number, number] {
  const p: [number, number] = typeof v === "number" ? [v, v] : [v[0], v[1]];
  if (!p.every((x) => Number.isInteger(x) && x >= min)) {
    throw new ValueError(`${name} must be integers >= ${min}. Got ${JSON.stringify(v)} instead.`);
  }
  return p;
}

/** The output length of a convolution or pooling window: ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1. */
export function convOutputSize(n: number, k: number, s = 1, p = 0, d = 1): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

/** Checks an NCHW input: rank 4, `channels` channels, and a spatial size the window fits. */
export function checkNCHW(x: tf.Tensor, layer: string, channels?: number): void {
  if (!(x instanceof tf.Tensor) || x.rank !== 4) {
    throw new ShapeError(
      `${layer} expects an NCHW input of rank 4. Got shape [${(x as tf.Tensor)?.shape}].`,
    );
  }
  if (channels !== undefined && x.shape[1] !== channels) {
    throw new ShapeError(
      `${layer} expects ${channels} input channels. Got ${x.shape[1]} (input shape [${x.shape}]).`,
    );
  }
}

/**
 * y[n, o] = b[o] + Σ_c Σ_ij w[o, c, i, j] · x_pad[n, c, s·h + d·i, s·w + d·j] (a cross-correlation,
 * as every framework computes). Output size per dimension ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Conv2d, tf } from "../mod.ts";
 *
 * const conv = new Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false });
 * assertEquals(conv.toString(), "Conv2D(3, 64, kernel_size=[7, 7], stride=[2, 2], padding=3, data_format=NCHW)");
 * assertEquals(conv.forward(tf.zeros([1, 3, 224, 224])).shape, [1, 64, 112, 112]);
 * assertEquals(conv.numParameters(), 64 * 3 * 7 * 7);
 * ```
 */
export class Conv2d extends Module {
  /** [outChannels, inChannels / groups, kh, kw]. */
  readonly weight: ModuleParameter;
  /** [outChannels], or null. */
  readonly bias: ModuleParameter | null;
  /** [kh, kw]. */
  readonly kernelSize: readonly [number, number];
  /** [sh, sw]. */
  readonly stride: readonly [number, number];
  /** [ph, pw]. */
  readonly padding: readonly [number, number];
  /** [dh, dw]. */
  readonly dilation: readonly [number, number];
  /** Channel groups. */
  readonly groups: number;
  #conv?: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

  /**
   * Creates a new Conv2d; see the class description.
   * @param inChannels channels of the input
   * @param outChannels channels of the output (number of filters)
   * @param kernelSize kh × kw
   * @param options stride, padding, dilation, groups, bias, init
   */
  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: Size2,
    options: Conv2dOptions = {},
  ) {
    super();
    const { stride = 1, padding = 0, dilation = 1, groups = 1, bias = true } = options;
    this.kernelSize = pair(kernelSize, "kernelSize");
    this.stride = pair(stride, "stride");
    this.padding = pair(padding, "padding", 0);
    this.dilation = pair(dilation, "dilation");
    pair(inChannels, "inChannels");
    pair(outChannels, "outChannels");
    if (!(Number.isInteger(groups) && groups >= 1) || inChannels % groups || outChannels % groups) {
      throw new ValueError(
        `groups must divide inChannels and outChannels: groups=${groups}, inChannels=${inChannels}, outChannels=${outChannels}.`,
      );
    }
    this.groups = groups;
    const [kh, kw] = this.kernelSize;
    const fanIn = (inChannels / groups) * kh * kw;
    const init = options.init ?? fanInUniform(fanIn);
    this.weight = new ModuleParameter([outChannels, inChannels / groups, kh, kw], init);
    this.bias = bias ? new ModuleParameter([outChannels], fanInUniform(fanIn)) : null;
  }

  #checkSize(H: number, W: number): void {
    const [oh, ow] = this.outputSize(H, W);
    if (oh < 1 || ow < 1) {
      throw new ShapeError(
        `${this.toString()}: input of spatial size ${H}×${W} is too small for the kernel (output would be ${oh}×${ow}).`,
      );
    }
  }

  /** The output [height, width] for an input of [height, width]. */
  outputSize(h: number, w: number): [number, number] {
    return [
      convOutputSize(h, this.kernelSize[0], this.stride[0], this.padding[0], this.dilation[0]),
      convOutputSize(w, this.kernelSize[1], this.stride[1], this.padding[1], this.dilation[1]),
    ];
  }

  /** x (N, inChannels, H, W) → (N, outChannels, H', W'). */
  forward(x: tf.Tensor): tf.Tensor {
    checkNCHW(x, this.toString(), this.inChannels);
    this.#checkSize(x.shape[2] as number, x.shape[3] as number);
    return tf.tidy(() =>
      this.forwardNHWC(x.transpose([0, 2, 3, 1]) as tf.Tensor4D).transpose([0, 3, 1, 2])
    );
  }

  /**
   * The same convolution on an NHWC tensor (N, H, W, inChannels) → (N, H', W', outChannels), for
   * networks that keep tfjs's layout between layers (ResNet: two transposes per layer saved).
   */
  forwardNHWC(h: tf.Tensor4D): tf.Tensor4D {
    if (h.rank !== 4 || h.shape[3] !== this.inChannels) {
      throw new ShapeError(
        `${this.toString()} expects an NHWC input with ${this.inChannels} channels last. Got shape [${h.shape}].`,
      );
    }
    this.#checkSize(h.shape[1], h.shape[2]);
    return tf.tidy(() => {
      // dilation: spread the kernel's taps with zeros (simple, and fine for small dilations)
      const w = dilateKernel(this.weight.value, this.dilation).transpose([2, 3, 1, 0]); // HWIO
      const conv = this.#conv ??= convNHWC(this.stride, this.padding);
      const g = this.groups;
      let y: tf.Tensor4D;
      if (g === 1) y = conv(h, w as tf.Tensor4D);
      else {
        const xs = tf.split(h, g, 3), ws = tf.split(w, g, 3);
        y = tf.concat(xs.map((xi, i) => conv(xi as tf.Tensor4D, ws[i] as tf.Tensor4D)), 3);
      }
      return this.bias ? y.add(this.bias.value) : y;
    });
  }

  /** Paddle's arguments: channels, kernel_size, then stride/padding/dilation/groups when not default. */
  override extraRepr(): string {
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=[${this.kernelSize.join(", ")}]`;
    if (this.stride.some((v) => v !== 1)) s += `, stride=[${this.stride.join(", ")}]`;
    const [ph, pw] = this.padding;
    if (ph || pw) s += `, padding=${ph === pw ? ph : `[${ph}, ${pw}]`}`;
    if (this.dilation.some((v) => v !== 1)) s += `, dilation=[${this.dilation.join(", ")}]`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    return s + ", data_format=NCHW";
  }

  /** The printed type name, "Conv2D" (the notes' notation). */
  protected override get baseName(): string {
    return "Conv2D";
  }
}

/** Inserts d − 1 zeros between the taps of a [out, in, kh, kw] kernel along each spatial axis. */
function dilateKernel(w: tf.Tensor, [dh, dw]: readonly [number, number]): tf.Tensor {
  const spread = (t: tf.Tensor, axis: number, d: number): tf.Tensor => {
    if (d === 1) return t;
    const k = t.shape[axis] as number;
    const e = t.expandDims(axis + 1);
    const zshape = [...e.shape];
    zshape[axis + 1] = d - 1;
    const merged = [...t.shape];
    merged[axis] = k * d;
    const full = tf.concat([e, tf.zeros(zshape)], axis + 1).reshape(merged);
    const size = [...t.shape].map(() => -1);
    size[axis] = (k - 1) * d + 1;
    return full.slice(t.shape.map(() => 0), size);
  };
  return spread(spread(w, 2, dh), 3, dw);
}

type Pad4 = [[number, number], [number, number], [number, number], [number, number]];

/**
 * y = x ⋆ w for NHWC x and HWIO w, with a stride and symmetric zero padding, as one differentiable
 * op. tfjs-backend-wasm 4.22 runs the forward `Conv2D` on XNNPACK, but its `Conv2DBackpropInput`
 * is a naive loop (≈ 13× the forward) and `Conv2DBackpropFilter` is missing (bridged to the CPU
 * backend, seconds per call), so both gradients are written as forward convolutions:
 *
 * - ∂L/∂x: the "full" correlation of ∂L/∂y (spread by the stride with zeros) with the kernel
 *   flipped in space and its in/out channels swapped;
 * - ∂L/∂w[i, j, c, o] = Σ_{n,a,b} x_pad[n, s·a + i, s·b + j, c] · ∂L/∂y[n, a, b, o]: a convolution
 *   of x seen as (c, H, W, n) with ∂L/∂y seen as an (oh, ow, n, out) kernel dilated by the stride.
 *
 * On the issue's case (64 × 28 × 28, 32 → 32, 3×3) each of the three convolutions takes about as
 * long as the forward; the im2col path this replaces spent 5× that in slices, concats and pads.
 */
function convNHWC(
  [sh, sw]: readonly [number, number],
  [ph, pw]: readonly [number, number],
): (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D {
  const pad: Pad4 = [[0, 0], [ph, ph], [pw, pw], [0, 0]];
  return tf.customGrad((x, w, save) => {
    (save as tf.GradSaveFunc)([x as tf.Tensor, w as tf.Tensor]);
    return {
      value: tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, [sh, sw], pad),
      gradFunc: (dy, saved) => {
        const [xs, ws] = saved as tf.Tensor4D[];
        return [
          inputGrad(dy as tf.Tensor4D, ws, xs.shape, [sh, sw], [ph, pw]),
          filterGrad(dy as tf.Tensor4D, xs, ws.shape, [sh, sw], [ph, pw]),
        ];
      },
    };
  }) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
}

/** ∂L/∂x of `convNHWC`: a stride-1 convolution of the stride-spread ∂L/∂y with the flipped kernel. */
function inputGrad(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  [n, H, W]: number[],
  [sh, sw]: readonly [number, number],
  [ph, pw]: readonly [number, number],
): tf.Tensor4D {
  const [kh, kw] = w.shape;
  const [, oh, ow, out] = dy.shape;
  // spread: s − 1 zero rows/columns after each row/column of dy (length s·o; the trailing zeros
  // only shorten the padding below, where a slice to s·(o − 1) + 1 would cost a copy)
  let d = dy as tf.Tensor;
  if (sh > 1 || sw > 1) {
    d = dy.reshape([n, oh, 1, ow, 1, out])
      .pad([[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]])
      .reshape([n, oh * sh, ow * sw, out]);
  }
  const Lh = d.shape[1] as number, Lw = d.shape[2] as number;
  // the full correlation pads k − 1 on each side; the rows of x_pad past the last window get no
  // gradient, and the first p rows (the padding) are dropped: net padding k−1−p before, H+p−L after
  const lo = [kh - 1 - ph, kw - 1 - pw], hi = [H + ph - Lh, W + pw - Lw];
  if (lo.some((v) => v < 0) || hi.some((v) => v < 0)) {
    // a negative padding crops (padding wider than the kernel, or unused trailing rows)
    const top = Math.max(0, -lo[0]), left = Math.max(0, -lo[1]);
    d = d.slice([0, top, left, 0], [
      n,
      Lh - top - Math.max(0, -hi[0]),
      Lw - left - Math.max(0, -hi[1]),
      out,
    ]);
  }
  const pad: Pad4 = [[0, 0], [Math.max(0, lo[0]), Math.max(0, hi[0])], [
    Math.max(0, lo[1]),
    Math.max(0, hi[1]),
  ], [0, 0]];
  const flipped = tf.reverse(w, [0, 1]).transpose([0, 1, 3, 2]) as tf.Tensor4D; // [kh, kw, out, c]
  return tf.conv2d(d as tf.Tensor4D, flipped, 1, pad);
}

/** ∂L/∂w of `convNHWC`: x as a batch of c images with n channels, ∂L/∂y as the kernel. */
function filterGrad(
  dy: tf.Tensor4D,
  x: tf.Tensor4D,
  [kh, kw, c, out]: number[],
  [sh, sw]: readonly [number, number],
  [ph, pw]: readonly [number, number],
): tf.Tensor4D {
  const xt = x.transpose([3, 1, 2, 0]) as tf.Tensor4D; // (c, H, W, n): channels become the batch
  const k = dy.transpose([1, 2, 0, 3]) as tf.Tensor4D; // (oh, ow, n, out)
  const pad: Pad4 = [[0, 0], [ph, ph], [pw, pw], [0, 0]];
  let g = tf.conv2d(xt, k, 1, pad, "NHWC", [sh, sw]); // (c, ≥ kh, ≥ kw, out)
  if (g.shape[1] !== kh || g.shape[2] !== kw) g = g.slice([0, 0, 0, 0], [c, kh, kw, out]);
  return g.transpose([1, 2, 0, 3]);
}
