/**
 * Live training progress: one line that is rewritten in place. In the Deno Jupyter kernel it is a
 * display updated through its `display_id` (`Deno.jupyter.display(..., { update: true })`), which
 * must be awaited for the front end to see each update while the cell still runs; in a terminal it
 * is a line rewritten with "\r". (The kernel does not forward `Deno.stdout` writes, so "\r" alone
 * would show nothing in a notebook.)
 *
 * @module
 */
import type { LabelLike, MatrixLike } from "../core/mod.ts";
import { inJupyter } from "../plot/mod.ts";
import type { EpochInfo } from "./mlp_estimator.ts";

let displayCounter = 0;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A progress line; `update` replaces its text. */
export class ProgressDisplay {
  private readonly id = `mlnotes-progress-${++displayCounter}`;
  private shown = false;
  private readonly sink?: (line: string) => void;

  /**
   * A display that writes to Jupyter (updated in place) or the terminal, or to `sink`.
   * @param sink receives each line instead of Jupyter/the terminal (tests, logging)
   */
  constructor(sink?: (line: string) => void) {
    this.sink = sink;
  }

  /**
   * Shows `line` in place of the previous one.
   * @param fraction progress in [0, 1], drawn as a bar in Jupyter
   */
  async update(line: string, fraction?: number): Promise<void> {
    if (this.sink) {
      this.sink(line);
    } else if (inJupyter()) {
      const bar = fraction === undefined
        ? ""
        : `<progress value="${fraction}" max="1" style="width:12em"></progress> `;
      const bundle = { "text/plain": line, "text/html": `${bar}<code>${escapeHtml(line)}</code>` };
      await Deno.jupyter.display(bundle, { raw: true, update: this.shown, display_id: this.id });
    } else {
      await Deno.stdout.write(new TextEncoder().encode(`\r${line}\x1b[K`));
    }
    this.shown = true;
  }

  /** Ends the line (a newline in a terminal). */
  async done(): Promise<void> {
    if (!this.sink && !inJupyter() && this.shown) {
      await Deno.stdout.write(new TextEncoder().encode("\n"));
    }
  }
}

/** A model that trains epoch by epoch (MLPClassifier, MLPRegressor). */
export interface EpochTrainer {
  /** The model's class name, shown in the progress line. */
  readonly className: string;
  /** Its options; `maxIter` bounds the epochs. */
  readonly options: Readonly<{ maxIter: number }>;
  /** Trains, yielding after each epoch. */
  fitEpochs(X: MatrixLike, y: LabelLike): Generator<EpochInfo, unknown>;
  /** Accuracy (classifier) or R² (regressor) on (X, y). */
  score(X: MatrixLike, y: never): number;
}

/** Options of {@link trainWithProgress}. */
export interface TrainWithProgressOptions {
  /** Held-out samples scored after every epoch. */
  XTest?: MatrixLike;
  /** Their targets. */
  yTest?: LabelLike;
  /** Refresh the display every `every` epochs (and after the last). @default 1 */
  every?: number;
  /** Where lines go. @default a new ProgressDisplay (Jupyter or terminal) */
  display?: ProgressDisplay;
}

/** Per-epoch record of a training run. */
export interface TrainingHistory {
  /** Mean training loss of each epoch. */
  loss: number[];
  /** `score` on the training set (accuracy, or R² for a regressor). */
  trainScore: number[];
  /** `score` on (XTest, yTest); empty without them. */
  testScore: number[];
  /** Wall-clock seconds of the whole run. */
  seconds: number;
}

/**
 * Fits `model` exactly as `fit` would, showing "epoch e/E  loss  train acc  test acc  time" live,
 * and returns the per-epoch curves for `lossCurve`.
 * @param X shape (nSamples, nFeatures)
 * @param y shape (nSamples,)
 * @example
 * ```ts
 * import { MLPClassifier, ProgressDisplay, trainWithProgress } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [0, 1, 1, 0];
 * const model = new MLPClassifier({ hiddenLayerSizes: [8], learningRate: 0.05, seed: 0 });
 * const lines: string[] = []; // in a notebook, leave `display` out: a live progress line
 * const history = await trainWithProgress(model, X, y, {
 *   XTest: X,
 *   yTest: y,
 *   display: new ProgressDisplay((line) => lines.push(line)),
 * });
 * assertEquals(history.loss.length, model.nIter);
 * assertEquals(history.testScore.at(-1), 1);
 * ```
 */
export async function trainWithProgress(
  model: EpochTrainer,
  X: MatrixLike,
  y: LabelLike,
  { XTest, yTest, every = 1, display = new ProgressDisplay() }: TrainWithProgressOptions = {},
): Promise<TrainingHistory> {
  const metric = model.className === "MLPClassifier" ? "acc" : "R²";
  const history: TrainingHistory = { loss: [], trainScore: [], testScore: [], seconds: 0 };
  const maxIter = model.options.maxIter;
  let line = "";
  for (const { epoch, loss, seconds } of model.fitEpochs(X, y)) {
    history.loss.push(loss);
    history.trainScore.push(model.score(X, y as never));
    line = `epoch ${epoch}/${maxIter}  loss ${loss.toFixed(4)}  train ${metric} ${
      history.trainScore[epoch - 1].toFixed(4)
    }`;
    if (XTest && yTest) {
      history.testScore.push(model.score(XTest, yTest as never));
      line += `  test ${metric} ${history.testScore[epoch - 1].toFixed(4)}`;
    }
    line += `  ${seconds.toFixed(1)} s`;
    history.seconds = seconds;
    if (epoch % every === 0 || epoch === maxIter) await display.update(line, epoch / maxIter);
  }
  await display.update(line, 1);
  await display.done();
  return history;
}
