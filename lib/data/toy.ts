/**
 * scikit-learn's small bundled data sets, exported to `data/*.csv` by `tools/export_datasets.py`
 * and read back here synchronously (the files ship with the repository, so no `await` needed).
 * Sources and licences: `data/README.md`.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError, ValueError } from "../core/errors.ts";
import { parseNumericCsv } from "./csv.ts";
import type { Dataset } from "./types.ts";

const DIABETES_OPTION_NAMES = optionNames<DiabetesOptions>({ scaled: true });

/** The data sets in `data/`; `diabetes_raw` is `load_diabetes(scaled=False)`. */
export type ToyDatasetName =
  | "iris"
  | "wine"
  | "breast_cancer"
  | "diabetes"
  | "diabetes_raw"
  | "digits";

const NAMES: readonly ToyDatasetName[] = [
  "iris",
  "wine",
  "breast_cancer",
  "diabetes",
  "diabetes_raw",
  "digits",
];

/** The `<name>.meta.json` written beside each CSV. */
interface Meta {
  name: string;
  task: "classification" | "regression";
  nSamples: number;
  nFeatures: number;
  featureNames: string[];
  targetNames: string[];
  description: string;
}

const DATA_DIR = new URL("../../data/", import.meta.url);

/**
 * Loads one of the bundled data sets by name, checking the CSV against its metadata.
 *
 * @param name one of `iris`, `wine`, `breast_cancer`, `diabetes`, `diabetes_raw`, `digits`
 * @example
 * ```ts
 * import { loadToyDataset } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y } = loadToyDataset("wine");
 * assertEquals([X.length, X[0].length, [...new Set(y)].sort()], [178, 13, [0, 1, 2]]);
 * ```
 */
export function loadToyDataset(name: ToyDatasetName): Dataset {
  if (!NAMES.includes(name)) {
    throw new ValueError(
      `Unknown data set ${JSON.stringify(name)}. Choose one of ${NAMES.join(", ")}.`,
    );
  }
  const csvUrl = new URL(`${name}.csv`, DATA_DIR);
  const source = `data/${name}.csv`;
  const meta = JSON.parse(Deno.readTextFileSync(new URL(`${name}.meta.json`, DATA_DIR))) as Meta;
  const { header, values } = parseNumericCsv(Deno.readTextFileSync(csvUrl), { source });

  const expectedHeader = [...meta.featureNames, "target"];
  if (header.join("\u0000") !== expectedHeader.join("\u0000")) {
    throw new ShapeError(
      `${source} header does not match data/${name}.meta.json: expected ${expectedHeader.length} ` +
        `columns ending in "target", got ${header.length}. Regenerate with tools/export_datasets.py.`,
    );
  }
  if (values.length !== meta.nSamples) {
    throw new ShapeError(
      `${source} has ${values.length} rows, but data/${name}.meta.json says ${meta.nSamples}.`,
    );
  }
  const nFeatures = meta.featureNames.length;
  const X = values.map((row) => row.slice(0, nFeatures));
  const y = values.map((row) => row[nFeatures]);
  return {
    X,
    y,
    featureNames: [...meta.featureNames],
    targetNames: [...meta.targetNames],
    description: meta.description,
  };
}

/**
 * Fisher's iris (150 × 4, 3 classes: setosa, versicolor, virginica), scikit-learn's copy.
 *
 * @example
 * ```ts
 * import { loadIris } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y, targetNames } = loadIris();
 * assertEquals(X[0], [5.1, 3.5, 1.4, 0.2]);
 * assertEquals(targetNames[y[0]], "setosa");
 * ```
 */
export function loadIris(): Dataset {
  return loadToyDataset("iris");
}

/**
 * UCI wine recognition (178 × 13, 3 cultivars `class_0..class_2`).
 *
 * @example
 * ```ts
 * import { loadWine } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(loadWine().X.length, 178);
 * ```
 */
export function loadWine(): Dataset {
  return loadToyDataset("wine");
}

/**
 * Breast Cancer Wisconsin (Diagnostic) (569 × 30; 0 = malignant, 1 = benign, as in scikit-learn).
 *
 * @example
 * ```ts
 * import { loadBreastCancer } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(loadBreastCancer().targetNames, ["malignant", "benign"]);
 * ```
 */
export function loadBreastCancer(): Dataset {
  return loadToyDataset("breast_cancer");
}

/** Options of {@link loadDiabetes}. */
export interface DiabetesOptions {
  /**
   * `true`: scikit-learn's default copy, each feature column mean-centred and scaled to unit
   * Euclidean norm (std · √n). `false`: the original units (age in years, sex 1/2, ...).
   * The target (disease progression) is never scaled.
   * @default true
   */
  scaled?: boolean;
}

/**
 * Diabetes regression data of Efron et al. (2004) (442 × 10, target = progression after a year).
 *
 * @example
 * ```ts
 * import { loadDiabetes } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(loadDiabetes().y[0], 151);
 * assertEquals(loadDiabetes({ scaled: false }).X[0][0], 59); // age in years
 * ```
 */
export function loadDiabetes(options: DiabetesOptions = {}): Dataset {
  checkOptions(options, DIABETES_OPTION_NAMES, "loadDiabetes");
  const { scaled = true } = options;
  return loadToyDataset(scaled ? "diabetes" : "diabetes_raw");
}

/**
 * 8×8 handwritten digits (1797 × 64, pixel counts 0..16 in row-major order, classes 0-9).
 *
 * @example
 * ```ts
 * import { loadDigits } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y } = loadDigits();
 * const image = Array.from({ length: 8 }, (_, r) => X[0].slice(8 * r, 8 * r + 8));
 * assertEquals([image.length, image[0].length, y[0]], [8, 8, 0]); // the first digit is a 0
 * ```
 */
export function loadDigits(): Dataset {
  return loadToyDataset("digits");
}
