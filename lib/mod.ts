/**
 * mlnotes: machine-learning algorithms from scratch. Every family is re-exported here.
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./linear/mod.ts";
export * from "./discriminant/mod.ts";
export * from "./data/mod.ts";
export * from "./tree/mod.ts";
export * from "./ensemble/mod.ts";
export * from "./perceptron/mod.ts";
export * from "./neighbors/mod.ts";
export * from "./naive_bayes/mod.ts";
export * from "./preprocessing/mod.ts";
export * from "./solvers/mod.ts";
export * from "./autodiff/mod.ts";
export * from "./optim/mod.ts";
export * from "./nn/mod.ts";
export * from "./metrics/mod.ts";
export * from "./plot/mod.ts";
export * from "./prob/mod.ts";
export * from "./info/mod.ts";
export * from "./maxent/mod.ts";
export * from "./svm/mod.ts";
export * from "./adaboost/mod.ts";
export * from "./mixture/mod.ts";
export * from "./hmm/mod.ts";
export * from "./crf/mod.ts";
export * from "./deep/mod.ts";
export * from "./ctr/mod.ts";
