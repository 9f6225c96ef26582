/**
 * Feature functions of the maximum-entropy model (李航《统计学习方法》§6.2.2) and the sparse table
 * of their values on every (sample, class) pair, which is all the solvers ever look at.
 *
 * A feature function fᵢ(x, y) states a fact about an input x together with an output y, usually
 * as 0/1 (the indicator features of a categorical table are in indicators.ts).
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import type { FrameLike } from "../core/validation.ts";
import type { Label } from "../core/labels.ts";

/** A user-supplied feature fᵢ(x, y): any finite number (IIS needs them ≥ 0). */
export type FeatureFunction<X = unknown> = (x: X, y: Label) => number;

/** A categorical value in a table cell. */
export type Category = string | number | boolean;

/** The indicator feature [x[column] = value and y = label]. */
export interface IndicatorFeature {
  /** The column of x tested. */
  readonly column: number;
  /** The value it must equal. */
  readonly value: Category;
  /** The class y must equal. */
  readonly label: Label;
}

/** Samples as the estimators accept them: an array of anything, a DataFrame, or a Matrix. */
export type SampleLike<X> = ArrayLike<X> | FrameLike | Matrix;

/**
 * Values of m features on the n·K pairs (xₛ, c): a compressed sparse row table whose row
 * p = s·K + c lists the features that are non-zero on (xₛ, class c) and their values.
 */
export interface FeatureTable {
  /** n, the samples. */
  readonly nSamples: number;
  /** K, the classes. */
  readonly nClasses: number;
  /** m, the features. */
  readonly nFeatures: number;
  /** Row p occupies entries offsets[p] .. offsets[p + 1] − 1; length n·K + 1. */
  readonly offsets: Int32Array;
  /** Feature index of each entry. */
  readonly index: Int32Array;
  /** Feature value of each entry (never 0). */
  readonly value: Float64Array;
}

/** Converts the accepted sample containers to a plain array of samples. */
export function toSamples<X>(X: SampleLike<X>, name = "X"): X[] {
  if (X instanceof Matrix) return X.toArray() as X[];
  const frame = X as FrameLike;
  if (X && typeof X === "object" && "values" in frame && Array.isArray(frame.shape)) {
    return [...(frame.values as X[])];
  }
  if (!X || typeof X !== "object" || typeof (X as ArrayLike<X>).length !== "number") {
    throw new ValueError(`${name} must be an array of samples. Got ${describe(X)}.`);
  }
  const samples = Array.from(X as ArrayLike<X>);
  if (samples.length === 0) throw new ValueError(`${name} must contain at least one sample.`);
  return samples;
}

/** Accumulates a {@link FeatureTable} row by row: push a row's entries, then `endRow()`. */
export class TableBuilder {
  private readonly offsets: number[] = [0];
  private readonly index: number[] = [];
  private readonly value: number[] = [];

  push(feature: number, v: number): void {
    this.index.push(feature);
    this.value.push(v);
  }

  endRow(): void {
    this.offsets.push(this.index.length);
  }

  build(nSamples: number, nClasses: number, nFeatures: number): FeatureTable {
    return {
      nSamples,
      nClasses,
      nFeatures,
      offsets: Int32Array.from(this.offsets),
      index: Int32Array.from(this.index),
      value: Float64Array.from(this.value),
    };
  }
}

/**
 * Tabulates user feature functions by calling every fᵢ on every (xₛ, c): n·K·m calls.
 * @param samples the inputs x, any type the functions understand
 * @throws ValueError when a function returns something other than a finite number
 */
export function tabulateFunctions<X>(
  samples: readonly X[],
  features: readonly FeatureFunction<X>[],
  classes: readonly Label[],
): FeatureTable {
  const builder = new TableBuilder();
  for (let s = 0; s < samples.length; s++) {
    for (const label of classes) {
      for (let i = 0; i < features.length; i++) {
        const v = features[i](samples[s], label);
        if (typeof v !== "number" || !Number.isFinite(v)) {
          throw new ValueError(
            `Feature function ${i} (${features[i].name || "anonymous"}) must return a finite ` +
              `number. Got ${describe(v)} for sample ${s} and label ${JSON.stringify(label)}.`,
          );
        }
        if (v !== 0) builder.push(i, v);
      }
      builder.endRow();
    }
  }
  return builder.build(samples.length, classes.length, features.length);
}
