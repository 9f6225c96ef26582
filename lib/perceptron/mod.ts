/**
 * The perceptron (李航《统计学习方法》第2章), primal and dual forms, with its Gram matrix.
 *
 * @module
 */
export {
  Perceptron,
  type PerceptronOptions,
  type PerceptronState,
  type PerceptronUpdate,
} from "./perceptron.ts";
export { gramMatrix } from "./gram.ts";
export { convexHull } from "./hull.ts";
