/**
 * Residual networks (He et al. 2016) with torchvision's structure and state-dict names:
 * `BasicBlock`, `Bottleneck` (stride on the 3×3 convolution, "ResNet v1.5", as the notes' tree
 * shows), `ResNet` and the builders `resnet18/34/50/101`.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { BatchNorm2d } from "./batchnorm.ts";
import { checkNCHW, Conv2d, convOutputSize } from "./conv.ts";
import type { Initializer } from "./init.ts";
import { Identity, Linear, ReLU, Sequential } from "./layers.ts";
import { Module } from "./module.ts";
import { AdaptiveAvgPool2d, MaxPool2d } from "./pool.ts";

/** torchvision's conv init: kaiming_normal_(mode="fan_out", nonlinearity="relu"). */
function kaiming(out: number, k: number): Initializer {
  return { kind: "normal", mean: 0, std: Math.sqrt(2 / (out * k * k)) };
}

function conv(inC: number, outC: number, k: number, stride = 1): Conv2d {
  return new Conv2d(inC, outC, k, {
    stride,
    padding: k === 3 ? 1 : 0,
    bias: false,
    init: kaiming(outC, k),
  });
}

/** Arguments of a residual block (torchvision's names). */
export interface BlockOptions {
  /** Input channels. */
  inplanes: number;
  /** Width of the block (output channels = planes · expansion). */
  planes: number;
  /** Stride of the block (on the 3×3 convolution). @default 1 */
  stride?: number;
  /** Build the 1×1 projection shortcut; by default when stride ≠ 1 or inplanes ≠ planes · expansion. */
  downsample?: boolean;
  /** Add the shortcut; false gives the "plain" block of the paper's comparison. @default true */
  residual?: boolean;
}

function projection(o: BlockOptions, outC: number): Sequential | null {
  const stride = o.stride ?? 1;
  if (o.residual === false) return null;
  const need = o.downsample ?? (stride !== 1 || o.inplanes !== outC);
  return need ? new Sequential(conv(o.inplanes, outC, 1, stride), new BatchNorm2d(outC)) : null;
}

/** The shortcut of a block on NHWC tensors: the identity, or the 1×1 conv + BN `downsample`. */
function shortcut(downsample: Sequential | null, h: tf.Tensor4D): tf.Tensor4D {
  if (!downsample) return h;
  const conv = downsample.at(0) as Conv2d, bn = downsample.at(1) as BatchNorm2d;
  return bn.forwardNHWC(conv.forwardNHWC(h));
}

/** Runs an NHWC block on an NCHW tensor, checking the input against its first convolution. */
function nchw(x: tf.Tensor, first: Conv2d, f: (h: tf.Tensor4D) => tf.Tensor4D): tf.Tensor {
  checkNCHW(x, first.toString(), first.inChannels);
  return tf.tidy(() => f(x.transpose([0, 2, 3, 1]) as tf.Tensor4D).transpose([0, 3, 1, 2]));
}

/**
 * Two 3×3 convolutions with a shortcut: y = relu(bn2(conv2(relu(bn1(conv1 x)))) + shortcut(x))
 * (ResNet-18/34). Expansion 1.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { BasicBlock, tf } from "../mod.ts";
 *
 * const block = new BasicBlock({ inplanes: 8, planes: 16, stride: 2 });
 * assertEquals(block.downsample !== null, true);
 * assertEquals(block.forward(tf.zeros([1, 8, 10, 10])).shape, [1, 16, 5, 5]);
 * ```
 */
export class BasicBlock extends Module {
  /** Output channels per `planes`. */
  static readonly expansion = 1;
  /** 3×3, stride. */
  readonly conv1: Conv2d;
  /** After conv1. */
  readonly bn1: BatchNorm2d;
  /** Shared activation. */
  readonly relu: ReLU = new ReLU();
  /** 3×3. */
  readonly conv2: Conv2d;
  /** After conv2. */
  readonly bn2: BatchNorm2d;
  /** 1×1 conv + BN shortcut, or null for the identity. */
  readonly downsample: Sequential | null;
  /** Whether the shortcut is added (false: a plain block). */
  readonly residual: boolean;

