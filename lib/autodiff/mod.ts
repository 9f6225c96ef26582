/**
 * Reverse-mode automatic differentiation in two layers, micrograd-shaped: a scalar `Value` for
 * the calculus chapter and a `Tensor` over the core `Matrix` for networks; central finite
 * differences (`numericDerivative`, `numericGradient`, `gradCheck`) to check them; losses built
 * from the primitives; `drawGraph` to see a computational graph.
 *
 * @module
 */
export { asValue, type GraphNode, topologicalOrder, Value, type ValueLike } from "./value.ts";
export { asTensor, Tensor, type TensorInit, type TensorLike } from "./tensor.ts";
export { halfMseLoss, mseLoss, oneHot, softmaxCrossEntropy } from "./losses.ts";
export { gradCheck, type GradCheckResult, numericDerivative, numericGradient } from "./numeric.ts";
export { drawGraph, GraphDrawing, traceGraph, type TraceRow } from "./draw.ts";
