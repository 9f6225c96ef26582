/**
 * Optimisers for smooth objectives used by the linear models: L-BFGS with a strong-Wolfe line
 * search, Newton's method (IRLS for logistic regression) and plain gradient descent.
 *
 * @module
 */
export type {
  DifferentiableObjective,
  MinimizeResult,
  SolverOptions,
  TwiceDifferentiableObjective,
} from "./types.ts";
export { type LineSearchOptions, type LineSearchResult, wolfeLineSearch } from "./line_search.ts";
export { type LbfgsOptions, minimizeLbfgs } from "./lbfgs.ts";
export { minimizeNewton } from "./newton.ts";
export { type GradientDescentOptions, minimizeGradientDescent } from "./gradient_descent.ts";
