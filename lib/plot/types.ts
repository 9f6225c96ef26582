/**
 * Types shared by the plot helpers. Traces and layouts are plotly.js objects typed with
 * nodeplotlib's `Plot` and `Layout` (`Partial<PlotData>` / `Partial<Layout>` of @types/plotly.js).
 *
 * @module
 */
import type * as nodeplotlib from "npm:nodeplotlib@1.1.2";

/**
 * A plotly.js trace: nodeplotlib's `Plot` (`Partial<PlotData>` of @types/plotly.js), the
 * dependency's type named deliberately; see plotly.com/javascript/reference for its fields.
 */
export type Plot = nodeplotlib.Plot;

/**
 * A plotly.js layout: nodeplotlib's `Layout` (`Partial<Layout>` of @types/plotly.js), the
 * dependency's type named deliberately; see plotly.com/javascript/reference/layout.
 */
export type Layout = nodeplotlib.Layout;

/**
 * A plotly trace. @types/plotly.js 1.54 (what nodeplotlib ships) predates a few plotly.js 2.x
 * attributes that we use; they are added here so a `Trace` is still a `Plot`.
 */
export type Trace = Plot & {
  /** Contour levels and colouring (contour traces). */
  contours?: {
    coloring?: "fill" | "heatmap" | "lines" | "none";
    showlines?: boolean;
    showlabels?: boolean;
    start?: number;
    end?: number;
    size?: number;
  };
  /** Number of contour levels when `contours.start/end/size` are not given. */
  ncontours?: number;
  /** Whether plotly picks the contour levels itself. */
  autocontour?: boolean;
  /** Colour-scale lower bound for surface traces (`cmin`/`cmax` in plotly.js 2.x). */
  cmin?: number;
  /** Colour-scale upper bound for surface traces. */
  cmax?: number;
};

/** A 1-D numeric input: a plain array or a typed array. */
export type NumericVector = ArrayLike<number>;

/** A row-major matrix object such as lib/core's `Matrix` (`rows`, `cols`, `data`). */
export interface RowMajorMatrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** rows · cols values, row after row. */
  readonly data: ArrayLike<number>;
}

/** A 2-D numeric input `(nRows, nCols)`: rows of numbers (plain or typed), or a `RowMajorMatrix`. */
export type NumericRows = ArrayLike<ArrayLike<number>> | RowMajorMatrix;

/** Class labels: numbers or strings, one per sample. */
export type Labels = ArrayLike<number | string>;

/** Batch prediction over rows `(nSamples, nFeatures)`, one output per row, as `model.predict`. */
export type BatchPredict = (X: number[][]) => ArrayLike<number | string>;

/** A fitted linear model's parameters: `ŷ = X·coef + intercept`. */
export interface LinearCoefficients {
  /** One weight per feature (a number for a single feature). */
  readonly coef: number | ArrayLike<number>;
  /** The bias. @default 0 */
  readonly intercept?: number;
}

/** Anything that predicts: a batch function, an object with `predict(X)`, or linear parameters. */
export type Predictor =
  | BatchPredict
  | { predict(X: number[][]): ArrayLike<number | string> }
  | LinearCoefficients;

/** Titles and size shared by every helper. */
export interface CommonOptions {
  /** Figure title. */
  title?: string;
  /** x-axis title. */
  xTitle?: string;
  /** y-axis title. */
  yTitle?: string;
  /** Width in pixels. @default the output's width */
  width?: number;
  /** Height in pixels. @default 450 */
  height?: number;
}

/** A plotly.js MIME bundle as the Jupyter display protocol expects it. */
export interface MimeBundle {
  /** The figure as plotly JSON, for front ends that render plotly themselves. */
  "application/vnd.plotly.v1+json": { data: unknown[]; layout: Record<string, unknown> };
  /** A div and the script that draws it with plotly.js (inlined or linked). */
  "text/html": string;
  /** A one-line description, for text-only front ends. */
  "text/plain": string;
}
