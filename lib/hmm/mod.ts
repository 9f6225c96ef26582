/**
 * Hidden Markov models (李航《统计学习方法》第10章): forward-backward, Viterbi and Baum-Welch for
 * discrete observations.
 *
 * @module
 */
export { CategoricalHMM, type CategoricalHMMOptions, type ViterbiResult } from "./hmm.ts";
