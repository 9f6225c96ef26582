/**
 * Decision trees for classification (ID3, C4.5, CART) and least-squares regression (CART), with
 * categorical string features as well as numeric ones, and cost-complexity pruning.
 * 李航《统计学习方法》第5章; scikit-learn's DecisionTreeClassifier/DecisionTreeRegressor.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkInteger,
  checkNumber,
  checkOneOf,
  classifierScore,
  encodeLabels,
  Estimator,
  type EstimatorKind,
  type FittedState,
  type LabelLike,
  regressorScore,
  toVector,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import {
  applyEncoding,
  type Cell,
  type EncodedTable,
  type FeatureEncoding,
  fitEncoding,
  type TableLike,
} from "./encode.ts";
import { type ClassificationCriterion, growTree, type Target, type TreeNode } from "./grow.ts";
import { pruneTree, type PruningPath, pruningPath, treeSize } from "./prune.ts";
import { exportText, type ReadableNode, readableTree } from "./export.ts";

/** Options shared by both trees. */
export interface TreeOptions {
  /** Maximum depth; `null` grows until leaves are pure or too small. @default null */
  maxDepth: number | null;
  /** A node needs at least this many samples to be split. @default 2 */
  minSamplesSplit: number;
  /** Every child must keep at least this many samples (rows, whatever their weight). @default 1 */
  minSamplesLeaf: number;
  /**
   * Every child must keep at least this fraction of the total sample weight (scikit-learn's
   * `min_weight_fraction_leaf`), in [0, 0.5]. @default 0
   */
  minWeightFractionLeaf: number;
  /** Split only if (n_t / N) · impurity decrease ≥ this (scikit-learn's definition). @default 0 */
  minImpurityDecrease: number;
  /** Cost-complexity parameter α: prune weakest links with g(t) ≤ α after growing. @default 0 */
  ccpAlpha: number;
  /** Numeric columns to treat as categories; string columns always are. @default [] */
  categoricalFeatures: number[];
  /** Names for `exportText`/`toTree`; default "x0", "x1", ... @default null */
  featureNames: string[] | null;
}

const TREE_DEFAULTS: TreeOptions = {
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  minImpurityDecrease: 0,
  ccpAlpha: 0,
  categoricalFeatures: [],
  featureNames: null,
};

/** What a decision tree learns (saved by `toJSON`). */
export interface TreeState extends FittedState {
  /** The fitted tree, pruned by `ccpAlpha`. */
  tree: TreeNode;
  /** The unpruned tree, kept for `costComplexityPruningPath`. */
  fullTree: TreeNode;
  /** How each column was read during `fit` (categories of string columns). */
  encoding: FeatureEncoding;
  /** The sorted class labels (empty for regression). */
  classes: Cell[];
}

/**
 * What the classification and regression trees share: option checks, encoding X, growing and
 * pruning, the fitted tree and its readable forms, feature importances.
 * @typeParam O the options, with a `criterion`
 */
