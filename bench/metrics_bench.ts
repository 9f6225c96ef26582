/**
 * Ranking metrics on 1,000,000 scored samples (sort-bound). Run: `deno bench -A bench/metrics_bench.ts`.
 */
import { benchCase } from "./cases.ts";

const group = "binary ranking metrics, 1e6 samples";
benchCase("roc_auc_1e6", { group, baseline: true });
benchCase("average_precision_1e6", { group });
