/**
 * Running an optimizer on a plain function, to watch its path (d2l §12.6-12.10 draw these on
 * f(x₁, x₂) = 0.1 x₁² + 2 x₂²).
 *
 * @module
 */
import { checkInteger } from "../core/mod.ts";
import type { Optimizer } from "./optimizer.ts";

/**
 * The points x₀, x₁, ..., x_steps visited by `optimizer` minimising a function whose gradient is
 * `gradient`.
 * @param gradient ∇f at a point (the point must not be modified)
 * @param start x₀, shape (d,)
 * @returns steps + 1 points, each shape (d,)
 * @example
 * ```ts
 * import { optimizeTrajectory, SGD } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // f(a, b) = 0.1 a² + 2 b² (d2l §12.3): b oscillates, a crawls
 * const path = optimizeTrajectory(
 *   new SGD({ learningRate: 0.4 }),
 *   ([a, b]) => [0.2 * a, 4 * b],
 *   [-5, -2],
 *   20,
 * );
 * assertEquals(path.length, 21); // the start and one point per step
 * assertEquals(Array.from(path[1]), [-5 + 0.4 * 1, -2 + 0.4 * 8]);
 * ```
 */
export function optimizeTrajectory(
  optimizer: Optimizer,
  gradient: (x: Float64Array) => ArrayLike<number>,
  start: ArrayLike<number>,
  steps: number,
): Float64Array[] {
  checkInteger("steps", steps, 0);
  const x = Float64Array.from(start), grad = new Float64Array(x.length);
  const path = [x.slice()];
  for (let t = 0; t < steps; t++) {
    grad.set(gradient(x.slice()));
    optimizer.step([{ data: x, grad }]);
    path.push(x.slice());
  }
  return path;
}
