/**
 * Seeded weight initialisation, as PyTorch's `torch.manual_seed` + `nn.init`: one generator for
 * the library (the project's `Random`), so the same seed builds the same weights, and a seed for
 * each dropout mask drawn from it.
 *
 * @module
 */
import { Random } from "../core/mod.ts";
import { tf } from "./backend.ts";

let generator = new Random(0);

/**
 * Re-seeds the generator behind every initialiser and dropout mask in `lib/deep`, like
 * PyTorch's `torch.manual_seed`: the same seed, then the same constructions, give the same weights.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Linear, manualSeed } from "../mod.ts";
 *
 * manualSeed(1);
 * const a = new Linear(3, 2).weight.value.arraySync();
 * manualSeed(1);
 * const b = new Linear(3, 2).weight.value.arraySync();
 * assertEquals(a, b);
 * ```
 */
export function manualSeed(seed: number): void {
  generator = new Random(seed);
}

/** The generator shared by `lib/deep` (for data shuffling in training loops, too). */
export function deepRandom(): Random {
  return generator;
}

/** A fresh integer seed for a tfjs random op (dropout masks), drawn from the shared generator. */
export function nextSeed(): number {
  return generator.nextUint32();
}

/** How a parameter's first values are drawn. */
export type Initializer =
  | { kind: "uniform"; low: number; high: number }
  | { kind: "normal"; mean: number; std: number }
  | { kind: "constant"; value: number };

/** U(−1/√fanIn, 1/√fanIn): PyTorch's default for `nn.Linear` weights and biases (kaiming_uniform, a = √5). */
export function fanInUniform(fanIn: number): Initializer {
  const b = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return { kind: "uniform", low: -b, high: b };
}

/** Glorot/Xavier uniform, U(±√(6/(fanIn + fanOut))): PyTorch's init of `in_proj_weight`. */
export function xavierUniform(fanIn: number, fanOut: number): Initializer {
  const b = Math.sqrt(6 / (fanIn + fanOut));
  return { kind: "uniform", low: -b, high: b };
}

/** Draws a float32 tensor of `shape` from `init` with the shared generator. */
export function initialTensor(shape: number[], init: Initializer): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  if (init.kind === "constant") values.fill(init.value);
  else if (init.kind === "uniform") {
    for (let i = 0; i < n; i++) values[i] = generator.uniform(init.low, init.high);
  } else {
    for (let i = 0; i < n; i++) values[i] = generator.normal(init.mean, init.std);
  }
  return tf.tensor(values, shape, "float32");
}
