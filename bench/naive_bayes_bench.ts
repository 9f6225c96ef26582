/** Naive Bayes on digits (1797, 64). Run: `deno bench -A bench/naive_bayes_bench.ts`. */
import { benchCase } from "./cases.ts";

const group = "naive Bayes, digits (1797, 64)";
benchCase("gaussian_nb_digits", { group, baseline: true });
benchCase("multinomial_nb_digits", { group });
benchCase("gaussian_nb_predict_digits", { group });