  /** Builds the block (see `BlockOptions`). */
  constructor(o: BlockOptions) {
    super();
    this.residual = o.residual ?? true;
    this.conv1 = conv(o.inplanes, o.planes, 3, o.stride ?? 1);
    this.bn1 = new BatchNorm2d(o.planes);
    this.conv2 = conv(o.planes, o.planes, 3);
    this.bn2 = new BatchNorm2d(o.planes);
    this.downsample = projection(o, o.planes);
  }

  /** x (N, inplanes, H, W) → (N, planes, H/stride, W/stride). */
  forward(x: tf.Tensor): tf.Tensor {
    return nchw(x, this.conv1, (h) => this.forwardNHWC(h));
  }

  /** The same block on NHWC tensors (what `ResNet` runs: no transposes between layers). */
  forwardNHWC(h: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => {
      const y = tf.relu(this.bn1.forwardNHWC(this.conv1.forwardNHWC(h))) as tf.Tensor4D;
      const z = this.bn2.forwardNHWC(this.conv2.forwardNHWC(y));
      if (!this.residual) return tf.relu(z);
      return tf.relu(z.add(shortcut(this.downsample, h)));
    });
  }
}

/**
 * 1×1 reduce, 3×3 (with the stride), 1×1 expand (×4), plus the shortcut (ResNet-50/101); printed
 * as the notes' `BottleneckBlock`.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Bottleneck, countParameters, tf } from "../mod.ts";
 *
 * const block = new Bottleneck({ inplanes: 64, planes: 64 });
 * assertEquals(block.conv3.outChannels, 256);
 * assertEquals(countParameters(block), 75008); // torchvision's resnet50 layer1[0]
 * assertEquals(block.forward(tf.zeros([1, 64, 4, 4])).shape, [1, 256, 4, 4]);
 * ```
 */
export class Bottleneck extends Module {
  /** Output channels per `planes`. */
  static readonly expansion = 4;
  /** 1×1 reduce. */
  readonly conv1: Conv2d;
  /** After conv1. */
  readonly bn1: BatchNorm2d;
  /** 3×3 with the stride. */
  readonly conv2: Conv2d;
  /** After conv2. */
  readonly bn2: BatchNorm2d;
  /** 1×1 expand to planes · 4. */
  readonly conv3: Conv2d;
  /** After conv3. */
  readonly bn3: BatchNorm2d;
  /** Shared activation. */
  readonly relu: ReLU = new ReLU();
  /** 1×1 conv + BN shortcut, or null. */
  readonly downsample: Sequential | null;
  /** Whether the shortcut is added (false: a plain block). */
  readonly residual: boolean;

  /** Builds the block (see `BlockOptions`). */
  constructor(o: BlockOptions) {
    super();
    this.residual = o.residual ?? true;
    const outC = o.planes * Bottleneck.expansion;
    this.conv1 = conv(o.inplanes, o.planes, 1);
    this.bn1 = new BatchNorm2d(o.planes);
    this.conv2 = conv(o.planes, o.planes, 3, o.stride ?? 1);
    this.bn2 = new BatchNorm2d(o.planes);
    this.conv3 = conv(o.planes, outC, 1);
    this.bn3 = new BatchNorm2d(outC);
    this.downsample = projection(o, outC);
  }

  /** x (N, inplanes, H, W) → (N, 4·planes, H/stride, W/stride). */
  forward(x: tf.Tensor): tf.Tensor {
    return nchw(x, this.conv1, (h) => this.forwardNHWC(h));
  }

  /** The same block on NHWC tensors (what `ResNet` runs: no transposes between layers). */
  forwardNHWC(h: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => {
      let y = tf.relu(this.bn1.forwardNHWC(this.conv1.forwardNHWC(h))) as tf.Tensor4D;
      y = tf.relu(this.bn2.forwardNHWC(this.conv2.forwardNHWC(y))) as tf.Tensor4D;
      y = this.bn3.forwardNHWC(this.conv3.forwardNHWC(y));
      if (!this.residual) return tf.relu(y);
      return tf.relu(y.add(shortcut(this.downsample, h)));
    });
  }

  /** The printed type name, "BottleneckBlock" (the notes' notation). */
  protected override get baseName(): string {
    return "BottleneckBlock";
  }
}

