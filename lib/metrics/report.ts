/**
 * scikit-learn's `classification_report`: precision, recall, F1 and support per class plus the
 * averages, as a structured object and as the same text table, character for character.
 *
 * @module
 */
import {
  checkInteger,
  describe,
  type LabelLike,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import { checkLabelKind, toLabelPair } from "./classification.ts";
import { precisionRecallFscoreSupport, type ZeroDivision } from "./precision_recall.ts";
import { type Label, toLabelList } from "./inputs.ts";
import { formatFixed, pythonFloatRepr } from "./python_format.ts";

/** One line of the report. */
export interface ReportRow {
  /** TP / (TP + FP). */
  precision: number;
  /** TP / (TP + FN). */
  recall: number;
  /** Harmonic mean of precision and recall. */
  f1Score: number;
  /** (Weighted) number of true samples. */
  support: number;
}

/** A per-class line: the label, the name shown for it, and its scores. */
export interface ReportClassRow extends ReportRow {
  /** The class label as it appears in the data. */
  label: Label;
  /** The name printed for it (`targetNames`, or the label as text). */
  name: string;
}

/** The data of a report. */
export interface ReportFields {
  /** One row per label, in label order. */
  perClass: ReportClassRow[];
  /** Accuracy, when all labels are reported; else undefined. */
  accuracy: number | undefined;
  /** Micro average, when `labels` selects a subset; else undefined. */
  microAvg: ReportRow | undefined;
  /** Unweighted mean over the labels. */
  macroAvg: ReportRow;
  /** Mean weighted by each label's support. */
  weightedAvg: ReportRow;
  /** The text table, as scikit-learn prints it. */
  text: string;
}

/** The result of {@linkcode classificationReport}; displays as its text table in Jupyter. */
export class ClassificationReport implements ReportFields {
  /** One row per label, in label order. */
  readonly perClass: ReportClassRow[];
  /** Accuracy, when the micro average equals it (all labels reported); else undefined. */
  readonly accuracy: number | undefined;
  /** Micro average, reported instead of accuracy when `labels` selects a subset. */
  readonly microAvg: ReportRow | undefined;
  /** Unweighted mean over the labels. */
  readonly macroAvg: ReportRow;
  /** Mean weighted by each label's support. */
  readonly weightedAvg: ReportRow;
  /** The text table, as scikit-learn prints it. */
  readonly text: string;

  /** Wraps computed fields; use {@linkcode classificationReport} to compute them. */
  constructor(fields: ReportFields) {
    this.perClass = fields.perClass;
    this.accuracy = fields.accuracy;
    this.microAvg = fields.microAvg;
    this.macroAvg = fields.macroAvg;
    this.weightedAvg = fields.weightedAvg;
    this.text = fields.text;
  }

  /** The text table. */
  toString(): string {
    return this.text;
  }

  /** scikit-learn's `output_dict=True` form: keys are names, "accuracy", "macro avg", ... */
  toDict(): Record<string, number | Record<string, number>> {
    const row = (r: ReportRow) => ({
      precision: r.precision,
      recall: r.recall,
      "f1-score": r.f1Score,
      support: r.support,
    });
    const out: Record<string, number | Record<string, number>> = {};
    for (const r of this.perClass) out[r.name] = row(r);
    if (this.accuracy !== undefined) out.accuracy = this.accuracy;
    if (this.microAvg) out["micro avg"] = row(this.microAvg);
    out["macro avg"] = row(this.macroAvg);
    out["weighted avg"] = row(this.weightedAvg);
    return out;
  }

  /** Jupyter shows the table as plain text. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.text };
  }
}

/**
 * Builds the classification report: per class precision, recall, F1 and support, then accuracy
 * (or the micro average when `labels` is a subset), the macro and the support-weighted averages.
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @example
 * ```ts
 * import { classificationReport } from "../mod.ts";
 * import { assertAlmostEquals, assertStringIncludes } from "@std/assert";
 *
 * const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], {
 *   targetNames: ["class 0", "class 1", "class 2"],
 * });
 * assertStringIncludes(report.text, "class 2       1.00      0.67      0.80         3");
 * assertAlmostEquals(report.macroAvg.f1Score, 0.4889, 1e-4);
 * ```
 */
export function classificationReport(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: {
    /** Labels to report, in order. @default sorted labels of yTrue and yPred */
    labels?: LabelLike;
    /** Display names, one per label. @default the labels as text */
    targetNames?: readonly string[];
    /** One weight per sample. @default undefined */
    sampleWeight?: VectorLike;
    /** Digits after the decimal point in the text. @default 2 */
    digits?: number;
    /** Value of 0/0 precision or recall. @default "warn" (as 0) */
    zeroDivision?: ZeroDivision;
  } = {},
): ClassificationReport {
  const { sampleWeight, digits = 2, zeroDivision = "warn", targetNames } = options;
  checkInteger("digits", digits, 0, 20);
  const pair = toLabelPair(yTrue, yPred, sampleWeight);
  let labels = pair.present, microIsAccuracy = true;
  if (options.labels !== undefined) {
    labels = toLabelList(options.labels);
    checkLabelKind(labels, pair.present, "labels");
    const same = new Set(labels);
    microIsAccuracy = same.size === pair.present.length && pair.present.every((l) => same.has(l));
  }
  if (targetNames !== undefined && targetNames.length !== labels.length) {
    throw new ValueError(
      `targetNames has ${targetNames.length} names, but there are ${labels.length} labels ` +
        `${describe(labels)}; pass one name per label (or the labels option).`,
    );
  }
  const names = targetNames ? [...targetNames] : labels.map(String);
  const common = { labels, sampleWeight, zeroDivision };
  const per = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average: null });
  const totalSupport = per.support.reduce((a, b) => a + b, 0);
  const averaged = (average: "micro" | "macro" | "weighted"): ReportRow => {
    const r = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average });
    return { precision: r.precision, recall: r.recall, f1Score: r.fScore, support: totalSupport };
  };
  const perClass = labels.map((label, i) => ({
    label,
    name: names[i],
    precision: per.precision[i],
    recall: per.recall[i],
    f1Score: per.fScore[i],
    support: per.support[i],
  }));
  const micro = averaged("micro");
  const fields: ReportFields = {
    perClass,
    accuracy: microIsAccuracy ? micro.f1Score : undefined,
    microAvg: microIsAccuracy ? undefined : micro,
    macroAvg: averaged("macro"),
    weightedAvg: averaged("weighted"),
    text: "",
  };
  fields.text = renderText(fields, digits, sampleWeight !== undefined);
  return new ClassificationReport(fields);
}