export abstract class BaseTree<O extends TreeOptions & { criterion: string }>
  extends Estimator<O, TreeState> {
  /** Checks the options common to both trees (a ValueError names a bad one). */
  protected checkTreeOptions(): void {
    const o = this.options;
    if (o.maxDepth !== null) checkInteger("maxDepth", o.maxDepth, 1);
    checkInteger("minSamplesSplit", o.minSamplesSplit, 2);
    checkInteger("minSamplesLeaf", o.minSamplesLeaf, 1);
    checkNumber("minWeightFractionLeaf", o.minWeightFractionLeaf, { min: 0, max: 0.5 });
    checkNumber("minImpurityDecrease", o.minImpurityDecrease, { min: 0 });
    checkNumber("ccpAlpha", o.ccpAlpha, { min: 0 });
    if (!Array.isArray(o.categoricalFeatures)) {
      throw new ValueError(
        `The 'categoricalFeatures' option must be an array of column indices. Got ${o.categoricalFeatures}.`,
      );
    }
  }

  /** The fitted (pruned) tree, with category codes; see `toTree()` for a readable copy. */
  get tree(): TreeNode {
    return this.fitted().tree;
  }

  /** Depth of the fitted tree (a single leaf has depth 0). */
  get depth(): number {
    return treeSize(this.fitted().tree).depth;
  }

  /** Number of leaves of the fitted tree. */
  get nLeaves(): number {
    return treeSize(this.fitted().tree).leaves;
  }

  /**
   * Normalised total impurity decrease brought by each feature (scikit-learn's
   * `feature_importances_`): Σ over the feature's splits of n_t·I(t) − Σ_children n_c·I(c),
   * n the nodes' total sample weights.
   */
  get featureImportances(): Float64Array {
    const { tree, nFeaturesIn } = this.fitted();
    const imp = new Float64Array(nFeaturesIn);
    const visit = (node: TreeNode) => {
      if (!node.split || !node.children) return;
      let decrease = node.weight * node.impurity;
      for (const c of node.children) decrease -= c.weight * c.impurity;
      imp[node.split.feature] += decrease;
      node.children.forEach(visit);
    };
    visit(tree);
    const total = imp.reduce((s, v) => s + v, 0);
    return total > 0 ? imp.map((v) => v / total) : imp;
  }

  /** The tree as nested JSON with feature names and category values. */
  toTree(): ReadableNode {
    const s = this.fitted();
    return readableTree(s.tree, s.encoding, this.names(), s.classes);
  }

  /** The tree as indented text, like scikit-learn's `export_text`. */
  exportText({ decimals = 3 } = {}): string {
    return exportText(this.toTree(), decimals);
  }

  /** α's of the nested pruned subtrees of the unpruned tree and their total leaf impurities. */
  costComplexityPruningPath(): PruningPath {
    return pruningPath(this.fitted().fullTree);
  }

  /** The feature names: the `featureNames` option, or x0, x1, .... */
  protected names(): string[] {
    const n = this.fitted().nFeaturesIn;
    const given = this.options.featureNames;
    if (given && given.length !== n) {
      throw new ValueError(
        `The 'featureNames' option has ${given.length} names, but the tree has ${n} features.`,
      );
    }
    return given ?? Array.from({ length: n }, (_, j) => `x${j}`);
  }

  /**
   * Encodes X, checks y (through `target`) and the weights against its row count, grows the tree
   * and prunes it.
   */
  protected grow(X: TableLike, target: (n: number) => Target, fitOptions: FitOptions): void {
    const { encoding, table } = fitEncoding(X, this.options.categoricalFeatures);
    const o = this.options;
    const t = target(table.nSamples);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const sampleWeight = toSampleWeight(fitOptions.sampleWeight, table.nSamples);
    let totalWeight = table.nSamples;
    if (sampleWeight) totalWeight = sampleWeight.reduce((s, w) => s + w, 0);
    const fullTree = growTree(
      table,
      encoding.categories.map((c) => c !== null),
      t,
      {
        criterion: o.criterion as ClassificationCriterion,
        maxDepth: o.maxDepth ?? Infinity,
        minSamplesSplit: o.minSamplesSplit,
        minSamplesLeaf: o.minSamplesLeaf,
        minImpurityDecrease: o.minImpurityDecrease,
        minWeightLeaf: o.minWeightFractionLeaf * totalWeight,
        sampleWeight,
      },
    );
    const tree = o.ccpAlpha > 0 ? pruneTree(fullTree, o.ccpAlpha) : fullTree;
    this.state = {
      nFeaturesIn: table.columns.length,
      tree,
      fullTree,
      encoding,
      classes: this.state?.classes ?? [],
    };
  }

  /** The leaf (or, for an unseen category at a multiway split, the node) each row reaches. */
  protected leaves(X: TableLike): TreeNode[] {
    const { tree, encoding } = this.fitted();
    const table: EncodedTable = applyEncoding(X, encoding, "X", this.className);
    return Array.from({ length: table.nSamples }, (_, i) => {
      let node = tree;
      while (node.split && node.children) {
        const s = node.split, v = table.columns[s.feature][i];
        if (s.kind === "threshold") node = node.children[v <= s.threshold ? 0 : 1];
        else if (s.kind === "equals") node = node.children[v === s.category ? 0 : 1];
        else {
          const k = s.categories.indexOf(v);
          if (k < 0) break;
          node = node.children[k];
        }
      }
      return node;
    });
  }
}

/** Options of {@link DecisionTreeClassifier}: the criterion and the shared {@link TreeOptions}. */
export interface DecisionTreeClassifierOptions extends TreeOptions {
  /** "entropy": ID3's information gain; "gainRatio": C4.5; "gini": CART. @default "gini" */
  criterion: ClassificationCriterion;
}

/**
 * Classification tree. String columns are categorical: ID3/C4.5 split them into one branch per
 * value, CART into "= a" / "≠ a"; numeric columns split at thresholds.
 *
 * @example
 * ```ts
 * import { DecisionTreeClassifier, loanApplications } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // 李航 例5.3: ID3 (information gain) on 表5.1 splits on 有自己的房子, then on 有工作
 * const { X, y, featureNames } = loanApplications();
 * const tree = new DecisionTreeClassifier({ criterion: "entropy", featureNames }).fit(X, y);
 * assertEquals(tree.exportText().split("\n").slice(0, 2), [
 *   "|--- 有自己的房子 = 否",
 *   "|   |--- 有工作 = 否",
 * ]);
 * assertEquals([tree.depth, tree.nLeaves], [2, 3]);
 * assertEquals(tree.predict([["青年", "否", "是", "一般"]]), ["是"]);
 * ```
 */
