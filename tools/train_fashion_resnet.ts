/**
 * Trains a small ResNet-18 (BasicBlock × [2, 2, 2, 2], a 3×3 stem of stride 2 without max pooling,
 * widths w, 2w, 4w, 8w) on Fashion-MNIST with random crop + horizontal flip, and reports the test accuracy
 * after every epoch (docs/fashion_resnet.md). After each epoch it writes `<out>/progress.json`
 * (options, per-epoch train loss / test accuracy / seconds, per-step losses), the weights
 * `<out>/checkpoint.safetensors`, and the training-curve figure `<out>/fashion_resnet.svg`, so an
 * interrupted run is still reportable. Run (defaults shown):
 *
 *   nice -n 10 ./node_modules/.bin/deno run -A tools/train_fashion_resnet.ts --width=8 --stem=2 \
 *     --epochs=5 --batch=64 --lr=3e-3 --pad=1 --train=60000 --test=10000 --seed=0 \
 *     --out=runs/fashion_resnet
 */
import { loadFashionMnist } from "../lib/data/mod.ts";
import { manualSeed } from "../lib/deep/init.ts";
import { fitImageClassifier, predictImageClasses } from "../lib/deep/image_train.ts";
import { countParameters } from "../lib/deep/module.ts";
import { resnet18 } from "../lib/deep/resnet.ts";
import { writeSafetensors } from "../lib/deep/safetensors.ts";

/** The run's settings (the command-line flags). */
export interface FashionRunOptions {
  width: number;
  /** Stride of the 3×3 stem (2: the stages run at 14, 7, 4, 2 pixels). */
  stem: number;
  epochs: number;
  batch: number;
  lr: number;
  pad: number;
  train: number;
  test: number;
  seed: number;
  out: string;
}

/** One finished epoch. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  testAccuracy: number;
  seconds: number;
}

/** What progress.json holds. */
export interface FashionRunProgress {
  options: FashionRunOptions;
  parameters: number;
  epochs: EpochRecord[];
  stepLosses: number[];
  stepsPerEpoch: number;
  wallSeconds: number;
  loadAverage: number[];
}

const DEFAULTS: FashionRunOptions = {
  width: 8,
  stem: 2,
  epochs: 5,
  batch: 64,
  lr: 3e-3,
  pad: 1,
  train: 60000,
  test: 10000,
  seed: 0,
  out: "runs/fashion_resnet",
};

/** Parses `--name=value` flags over the defaults; unknown flags and non-numbers are errors. */
export function parseFlags(args: string[]): FashionRunOptions {
  const o: Record<string, number | string> = { ...DEFAULTS };
  for (const a of args) {
    const m = /^--([a-z]+)=(.+)$/.exec(a);
    if (!m || !(m[1] in DEFAULTS)) {
      throw new Error(`unknown argument ${a}; flags: ${Object.keys(DEFAULTS).join(", ")}`);
    }
    const [, k, v] = m;
    if (k !== "out" && !Number.isFinite(Number(v))) {
      throw new Error(`--${k} must be a number. Got ${v}.`);
    }
    o[k] = k === "out" ? v : Number(v);
  }
  return o as unknown as FashionRunOptions;
}

function scale(images: Uint8Array): Float32Array {
  const px = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) px[i] = images[i] / 255;
  return px;
}

