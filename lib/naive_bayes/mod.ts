/**
 * Naive Bayes (李航《统计学习方法》第4章): categorical (the book's, with λ smoothing), Gaussian and
 * multinomial classifiers sharing one prediction path.
 *
 * @module
 */
export { NaiveBayes, type NaiveBayesState } from "./base.ts";
export { CategoricalNB, type CategoricalNBOptions, type CategoricalState } from "./categorical.ts";
export { GaussianNB, type GaussianNBOptions, type GaussianState } from "./gaussian.ts";
export { MultinomialNB, type MultinomialNBOptions, type MultinomialState } from "./multinomial.ts";
export type { CategoryMatrixLike, CategoryValue } from "./categories.ts";