export class DecisionTreeClassifier extends BaseTree<DecisionTreeClassifierOptions> {
  /** A classifier (see {@link EstimatorKind}). */
  static override readonly estimatorKind: EstimatorKind = "classifier";
  /** "DecisionTreeClassifier", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "DecisionTreeClassifier";

  /**
   * Creates an unfitted DecisionTreeClassifier; see {@link DecisionTreeClassifierOptions}
   * for the options and their defaults.
   */
  constructor(options: Partial<DecisionTreeClassifierOptions> = {}) {
    super({ ...TREE_DEFAULTS, criterion: "gini" }, options);
    checkOneOf("criterion", this.options.criterion, ["gini", "entropy", "gainRatio"] as const);
    this.checkTreeOptions();
  }

  /** The class labels, sorted (a copy). */
  get classes(): Cell[] {
    return [...this.fitted().classes];
  }

  /**
   * Grows the tree on (X, y), then prunes it with `ccpAlpha` (李航 §5.2-5.5).
   * @param X shape (nSamples, nFeatures): numbers and/or strings
   * @param y shape (nSamples,): class labels (numbers or strings)
   * @param fitOptions `sampleWeight`, shape (nSamples,): weighted class counts and impurities
   */
  fit(X: TableLike, y: LabelLike, fitOptions: FitOptions = {}): this {
    this.state = undefined;
    let classes: Cell[] = [];
    this.grow(X, (n) => {
      // Mixed label kinds and continuous targets are refused here (one rule for all classifiers).
      const encoded = encodeLabels(y, {
        nSamples: n,
        minClasses: 1,
        estimator: this.className,
        regressor: "DecisionTreeRegressor",
      });
      classes = encoded.classes;
      return { kind: "classification", y: encoded.indices, nClasses: classes.length };
    }, fitOptions);
    this.state!.classes = classes;
    return this;
  }

  /**
   * Class probabilities: the (weighted) class shares of the leaf each row reaches.
   * Shape (nSamples, nClasses).
   */
  predictProba(X: TableLike): number[][] {
    return this.leaves(X).map((leaf) => {
      const total = leaf.value.reduce((s, c) => s + c, 0);
      return leaf.value.map((c) => c / total);
    });
  }

  /** The majority class of the leaf each row reaches (ties go to the first class). */
  predict(X: TableLike): Cell[] {
    const { classes } = this.fitted();
    return this.leaves(X).map((leaf) => classes[argmax(leaf.value)]);
  }

  /** Accuracy on (X, y). */
  score(X: TableLike, y: LabelLike): number {
    return classifierScore(this.predict(X), y);
  }
}

/** Options of {@link DecisionTreeRegressor}: the criterion and the shared {@link TreeOptions}. */
export interface DecisionTreeRegressorOptions extends TreeOptions {
  /** Least squares (CART regression, 李航 算法5.5). @default "squaredError" */
  criterion: "squaredError";
}

/**
 * Least-squares regression tree: each split minimises the summed squared error of the two parts;
 * a leaf predicts the mean of its samples.
 */
export class DecisionTreeRegressor extends BaseTree<DecisionTreeRegressorOptions> {
  /** A regressor (see {@link EstimatorKind}). */
  static override readonly estimatorKind: EstimatorKind = "regressor";
  /** "DecisionTreeRegressor", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "DecisionTreeRegressor";

  /**
   * Creates an unfitted DecisionTreeRegressor; see {@link DecisionTreeRegressorOptions}
   * for the options and their defaults.
   */
  constructor(options: Partial<DecisionTreeRegressorOptions> = {}) {
    super({ ...TREE_DEFAULTS, criterion: "squaredError" }, options);
    checkOneOf("criterion", this.options.criterion, ["squaredError"] as const);
    this.checkTreeOptions();
  }

  /**
   * Grows the least-squares tree on (X, y) (李航 算法5.5), then prunes it with `ccpAlpha`.
   * @param X shape (nSamples, nFeatures): numbers and/or strings
   * @param y shape (nSamples,): real targets
   * @param fitOptions `sampleWeight`, shape (nSamples,): weighted means and squared errors
   */
  fit(X: TableLike, y: VectorLike, fitOptions: FitOptions = {}): this {
    this.state = undefined;
    this.grow(X, (n) => ({ kind: "regression", y: toVector(y, "y", n) }), fitOptions);
    return this;
  }

  /** The mean target of the leaf each row reaches. */
  predict(X: TableLike): Float64Array {
    return Float64Array.from(this.leaves(X), (leaf) => leaf.value[0]);
  }

  /** Coefficient of determination R² on (X, y). */
  score(X: TableLike, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }
}

function argmax(values: number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}