/** Options of `ResNet` and the builders. */
export interface ResNetOptions {
  /** Classes of the `fc` head; 0 drops the head (features out). @default 1000 */
  numClasses?: number;
  /** Channels of the first stage (64 in the paper; 8 or 16 for small images). @default 64 */
  width?: number;
  /** Input channels (3 for RGB, 1 for Fashion-MNIST). @default 3 */
  inChannels?: number;
  /** A 3×3 stem without max pooling, for 28×28 or 32×32 images. @default false */
  smallStem?: boolean;
  /** Stride of the small stem (2 halves every stage's maps: about 4× less work). @default 1 */
  stemStride?: number;
  /** Blocks with shortcuts; false builds the "plain" network of the same depth. @default true */
  residual?: boolean;
}

/**
 * A ResNet (torchvision's `ResNet`): stem conv1/bn1/relu/maxpool, four stages layer1…layer4 of
 * blocks with widths w, 2w, 4w, 8w (strides 1, 2, 2, 2), global average pooling and `fc`.
 */
export class ResNet extends Module {
  /** Stem convolution (7×7 stride 2, or 3×3 with `smallStem`). */
  readonly conv1: Conv2d;
  /** Stem BN. */
  readonly bn1: BatchNorm2d;
  /** Stem activation. */
  readonly relu: ReLU = new ReLU();
  /** 3×3 stride-2 max pooling (Identity with `smallStem`). */
  readonly maxpool: MaxPool2d | Identity;
  /** Stage 1 (stride 1). */
  readonly layer1: Sequential;
  /** Stage 2 (stride 2). */
  readonly layer2: Sequential;
  /** Stage 3 (stride 2). */
  readonly layer3: Sequential;
  /** Stage 4 (stride 2). */
  readonly layer4: Sequential;
  /** Global average pooling. */
  readonly avgpool: AdaptiveAvgPool2d = new AdaptiveAvgPool2d(1);
  /** Classifier, or null with numClasses 0. */
  readonly fc: Linear | null;
  /** Width of the pooled feature (8w · expansion: 512 or 2048 at full width). */
  readonly numFeatures: number;
  readonly #opts: Required<ResNetOptions>;

