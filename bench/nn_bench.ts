/**
 * MLPClassifier, 10 epochs on digits / 16 with scikit-learn's MLPClassifier defaults
 * (one hidden layer of 100 relu units, adam, lr 1e-3, batch 200, α = 1e-4).
 * Run: `deno bench -A bench/nn_bench.ts`.
 */
import { benchCase } from "./cases.ts";

benchCase("mlp_digits_10_epochs", { group: "MLPClassifier, digits / 16 (1797, 64)" });
