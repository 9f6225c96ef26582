/**
 * A live progress line for training loops: `showProgress()` returns the `onEpoch` callback that
 * lib/nn's `trainWithProgress` calls. In the Deno Jupyter kernel the line is a display updated
 * through its `display_id` (`Deno.jupyter.display(..., { update: true })`, awaited so the front end
 * sees each update while the cell runs); in a terminal it is rewritten with "\r". (The kernel does
 * not forward `Deno.stdout` writes, so "\r" alone would show nothing in a notebook.)
 *
 * @module
 */
import { inJupyter } from "./show.ts";

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

/** The fields of a training epoch that the line shows (lib/nn's `EpochRecord` has them). */
export interface EpochLine {
  /** The epoch just finished, from 1. */
  epoch: number;
  /** The most epochs the run may take. */
  maxIter: number;
  /** Mean training loss of the epoch. */
  loss: number;
  /** The score's name: "acc" or "R²". */
  metric: string;
  /** Score on the training set. */
  trainScore: number;
  /** Score on the held-out set, when there is one. */
  testScore?: number;
  /** Seconds since training started. */
  seconds: number;
  /** True for the run's last record: the line is then ended. */
  final: boolean;
}

/**
 * "epoch 5/12  loss 0.6931  train acc 0.5000  test acc 0.5000  0.1 s".
 * @example
 * ```ts
 * import { formatEpoch } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const line = formatEpoch({
 *   epoch: 5, maxIter: 12, loss: 0.69314, metric: "acc", trainScore: 0.5, seconds: 0.12,
 *   final: false,
 * });
 * assertEquals(line, "epoch 5/12  loss 0.6931  train acc 0.5000  0.1 s");
 * ```
 */
export function formatEpoch(r: EpochLine): string {
  let line = `epoch ${r.epoch}/${r.maxIter}  loss ${r.loss.toFixed(4)}  train ${r.metric} ${
    r.trainScore.toFixed(4)
  }`;
  if (r.testScore !== undefined) line += `  test ${r.metric} ${r.testScore.toFixed(4)}`;
  return `${line}  ${r.seconds.toFixed(1)} s`;
}

/**
 * The `onEpoch` callback that shows each record as one line updated in place (a bar in Jupyter).
 * @param display where lines go @default a new ProgressDisplay (Jupyter or terminal)
 * @example
 * ```ts
 * import { MLPClassifier, ProgressDisplay, showProgress, trainWithProgress } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const lines: string[] = [];
 * const model = new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 4 });
 * await trainWithProgress(model, [[0], [1], [2], [3]], [0, 0, 1, 1], {
 *   every: 2,
 *   onEpoch: showProgress(new ProgressDisplay((line) => lines.push(line))),
 * });
 * assertEquals(lines.length, 3); // epochs 2 and 4, then the final line
 * ```
 */
export function showProgress(
  display: ProgressDisplay = new ProgressDisplay(),
): (record: EpochLine) => Promise<void> {
  return async (record) => {
    await display.update(formatEpoch(record), record.final ? 1 : record.epoch / record.maxIter);
    if (record.final) await display.done();
  };
}
