/**
 * Paddle's parameter layout. PaddlePaddle's `nn.Linear` stores its weight as [in, out] (y = xW + b)
 * where PyTorch, and lib/deep, store [out, in] (y = xWᵀ + b); everything else the notes' network
 * uses has the same layout in both (Conv2D [out, in, kh, kw], Embedding [num, dim], LayerNorm and
 * BatchNorm vectors — BatchNorm's `_mean`/`_variance` names are renamed by `BatchNorm2d` itself).
 * A Paddle `.pdparams` file is a pickle; save it as safetensors first (e.g. `paddle.load`, then
 * `safetensors.numpy.save_file({k: v.numpy() ...})`) and read it with `readSafetensors`.
 *
 * @module
 */
import { ShapeError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { Linear } from "./layers.ts";
import type { LoadReport, Module } from "./module.ts";

/**
 * The state dict `dict` (Paddle's layout, keyed by `module`'s dotted names) in lib/deep's layout:
 * the `weight` of every `Linear` of `module` is transposed from [in, out] to [out, in]. Other
 * entries, and keys that `module` does not have, pass through unchanged (`loadStateDict` reports
 * them). Returns a new record; the transposed tensors are new, the others are `dict`'s own.
 * A Linear weight already in [out, in] (and not square) is an error: the dict is not Paddle's.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Linear, paddleToTorchStateDict, tf } from "../mod.ts";
 *
 * const fc = new Linear(3, 2);
 * const paddle = { weight: tf.tensor2d([[1, 2], [3, 4], [5, 6]]), bias: tf.zeros([2]) }; // [in, out]
 * const dict = paddleToTorchStateDict(fc, paddle);
 * assertEquals(dict.weight.arraySync(), [[1, 3, 5], [2, 4, 6]]); // [out, in]
 * ```
 */
export function paddleToTorchStateDict(
  module: Module,
  dict: Record<string, tf.Tensor>,
): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = { ...dict };
  for (const [path, m] of module.namedModules()) {
    if (!(m instanceof Linear)) continue;
    const key = path ? `${path}.weight` : "weight";
    const w = dict[key];
    if (!w) continue; // missing: loadStateDict names it
    const paddleShape = [m.inFeatures, m.outFeatures];
    const same = (s: readonly number[]) =>
      s.length === 2 && s[0] === paddleShape[0] && s[1] === paddleShape[1];
    if (same(w.shape)) {
      out[key] = w.transpose();
    } else if (w.rank === 2 && w.shape[0] === m.outFeatures && w.shape[1] === m.inFeatures) {
      throw new ShapeError(
        `${key} has shape [${w.shape}], PyTorch's [out, in] layout; Paddle's Linear stores ` +
          `[in, out] = [${paddleShape}]. Load a PyTorch-layout dict with loadStateDict instead.`,
      );
    } // any other shape: left for loadStateDict's mismatch report
  }
  return out;
}

/**
 * Loads a Paddle-layout state dict into `module` (`paddleToTorchStateDict`, then
 * `module.loadStateDict`, strict by default); the transposed copies are freed afterwards.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Linear, loadPaddleStateDict, tf } from "../mod.ts";
 *
 * const fc = new Linear(2, 1);
 * loadPaddleStateDict(fc, { weight: tf.tensor2d([[2], [3]]), bias: tf.tensor1d([1]) });
 * assertEquals([...fc.forward(tf.tensor2d([[1, 1]])).dataSync()], [6]); // 1·2 + 1·3 + 1
 * ```
 */
export function loadPaddleStateDict(
  module: Module,
  dict: Record<string, tf.Tensor>,
  options: { strict?: boolean } = {},
): LoadReport {
  const converted = paddleToTorchStateDict(module, dict);
  try {
    return module.loadStateDict(converted, options);
  } finally {
    for (const [k, t] of Object.entries(converted)) if (t !== dict[k]) t.dispose();
  }
}
