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
export type { NeighborsOptions } from "./base.ts";
export { KNeighborsClassifier } from "./classifier.ts";
export { KNeighborsRegressor } from "./regressor.ts";
