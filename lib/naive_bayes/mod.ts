/**
 * Naive Bayes (李航《统计学习方法》第4章): categorical (the book's, with λ smoothing), Gaussian and
 * multinomial classifiers sharing one prediction path.
 *
 * @module
 */
export { CategoricalNB, type CategoricalNBOptions } from "./categorical.ts";
export { GaussianNB, type GaussianNBOptions } from "./gaussian.ts";
export { MultinomialNB, type MultinomialNBOptions } from "./multinomial.ts";
export type { CategoryMatrixLike, CategoryValue } from "./categories.ts";
