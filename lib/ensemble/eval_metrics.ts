/**
 * The metrics `trainBooster` logs on its eval sets after every round (XGBoost's names): rmse, mae,
 * logloss, error, auc, mlogloss, merror, ndcg, ndcg@k, map, map@k. They read margins, so that the
 * log costs no extra prediction pass.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { ndcgScore, rocAucScore } from "../metrics/mod.ts";
import { meanAveragePrecisionScore } from "../metrics/map.ts";
import type { ObjectiveName } from "./objectives.ts";

/** The metric logged when `evalMetric` is not given. */
export function defaultMetric(objective: ObjectiveName): string {
  switch (objective) {
    case "regression":
    case "huber":
      return "rmse";
    case "regression_l1":
      return "mae";
    case "binary":
    case "cross_entropy":
      return "logloss";
    case "multiclass":
      return "mlogloss";
    default:
      return "ndcg";
  }
}

/** True for metrics where larger is better (early stopping maximises them). */
export function higherIsBetter(metric: string): boolean {
  return /^(auc|ndcg|map)/.test(metric);
}

const KNOWN = /^(rmse|mae|logloss|error|auc|mlogloss|merror|(ndcg|map)(@\d+)?)$/;

/** Throws unless every metric name is known. */
export function checkMetrics(names: string[]): void {
  for (const m of names) {
    if (!KNOWN.test(m)) {
      throw new ValueError(
        `Unknown eval metric '${m}'. Known: rmse, mae, logloss, error, auc, mlogloss, merror, ndcg, ndcg@k, map, map@k.`,
      );
    }
  }
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * One metric of margins against labels.
 * @param margin length n·numClass, class-major
 * @param offsets query group offsets (ranking metrics), or undefined
 */
export function evalMetric(
  metric: string,
  margin: Float64Array,
  y: Float64Array,
  numClass: number,
  offsets: Uint32Array | undefined,
): number {
  const n = y.length;
  if (metric === "rmse" || metric === "mae") {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = margin[i] - y[i];
      s += metric === "rmse" ? d * d : Math.abs(d);
    }
    return metric === "rmse" ? Math.sqrt(s / n) : s / n;
  }
  if (metric === "logloss" || metric === "error") {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(sigmoid(margin[i]), 1e-15), 1 - 1e-15);
      s += metric === "logloss"
        ? -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p))
        : (p > 0.5 ? 1 : 0) !== y[i]
        ? 1
        : 0;
    }
    return s / n;
  }
  if (metric === "auc") return rocAucScore(y, margin.subarray(0, n));
  if (metric === "mlogloss" || metric === "merror") {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity, arg = 0;
      for (let k = 0; k < numClass; k++) {
        if (margin[k * n + i] > max) [max, arg] = [margin[k * n + i], k];
      }
      let z = 0;
      for (let k = 0; k < numClass; k++) z += Math.exp(margin[k * n + i] - max);
      const p = Math.exp(margin[y[i] * n + i] - max) / z;
      s += metric === "mlogloss" ? -Math.log(Math.max(p, 1e-15)) : arg !== y[i] ? 1 : 0;
    }
    return s / n;
  }
  const [name, kText] = metric.split("@");
  const k = kText === undefined ? undefined : Number(kText);
  const groups = offsets ?? Uint32Array.of(0, n);
  let total = 0, count = 0;
  for (let q = 0; q + 1 < groups.length; q++) {
    const s = groups[q], e = groups[q + 1];
    const rel = [Array.from(y.subarray(s, e))], score = [Array.from(margin.subarray(s, e))];
    if (e - s < 2) {
      total += rel[0][0] > 0 || name === "ndcg" ? 1 : 0;
    } else if (name === "ndcg") {
      total += ndcgScore(rel, score, { k: k === undefined ? undefined : Math.min(k, e - s) });
    } else total += meanAveragePrecisionScore(rel, score, { k });
    count++;
  }
  return total / count;
}
