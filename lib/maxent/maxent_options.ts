/**
 * The options of the maximum-entropy classifier, their defaults and their checks.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { checkInteger, checkNumber, checkOneOf } from "../core/options.ts";
import type { FeatureFunction } from "./features.ts";

/** Options of `MaxEnt`. */
export interface MaxEntOptions<X = unknown> {
  /**
   * The feature functions fᵢ(x, y), or `"indicator"`: f_{j,v,c}(x, y) = [x_j = v and y = c] built
   * from the training table (samples must then be rows of categorical values).
   * @default "indicator"
   */
  features: "indicator" | readonly FeatureFunction<X>[];
  /** Indicator features for the (value, class) pairs seen together in fit, or all. @default "observed" */
  indicatorPairs: "observed" | "all";
  /**
   * `"iis"` improved iterative scaling (算法 6.1; needs fᵢ ≥ 0), `"bfgs"` (算法 6.2) and `"dfp"`
   * (习题 6.3) dense quasi-Newton, `"lbfgs"` limited-memory BFGS.
   * @default "lbfgs"
   */
  solver: "lbfgs" | "iis" | "bfgs" | "dfp";
  /** `"none"`: plain maximum likelihood (the book). `"l2"`: add ½‖w‖²/(C·n), as LogisticRegression. @default "none" */
  penalty: "none" | "l2";
  /** Inverse penalty strength, used with `penalty: "l2"`. @default 1 */
  C: number;
  /** Maximum number of iterations (IIS sweeps or quasi-Newton steps). @default 1000 */
  maxIter: number;
  /**
   * Stop when max |E_P(fᵢ) − E_P̃(fᵢ) + αwᵢ| ≤ tol (the gradient of J, see objective.ts). The
   * quasi-Newton solvers also stop when J stops decreasing in floating point, which happens near
   * ‖∇J‖ ≈ 1e-8·|J|; a smaller tol is then reported as not converged. IIS tests only ∇J.
   * @default 1e-6
   */
  tol: number;
}

/** The defaults of {@link MaxEntOptions}. */
export const MAXENT_DEFAULTS: MaxEntOptions = {
  features: "indicator",
  indicatorPairs: "observed",
  solver: "lbfgs",
  penalty: "none",
  C: 1,
  maxIter: 1000,
  tol: 1e-6,
};

/** Throws a ValueError naming the first option with a bad value. */
export function checkMaxEntOptions<X>(o: Readonly<MaxEntOptions<X>>): void {
  if (o.features !== "indicator") {
    const ok = Array.isArray(o.features) && o.features.length > 0 &&
      o.features.every((f) => typeof f === "function");
    if (!ok) {
      throw new ValueError(
        `The 'features' option must be "indicator" or a non-empty array of functions (x, y) => number. ` +
          `Got ${
            Array.isArray(o.features) ? `an array of ${o.features.length}` : String(o.features)
          }.`,
      );
    }
  }
  checkOneOf("indicatorPairs", o.indicatorPairs, ["observed", "all"] as const);
  checkOneOf("solver", o.solver, ["lbfgs", "iis", "bfgs", "dfp"] as const);
  checkOneOf("penalty", o.penalty, ["none", "l2"] as const);
  checkNumber("C", o.C, { min: 0, exclusiveMin: true });
  checkInteger("maxIter", o.maxIter, 1);
  checkNumber("tol", o.tol, { min: 0 });
}
