/**
 * Splitting data into training and test sets, seeded (scikit-learn's `train_test_split`).
 *
 * @module
 */
import { checkLengthsMatch, ValueError } from "./errors.ts";
import { checkOptions } from "./options.ts";
import { Matrix } from "./matrix.ts";
import { Random } from "./random.ts";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Fraction (0, 1) or count of test samples. @default 0.25 */
  testSize?: number;
  /** Seed of the shuffle. @default 0 */
  seed?: number;
  /** Shuffle before splitting. @default true */
  shuffle?: boolean;
  /** Labels whose class proportions both parts keep. */
  stratify?: ArrayLike<number | string>;
}

type Rows<T> = Matrix | ArrayLike<T>;

const SPLIT_OPTIONS = ["testSize", "seed", "shuffle", "stratify"];

function take<T>(data: Rows<T>, indices: ArrayLike<number>): Matrix | T[] {
  if (data instanceof Matrix) return data.selectRows(indices);
  return Array.from(indices, (i) => data[i]);
}

/**
 * Splits X and y into random train and test subsets.
 * @param X shape (nSamples, ...): a Matrix or any array of rows
 * @param y shape (nSamples,)
 * @returns `{ XTrain, XTest, yTrain, yTest }` of the same kinds as the inputs (arrays stay arrays)
 * @example
 * ```ts
 * import { trainTestSplit } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7]], y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const { XTrain, XTest, yTest } = trainTestSplit(X, y, { testSize: 0.25, seed: 0 });
 * assertEquals([XTrain.length, XTest.length], [6, 2]);
 * assertEquals(trainTestSplit(X, y, { testSize: 0.25, seed: 0 }).yTest, yTest); // same seed
 * ```
 */
export function trainTestSplit<R, L>(
  X: ArrayLike<R>,
  y: ArrayLike<L>,
  options?: TrainTestSplitOptions,
): { XTrain: R[]; XTest: R[]; yTrain: L[]; yTest: L[] };
/** The same split of a `Matrix` X: the two parts of X are matrices too. */
export function trainTestSplit<L>(
  X: Matrix,
  y: ArrayLike<L>,
  options?: TrainTestSplitOptions,
): { XTrain: Matrix; XTest: Matrix; yTrain: L[]; yTest: L[] };
export function trainTestSplit<R, L>(
  X: Rows<R>,
  y: ArrayLike<L>,
  options?: TrainTestSplitOptions,
) {
  const { testSize = 0.25, seed = 0, shuffle = true, stratify } = checkOptions(
    options,
    SPLIT_OPTIONS,
    "trainTestSplit",
  ) as TrainTestSplitOptions;
  const n = X instanceof Matrix ? X.rows : X.length;
  checkLengthsMatch("y", y.length, "X", n);
  const nTest = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!(testSize > 0) || !Number.isInteger(nTest) || nTest >= n) {
    throw new ValueError(
      `The 'testSize' option must be a fraction in (0, 1) or an integer count below ${n}. Got ${testSize} instead.`,
    );
  }
  const rng = new Random(seed);
  let order: number[];
  if (stratify) {
    order = stratifiedOrder(stratify, nTest, rng);
  } else {
    order = Array.from(shuffle ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i));
    // Test first, so that `nTest` leading indices are the test part.
  }
  const test = order.slice(0, nTest), train = order.slice(nTest);
  return {
    XTrain: take(X, train),
    XTest: take(X, test),
    yTrain: Array.from(train, (i) => y[i]),
    yTest: Array.from(test, (i) => y[i]),
  };
}

/** Test indices first: each class contributes round(share * nTest), remainders by largest fraction. */
function stratifiedOrder(labels: ArrayLike<number | string>, nTest: number, rng: Random): number[] {
  const groups = new Map<number | string, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const g = groups.get(labels[i]) ?? [];
    g.push(i);
    groups.set(labels[i], g);
  }
  const n = labels.length;
  const entries = [...groups.values()].map((idx) => {
    rng.shuffle(idx);
    const exact = (idx.length * nTest) / n;
    return { idx, take: Math.floor(exact), frac: exact - Math.floor(exact) };
  });
  let missing = nTest - entries.reduce((s, e) => s + e.take, 0);
  for (const e of [...entries].sort((a, b) => b.frac - a.frac)) {
    if (missing-- <= 0) break;
    e.take++;
  }
  const test = entries.flatMap((e) => e.idx.slice(0, e.take));
  const train = entries.flatMap((e) => e.idx.slice(e.take));
  return [...rng.shuffle(test), ...rng.shuffle(train)];
}