/** The text table, laid out with scikit-learn's format strings. */
function renderText(
  r: Omit<ReportFields, "text">,
  digits: number,
  weighted: boolean,
): string {
  const width = Math.max(...r.perClass.map((c) => c.name.length), "weighted avg".length, digits);
  const num = (v: number) => " " + formatFixed(v, digits).padStart(9);
  // Supports are integers without weights; with weights Python prints the float's repr.
  const count = (v: number) => " " + (weighted ? pythonFloatRepr(v) : String(v)).padStart(9);
  const line = (name: string, row: ReportRow) =>
    name.padStart(width) + " " + num(row.precision) + num(row.recall) + num(row.f1Score) +
    count(row.support) + "\n";
  let text = "".padStart(width) + " " +
    ["precision", "recall", "f1-score", "support"].map((h) => " " + h.padStart(9)).join("") +
    "\n\n";
  for (const c of r.perClass) text += line(c.name, c);
  text += "\n";
  if (r.accuracy !== undefined) {
    const support = r.macroAvg.support;
    text += "accuracy".padStart(width) + " " + " ".repeat(20) + num(r.accuracy) + count(support) +
      "\n";
  } else text += line("micro avg", r.microAvg!);
  text += line("macro avg", r.macroAvg);
  text += line("weighted avg", r.weightedAvg);
  return text;
}