function loadAverage(): number[] {
  try {
    return Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/** Runs the training and returns the progress (also written to `<out>/progress.json`). */
export async function trainFashionResnet(o: FashionRunOptions): Promise<FashionRunProgress> {
  const start = performance.now();
  const tr = await loadFashionMnist(undefined, { split: "train", limit: o.train });
  const te = await loadFashionMnist(undefined, { split: "test", limit: o.test });
  const xTrain = scale(tr.images), xTest = scale(te.images);
  manualSeed(o.seed);
  const net = resnet18({
    numClasses: 10,
    width: o.width,
    inChannels: 1,
    smallStem: true,
    stemStride: o.stem,
  });
  await Deno.mkdir(o.out, { recursive: true });
  const progress: FashionRunProgress = {
    options: o,
    parameters: countParameters(net),
    epochs: [],
    stepLosses: [],
    stepsPerEpoch: Math.ceil(tr.nSamples / o.batch),
    wallSeconds: 0,
    loadAverage: loadAverage(),
  };
  console.log(
    `ResNet-18 width ${o.width}, stem stride ${o.stem}: ${progress.parameters} parameters; ${tr.nSamples} train, ` +
      `${te.nSamples} test images`,
  );
  const save = () => {
    progress.wallSeconds = (performance.now() - start) / 1000;
    progress.loadAverage = loadAverage();
    Deno.writeTextFileSync(`${o.out}/progress.json`, JSON.stringify(progress));
    Deno.writeTextFileSync(`${o.out}/fashion_resnet.svg`, trainingCurveSvg(progress));
  };
  fitImageClassifier(net, xTrain, tr.labels, [1, 28, 28], {
    epochs: o.epochs,
    batchSize: o.batch,
    learningRate: o.lr,
    schedule: "cosine",
    augment: { padding: o.pad, flip: true },
    seed: o.seed,
    onEpoch: ({ epoch, meanLoss, seconds, stepLosses }) => {
      progress.stepLosses.push(...stepLosses.map((v) => Math.round(v * 1e4) / 1e4));
      const pred = predictImageClasses(net, xTest, [1, 28, 28]);
      let right = 0;
      pred.forEach((p, i) => right += p === te.labels[i] ? 1 : 0);
      const rec = {
        epoch: epoch + 1,
        trainLoss: meanLoss,
        testAccuracy: right / te.nSamples,
        seconds,
      };
      progress.epochs.push(rec);
      Deno.writeFileSync(`${o.out}/checkpoint.safetensors`, writeSafetensors(net.stateDict()));
      console.log(
        `epoch ${rec.epoch}: train loss ${meanLoss.toFixed(4)}, test accuracy ` +
          `${(100 * rec.testAccuracy).toFixed(2)} %, ${seconds.toFixed(0)} s`,
      );
      save();
    },
  });
  save();
  console.log(`done in ${progress.wallSeconds.toFixed(0)} s`);
  return progress;
}

/**
 * The training curve as a standalone SVG: mean train loss per epoch and smoothed per-step loss
 * (left axis), test accuracy per epoch (right panel).
 */
export function trainingCurveSvg(p: FashionRunProgress): string {
  const W = 720, H = 300, m = { l: 56, r: 16, t: 28, b: 40 }, gap = 60;
  const pw = (W - m.l - m.r - gap) / 2, ph = H - m.t - m.b;
  const E = Math.max(1, p.options.epochs);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const parts: string[] = [];
  const panel = (
    x0: number,
    title: string,
    yLo: number,
    yHi: number,
    step: number,
    series: { pts: [number, number][]; color: string; dots?: boolean; label: string }[],
    fmt: (v: number) => string,
  ) => {
    const X = (e: number) => x0 + (e / E) * pw;
    const Y = (v: number) => m.t + ph - ((v - yLo) / (yHi - yLo || 1)) * ph;
    parts.push(
      `<rect x="${x0}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
      `<text x="${x0 + pw / 2}" y="${m.t - 10}" text-anchor="middle" font-size="13">${
        esc(title)
      }</text>`,
      `<text x="${x0 + pw / 2}" y="${H - 8}" text-anchor="middle" font-size="12">epoch</text>`,
    );
    for (let i = 0; i <= Math.round((yHi - yLo) / step); i++) {
      const v = yLo + i * step;
      parts.push(
        `<text x="${x0 - 6}" y="${Y(v) + 4}" text-anchor="end" font-size="11">${fmt(v)}</text>`,
        `<line x1="${x0}" x2="${x0 + pw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/>`,
      );
    }
    for (let e = 0; e <= E; e++) {
      parts.push(
        `<text x="${X(e)}" y="${m.t + ph + 16}" text-anchor="middle" font-size="11">${e}</text>`,
      );
    }
    series.forEach((s, k) => {
      if (s.pts.length) {
        const d = s.pts.map(([e, v], i) => `${i ? "L" : "M"}${X(e).toFixed(1)},${Y(v).toFixed(1)}`)
          .join("");
        parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"/>`);
        if (s.dots) {
          for (const [e, v] of s.pts) {
            parts.push(`<circle cx="${X(e)}" cy="${Y(v)}" r="3" fill="${s.color}"/>`);
          }
        }
      }
      parts.push(
        `<text x="${x0 + pw - 6}" y="${
          m.t + 16 + 14 * k
        }" text-anchor="end" font-size="11" fill="${s.color}">${esc(s.label)}</text>`,
      );
    });
  };
  // per-step losses smoothed over a window of about a tenth of an epoch
  const win = Math.max(1, Math.round(p.stepsPerEpoch / 10));
  const smooth: [number, number][] = [];
  for (let i = win - 1; i < p.stepLosses.length; i += Math.max(1, Math.floor(win / 2))) {
    let s = 0;
    for (let j = i - win + 1; j <= i; j++) s += p.stepLosses[j];
    smooth.push([(i + 1) / p.stepsPerEpoch, s / win]);
  }
  const epochLoss = p.epochs.map((r) => [r.epoch - 0.5, r.trainLoss] as [number, number]); // mid-epoch
  const lossHi = Math.max(0.5, ...smooth.map((q) => q[1]), ...epochLoss.map((q) => q[1]));
  panel(m.l, "training loss (cross-entropy)", 0, Math.ceil(lossHi / 0.2) * 0.2, 0.2, [
    { pts: smooth, color: "#9ecae1", label: `steps (mean of ${win})` },
    { pts: epochLoss, color: "#08519c", dots: true, label: "epoch mean (mid-epoch)" },
  ], (v) => v.toFixed(2));
  const acc = p.epochs.map((r) => [r.epoch, 100 * r.testAccuracy] as [number, number]);
  const accLo = Math.min(84, ...acc.map((q) => 2 * Math.floor(q[1] / 2 - 0.5)));
  panel(m.l + pw + gap, "test accuracy (%)", accLo, 96, 2, [
    { pts: [[0, 90], [E, 90]], color: "#888", label: "90 % target" },
    { pts: acc, color: "#a63603", dots: true, label: "after each epoch" },
  ], (v) => v.toFixed(1));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" ` +
    `viewBox="0 0 ${W} ${H}" font-family="sans-serif">\n` +
    `<rect width="${W}" height="${H}" fill="white"/>\n${parts.join("\n")}\n</svg>\n`;
}

if (import.meta.main) await trainFashionResnet(parseFlags(Deno.args));
