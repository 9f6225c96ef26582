/**
 * Turning a {@link Dataset} into a danfojs DataFrame for display. danfojs takes most of a second
 * to import, so it is loaded here on first use only; code that never asks for a frame never pays.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { DataFrame } from "npm:danfojs@1.2.0";
import { ValueError } from "../core/errors.ts";
import type { Dataset } from "./types.ts";

const TO_FRAME_OPTION_NAMES = optionNames<ToFrameOptions>({
  targetColumn: true,
  targetNames: true,
});

/**
 * danfojs's `DataFrame`, the dependency's own type named deliberately: what {@link toFrame}
 * returns (see danfo.jsdata.org for its API).
 */
export type DanfoDataFrame = DataFrame;

/** Options of {@link toFrame}. */
export interface ToFrameOptions {
  /** Name of the target column; must differ from every feature name. @default "target" */
  targetColumn?: string;
  /** Put the class names (`targetNames[y]`) in the target column instead of the codes. @default false */
  targetNames?: boolean;
}

/**
 * A DataFrame with one column per feature plus the target column.
 *
 * @param dataset what a loader returned, X of shape (nSamples, nFeatures)
 * @example
 * ```ts
 * import { loadIris, toFrame } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const df = await toFrame(loadIris(), { targetNames: true });
 * assertEquals(df.shape, [150, 5]);
 * assertEquals(df.columns.at(-1), "target");
 * ```
 */
export async function toFrame(
  dataset: Dataset,
  options: ToFrameOptions = {},
): Promise<DanfoDataFrame> {
  checkOptions(options, TO_FRAME_OPTION_NAMES, "toFrame");
  const { targetColumn = "target", targetNames = false } = options;
  const { X, y, featureNames } = dataset;
  if (featureNames.includes(targetColumn)) {
    throw new ValueError(
      `The 'targetColumn' option must differ from the feature names. Got ${
        JSON.stringify(targetColumn)
      }, which is a feature.`,
    );
  }
  if (X.length !== y.length) {
    throw new ValueError(`X has ${X.length} rows but y has ${y.length} values.`);
  }
  let target: (number | string)[] = y;
  if (targetNames) {
    if (dataset.targetNames.length === 0) {
      throw new ValueError(
        "The 'targetNames' option needs a classification data set; this one has no targetNames.",
      );
    }
    target = y.map((code, i) => {
      const name = dataset.targetNames[code];
      if (name === undefined) {
        throw new ValueError(
          `y[${i}] = ${code} is not a class code 0..${dataset.targetNames.length - 1}.`,
        );
      }
      return name;
    });
  }
  const columns: Record<string, (number | string)[]> = {};
  featureNames.forEach((name, j) => columns[name] = X.map((row) => row[j]));
  columns[targetColumn] = target;
  const { DataFrame } = await import("npm:danfojs@1.2.0");
  return new DataFrame(columns);
}