  /**
   * Creates a new ResNet; see the class description.
   * @param block BasicBlock or Bottleneck
   * @param layers blocks per stage, e.g. [3, 4, 6, 3]
   */
  constructor(
    block: typeof BasicBlock | typeof Bottleneck,
    layers: readonly [number, number, number, number],
    options: ResNetOptions = {},
  ) {
    super();
    const o = this.#opts = {
      numClasses: 1000,
      width: 64,
      inChannels: 3,
      smallStem: false,
      stemStride: 1,
      residual: true,
      ...options,
    };
    if (!(Number.isInteger(o.stemStride) && o.stemStride >= 1)) {
      throw new ValueError(`stemStride must be an integer >= 1. Got ${o.stemStride} instead.`);
    }
    const w = o.width;
    this.conv1 = o.smallStem
      ? conv(o.inChannels, w, 3, o.stemStride)
      : new Conv2d(o.inChannels, w, 7, { stride: 2, padding: 3, bias: false, init: kaiming(w, 7) });
    this.bn1 = new BatchNorm2d(w);
    this.maxpool = o.smallStem ? new Identity() : new MaxPool2d(3, { stride: 2, padding: 1 });
    let inplanes = w;
    const stage = (planes: number, n: number, stride: number) => {
      const blocks: Module[] = [];
      for (let i = 0; i < n; i++) {
        blocks.push(
          new block({ inplanes, planes, stride: i === 0 ? stride : 1, residual: o.residual }),
        );
        inplanes = planes * block.expansion;
      }
      return new Sequential(...blocks);
    };
    this.layer1 = stage(w, layers[0], 1);
    this.layer2 = stage(2 * w, layers[1], 2);
    this.layer3 = stage(4 * w, layers[2], 2);
    this.layer4 = stage(8 * w, layers[3], 2);
    this.numFeatures = inplanes;
    this.fc = o.numClasses > 0 ? new Linear(inplanes, o.numClasses) : null;
  }

  /** The stem and the four stages as one `Sequential` (the notes' `EncoderCNN.resnet`). */
  backbone(): Sequential {
    return new Sequential(
      this.conv1,
      this.bn1,
      this.relu,
      this.maxpool,
      this.layer1,
      this.layer2,
      this.layer3,
      this.layer4,
    );
  }

  /** Throws a ShapeError naming the first layer whose output would be empty for an H × W input. */
  checkImageSize(H: number, W: number): void {
    const steps: [string, number, number, number, number][] = [];
    const c = this.conv1;
    steps.push(["conv1", c.kernelSize[0], c.stride[0], c.padding[0], 1]);
    if (this.maxpool instanceof MaxPool2d) steps.push(["maxpool", 3, 2, 1, 1]);
    for (const name of ["layer2", "layer3", "layer4"] as const) {
      steps.push([`${name}.0.conv2`, 3, 2, 1, 1]);
    }
    let h = H, w = W;
    for (const [name, k, s, p, d] of steps) {
      h = convOutputSize(h, k, s, p, d);
      w = convOutputSize(w, k, s, p, d);
      if (h < 1 || w < 1) {
        throw new ShapeError(
          `ResNet input of ${H}×${W} is too small: ${name} (kernel ${k}, stride ${s}, padding ${p}) would output ${h}×${w}.`,
        );
      }
    }
  }

  /** The pooled features (N, numFeatures). */
  features(x: tf.Tensor): tf.Tensor {
    checkNCHW(x, "ResNet", this.#opts.inChannels);
    this.checkImageSize(x.shape[2] as number, x.shape[3] as number);
    // NHWC from the stem to the pooling: one transpose instead of several per layer
    return tf.tidy(() => {
      let h = x.transpose([0, 2, 3, 1]) as tf.Tensor4D;
      h = tf.relu(this.bn1.forwardNHWC(this.conv1.forwardNHWC(h))) as tf.Tensor4D;
      if (this.maxpool instanceof MaxPool2d) h = this.maxpool.forwardNHWC(h);
      for (const stage of [this.layer1, this.layer2, this.layer3, this.layer4]) {
        for (let i = 0; i < stage.length; i++) {
          h = (stage.at(i) as BasicBlock | Bottleneck).forwardNHWC(h);
        }
      }
      return h.mean([1, 2]); // AdaptiveAvgPool2d(1) + flatten
    });
  }

  /** x (N, inChannels, H, W) → logits (N, numClasses), or features when numClasses is 0. */
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const f = this.features(x);
      return this.fc ? this.fc.forward(f) : f;
    });
  }
}

function builder(
  block: typeof BasicBlock | typeof Bottleneck,
  layers: [number, number, number, number],
) {
  return (options: ResNetOptions = {}): ResNet => {
    if (options.width !== undefined && !(Number.isInteger(options.width) && options.width > 0)) {
      throw new ValueError(`width must be a positive integer. Got ${options.width} instead.`);
    }
    return new ResNet(block, layers, options);
  };
}

/**
 * ResNet-18: BasicBlock × [2, 2, 2, 2]; 11 689 512 parameters with the 1000-class head.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { buildShapeOnly, countParameters, resnet18 } from "../mod.ts";
 *
 * assertEquals(countParameters(buildShapeOnly(() => resnet18({ numClasses: 1000 }))), 11689512);
 * ```
 */
export const resnet18: (options?: ResNetOptions) => ResNet = builder(BasicBlock, [2, 2, 2, 2]);
/** ResNet-34: BasicBlock × [3, 4, 6, 3]; 21 797 672 parameters with the 1000-class head. */
export const resnet34: (options?: ResNetOptions) => ResNet = builder(BasicBlock, [3, 4, 6, 3]);
/**
 * ResNet-50: Bottleneck × [3, 4, 6, 3]; 25 557 032 parameters with the 1000-class head.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { buildShapeOnly, countParameters, resnet50 } from "../mod.ts";
 *
 * assertEquals(countParameters(buildShapeOnly(() => resnet50({ numClasses: 1000 }))), 25557032);
 * ```
 */
export const resnet50: (options?: ResNetOptions) => ResNet = builder(Bottleneck, [3, 4, 6, 3]);
/** ResNet-101: Bottleneck × [3, 4, 23, 3] (the notes' image encoder); 44 549 160 parameters with the 1000-class head. */
export const resnet101: (options?: ResNetOptions) => ResNet = builder(Bottleneck, [3, 4, 23, 3]);
