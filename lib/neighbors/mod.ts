/**
 * k-nearest neighbours (李航《统计学习方法》第3章): L_p distances, the kd-tree of 算法3.2/3.3,
 * brute-force search, and the k-NN classifier and regressor.
 *
 * @module
 */
export { checkP, minkowski } from "./distance.ts";
export {
  type KDNode,
  type KDRegion,
  KDTree,
  type KDTreeOptions,
  type SearchStep,
} from "./kdtree.ts";
export { BruteForce } from "./brute.ts";
export type { NeighborsResult, QueryResult } from "./result.ts";
export {
  NEIGHBORS_DEFAULTS,
  NeighborsBase,
  type NeighborsOptions,
  type NeighborsState,
} from "./base.ts";
export { KNeighborsClassifier, type KNeighborsClassifierState } from "./classifier.ts";
export { KNeighborsRegressor, type KNeighborsRegressorState } from "./regressor.ts";
