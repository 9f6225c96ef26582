/**
 * Loss functions built from Tensor primitives, so they need no gradient code of their own.
 *
 * @module
 */
import { checkLengthsMatch } from "../core/errors.ts";
import { Matrix, ShapeError, ValueError } from "../core/mod.ts";
import { asTensor, Tensor, type TensorLike } from "./tensor.ts";

/**
 * One-hot rows: row i has a 1 in column labels[i].
 * @param labels class indices 0..nClasses-1, shape (n,)
 * @returns shape (n, nClasses)
 */
export function oneHot(labels: ArrayLike<number>, nClasses: number): Matrix {
  const out = new Matrix(labels.length, nClasses);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= nClasses) {
      throw new ValueError(
        `labels must be integers in [0, ${nClasses - 1}]. Got ${c} at index ${i}.`,
      );
    }
    out.data[i * nClasses + c] = 1;
  }
  return out;
}

/**
 * Mean softmax cross-entropy of logits against integer labels:
 *   L = −(1/n) Σᵢ log softmax(oᵢ)[yᵢ] = (1/n) Σᵢ (logΣⱼ exp oᵢⱼ − oᵢ,yᵢ),
 * computed through `logSoftmax` (never softmax then log, which underflows to log 0).
 * Its gradient is (softmax(O) − Y) / n (d2l §4.1.2).
 * @param logits O, shape (n, nClasses)
 * @param labels y, shape (n,), integers 0..nClasses-1
 * @returns a (1, 1) tensor
 * @example
 * ```ts
 * import { softmaxCrossEntropy, Tensor } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const loss = softmaxCrossEntropy(Tensor.from([[2, 0], [0, 2]]), [0, 1]);
 * assertAlmostEquals(loss.item(), Math.log(1 + Math.exp(-2))); // ≈ 0.1269
 * ```
 */
export function softmaxCrossEntropy(logits: Tensor, labels: ArrayLike<number>): Tensor {
  checkLengthsMatch("labels", labels.length, "logits", logits.rows, "rows");
  const Y = oneHot(labels, logits.cols);
  return logits.logSoftmax(1).mul(Y).sum().mul(-1 / logits.rows);
}

function residual(prediction: Tensor, target: TensorLike): Tensor {
  const t = asTensor(target);
  if (t.rows !== prediction.rows || t.cols !== prediction.cols) {
    throw new ShapeError(
      `target has shape (${t.rows}, ${t.cols}), but prediction has (${prediction.rows}, ${prediction.cols}).`,
    );
  }
  return prediction.sub(t);
}

/**
 * Mean squared error (1/N) Σ (ŷ − y)² over all N entries (PyTorch's `MSELoss`).
 * @param prediction ŷ, shape (n, k)
 * @param target y, same shape
 */
export function mseLoss(prediction: Tensor, target: TensorLike): Tensor {
  return residual(prediction, target).pow(2).mean();
}

/**
 * Halved squared loss (1/N) Σ ½ (ŷ − y)², the form of d2l §3.1 and scikit-learn's MLPRegressor,
 * whose gradient is simply (ŷ − y) / N.
 * @param prediction ŷ, shape (n, k)
 * @param target y, same shape
 */
export function halfMseLoss(prediction: Tensor, target: TensorLike): Tensor {
  return residual(prediction, target).pow(2).mean().mul(0.5);
}
