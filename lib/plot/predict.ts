/**
 * Turns the ways of passing a model (function, estimator, linear parameters) into one batch
 * prediction function, and evaluates it on grids.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { linspace } from "./inputs.ts";
import type { BatchPredict, LinearCoefficients, Predictor } from "./types.ts";

function isLinear(p: object): p is LinearCoefficients {
  return "coef" in p;
}

/**
 * One batch predict function from a function, an object with `predict(X)`, or `{ coef, intercept }`.
 * @param nFeatures the number of features the grid will have (checked against `coef`)
 */
export function toBatchPredict(model: Predictor, nFeatures: number): BatchPredict {
  if (typeof model === "function") return model;
  if (typeof model === "object" && model !== null) {
    if ("predict" in model && typeof model.predict === "function") {
      return (X) => model.predict(X);
    }
    if (isLinear(model)) {
      const coef = typeof model.coef === "number" ? [model.coef] : Array.from(model.coef);
      const intercept = model.intercept ?? 0;
      if (coef.length !== nFeatures) {
        throw new ShapeError(
          `'coef' has ${coef.length} values, but the data has ${nFeatures} feature${
            nFeatures === 1 ? "" : "s"
          }.`,
        );
      }
      return (X) => X.map((row) => row.reduce((s, v, j) => s + v * coef[j], intercept));
    }
  }
  throw new ValueError(
    `'model' must be a predict function, an object with predict(X), or { coef, intercept }. Got ${
      describe(model)
    } instead.`,
  );
}

/** Calls `predict` and checks it returned one finite number per row. */
export function predictNumbers(predict: BatchPredict, X: number[][]): number[] {
  const out = predictAny(predict, X);
  return out.map((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ValueError(`predict returned ${describe(v)} for row ${i} ([${X[i].join(", ")}]).`);
    }
    return v;
  });
}

/** Calls `predict` and checks it returned one value per row. */
export function predictAny(predict: BatchPredict, X: number[][]): (number | string)[] {
  const out = predict(X);
  if (out === null || typeof out !== "object" || typeof out.length !== "number") {
    throw new ValueError(`predict must return an array. Got ${describe(out)} instead.`);
  }
  if (out.length !== X.length) {
    throw new ShapeError(`predict returned ${out.length} values for ${X.length} rows.`);
  }
  return Array.from(out);
}

/** A 2-D evaluation grid: axis ticks and the points in row-major order (y outer, x inner). */
export interface Grid {
  xs: number[];
  ys: number[];
  points: number[][];
}

/** The `resolution × resolution` grid over `[x0, x1] × [y0, y1]`. */
export function makeGrid(
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  resolution: number,
): Grid {
  const xs = linspace(xRange[0], xRange[1], resolution);
  const ys = linspace(yRange[0], yRange[1], resolution);
  const points: number[][] = [];
  for (const yv of ys) for (const xv of xs) points.push([xv, yv]);
  return { xs, ys, points };
}

/** Splits row-major grid values into plotly's `z[row = y index][column = x index]`. */
export function toZ<T>(values: readonly T[], grid: Grid): T[][] {
  const n = grid.xs.length;
  return grid.ys.map((_, i) => values.slice(i * n, (i + 1) * n));
}

/** Widens `[lo, hi]` by `padding` times its width on each side. */
export function pad(range: readonly [number, number], padding: number): [number, number] {
  const d = (range[1] - range[0]) * padding;
  return [range[0] - d, range[1] + d];
}
