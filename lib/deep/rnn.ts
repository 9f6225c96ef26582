/**
 * Recurrent layers with PyTorch's equations, gate orders and parameter names
 * (`weight_ih_l{k}`, `weight_hh_l{k}`, `bias_ih_l{k}`, `bias_hh_l{k}`, `_reverse` for the backward
 * direction), so a PyTorch state dict loads as is (d2l ch. 9-10).
 *
 * - RNN: h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)
 * - LSTM, gates i, f, g, o: c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g), h' = σ(o) ⊙ tanh(c')
 * - GRU, gates r, z, n: n = tanh(x W_inᵀ + b_in + r ⊙ (h W_hnᵀ + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h
 *
 * Each layer and direction is one fused op (lstm_steps.ts): the input projection x W_ihᵀ + b of
 * all steps, the time loop and the back-propagation through time run in WebAssembly.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { fanInUniform } from "./init.ts";
import { checkInput, dropout } from "./layers.ts";
import { GATES, type RecurrentKind } from "./kernels/recurrent.ts";
import { recurrentLayer } from "./lstm_steps.ts";
import { Module, ModuleParameter } from "./module.ts";

/** Options of `RNN`, `GRU` and `LSTM` (PyTorch's arguments in camelCase). */
export interface RNNOptions {
  /** Features per time step of the input. */
  inputSize: number;
  /** Width of the hidden state. */
  hiddenSize: number;
  /** Stacked layers. @default 1 */
  numLayers?: number;
  /** Biases b_ih and b_hh. @default true */
  bias?: boolean;
  /** Input and output as (batch, time, features) instead of (time, batch, features). @default false */
  batchFirst?: boolean;
  /** Dropout on the outputs of every layer but the last (training mode). @default 0 */
  dropout?: number;
  /** A second, backward direction; outputs concatenate both. @default false */
  bidirectional?: boolean;
}

/** The cell a recurrent layer runs, in PyTorch's `mode` names. */
export type RecurrentCell = "RNN_TANH" | "RNN_RELU" | "LSTM" | "GRU";

/** Shared machinery of the three recurrent layers. */
export abstract class RecurrentBase extends Module {
  /** The options with defaults. */
  readonly options: Readonly<Required<RNNOptions>>;
  readonly #mode: RecurrentCell;

  /** Checks the options and creates each layer's and direction's weights (PyTorch's names). */
  constructor(mode: RecurrentCell, options: RNNOptions) {
    super();
    this.#mode = mode;
    const o = this.options = Object.freeze({
      numLayers: 1,
      bias: true,
      batchFirst: false,
      dropout: 0,
      bidirectional: false,
      ...options,
    });
    for (
      const [k, v] of [["inputSize", o.inputSize], ["hiddenSize", o.hiddenSize], [
        "numLayers",
        o.numLayers,
      ]] as const
    ) {
      if (!(Number.isInteger(v) && v > 0)) {
        throw new ValueError(`${k} must be a positive integer. Got ${v} instead.`);
      }
    }
    const G = GATES[this.#kind] * o.hiddenSize, H = o.hiddenSize, dirs = o.bidirectional ? 2 : 1;
    const init = fanInUniform(H);
    const self = this as unknown as Record<string, ModuleParameter>;
    for (let k = 0; k < o.numLayers; k++) {
      for (let d = 0; d < dirs; d++) {
        const sfx = `_l${k}${d ? "_reverse" : ""}`, inSize = k === 0 ? o.inputSize : H * dirs;
        self[`weight_ih${sfx}`] = new ModuleParameter([G, inSize], init);
        self[`weight_hh${sfx}`] = new ModuleParameter([G, H], init);
        if (o.bias) {
          self[`bias_ih${sfx}`] = new ModuleParameter([G], init);
          self[`bias_hh${sfx}`] = new ModuleParameter([G], init);
        }
      }
    }
  }

  get #kind(): RecurrentKind {
    return this.#mode.toLowerCase() as RecurrentKind;
  }

  #p(name: string): tf.Variable | null {
    const p = (this as unknown as Record<string, ModuleParameter | undefined>)[name];
    return p ? p.value : null;
  }

  /**
   * Runs the stack. x: (T, B, inputSize), or (B, T, inputSize) with `batchFirst`; h0/c0:
   * (numLayers·dirs, B, hiddenSize), zeros by default. Returns the output (T, B, dirs·H) (or
   * batch first) and the final states (numLayers·dirs, B, H): h, and c for the LSTM (null for
   * the RNN and GRU).
   */
  protected run(
    x: tf.Tensor,
    h0?: tf.Tensor | null,
    c0?: tf.Tensor | null,
  ): [tf.Tensor, tf.Tensor, tf.Tensor | null] {
    const o = this.options;
    checkInput(x, "input", o.inputSize, 3);
    const dirs = o.bidirectional ? 2 : 1, H = o.hiddenSize;
    const B = (o.batchFirst ? x.shape[0] : x.shape[1]) as number;
    for (const [name, s] of [["h0", h0], ["c0", c0]] as const) {
      if (
        s &&
        (s.rank !== 3 || s.shape[0] !== o.numLayers * dirs || s.shape[1] !== B || s.shape[2] !== H)
      ) {
        throw new ShapeError(
          `${name} has shape [${s.shape}], expected [${o.numLayers * dirs}, ${B}, ${H}].`,
        );
      }
    }
    const [out, h, c = null] = tf.tidy(() => {
      let seq = o.batchFirst ? x : x.transpose([1, 0, 2]); // (B, T, F)
      const hN: tf.Tensor[] = [], cN: tf.Tensor[] = [];
      for (let k = 0; k < o.numLayers; k++) {
        const outs: tf.Tensor[] = [];
        for (let d = 0; d < dirs; d++) {
          const sfx = `_l${k}${d ? "_reverse" : ""}`, idx = k * dirs + d;
          const Wih = this.#p(`weight_ih${sfx}`)!, Whh = this.#p(`weight_hh${sfx}`)!;
          const bih = this.#p(`bias_ih${sfx}`), bhh = this.#p(`bias_hh${sfx}`);
          // biases folded into the input projection, but for the GRU's b_hn (inside r ⊙ (·))
          let bias: tf.Tensor | null = bih && bhh ? bih.add(bhh) : bih ?? bhh, bhn = null;
          if (this.#mode === "GRU" && bih && bhh) {
            bias = bih.add(tf.concat([bhh.slice([0], [2 * H]), tf.zeros([H])]));
            bhn = bhh.slice([2 * H], [H]) as tf.Tensor1D;
          }
          const state = (s0: tf.Tensor | null | undefined) =>
            (s0
              ? s0.slice([idx, 0, 0], [1, B, H]).reshape([B, H])
              : tf.zeros([B, H])) as tf.Tensor2D;
          const kind = this.#kind;
          const r = recurrentLayer(kind, {
            x: seq as tf.Tensor3D,
            wih: Wih as tf.Tensor2D,
            bias: bias as tf.Tensor1D | null,
            whh: Whh as tf.Tensor2D,
            h0: state(h0),
            c0: kind === "lstm" ? state(c0) : null,
            bhn,
          }, d === 1);
          outs.push(r.out);
          hN.push(r.h);
          if (r.c) cN.push(r.c);
        }
        seq = dirs === 2 ? tf.concat(outs, 2) : outs[0];
        if (k < o.numLayers - 1) seq = dropout(seq, o.dropout, this.training);
      }
      const out = o.batchFirst ? seq : seq.transpose([1, 0, 2]);
      return cN.length ? [out, tf.stack(hN), tf.stack(cN)] : [out, tf.stack(hN)];
    });
    return [out, h, c];
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    const o = this.options;
    const extra = [
      o.numLayers !== 1 ? `num_layers=${o.numLayers}` : "",
      o.batchFirst ? "batch_first=True" : "",
      o.dropout ? `dropout=${o.dropout}` : "",
      o.bidirectional ? "bidirectional=True" : "",
    ].filter(Boolean);
    return [`${o.inputSize}`, `${o.hiddenSize}`, ...extra].join(", ");
  }
}

/**
 * Elman RNN (PyTorch's `nn.RNN`): h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh), or ReLU.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { RNN, tf } from "../mod.ts";
 *
 * const rnn = new RNN({ inputSize: 4, hiddenSize: 6, numLayers: 2, batchFirst: true });
 * const [out, hN] = rnn.forward(tf.ones([3, 5, 4]));
 * assertEquals([out.shape, hN.shape], [[3, 5, 6], [2, 3, 6]]);
 * ```
 */
export class RNN extends RecurrentBase {
  /**
   * Creates a new RNN; see the class description.
   * @param options see `RNNOptions`; `nonlinearity` "tanh" (default) or "relu"
   */
  constructor(options: RNNOptions & { nonlinearity?: "tanh" | "relu" }) {
    const { nonlinearity = "tanh", ...rest } = options;
    super(nonlinearity === "relu" ? "RNN_RELU" : "RNN_TANH", rest);
  }

  /** x, optional h0 → [output, h_n]. */
  forward(x: tf.Tensor, h0?: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
    const [out, h] = this.run(x, h0);
    return [out, h];
  }

  /** The printed type name, "RNN". */
  protected override get baseName(): string {
    return "RNN";
  }
}

/** Gated recurrent unit (PyTorch's `nn.GRU`, gates r, z, n). */
export class GRU extends RecurrentBase {
  /**
   * Creates a new GRU; see the class description.
   * @param options see `RNNOptions`
   */
  constructor(options: RNNOptions) {
    super("GRU", options);
  }

  /** x, optional h0 → [output, h_n]. */
  forward(x: tf.Tensor, h0?: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
    const [out, h] = this.run(x, h0);
    return [out, h];
  }

  /** The printed type name, "GRU". */
  protected override get baseName(): string {
    return "GRU";
  }
}

/**
 * Long short-term memory (PyTorch's `nn.LSTM`, gates i, f, g, o).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { LSTM, tf } from "../mod.ts";
 *
 * const lstm = new LSTM({ inputSize: 4, hiddenSize: 6, numLayers: 2, bidirectional: true });
 * const [out, [hN, cN]] = lstm.forward(tf.ones([5, 3, 4])); // (time, batch, features)
 * assertEquals([out.shape, hN.shape, cN.shape], [[5, 3, 12], [4, 3, 6], [4, 3, 6]]);
 * assertEquals(lstm.namedParameters()[0][0], "weight_ih_l0");
 * ```
 */
export class LSTM extends RecurrentBase {
  /**
   * Creates a new LSTM; see the class description.
   * @param options see `RNNOptions`
   */
  constructor(options: RNNOptions) {
    super("LSTM", options);
  }

  /** x, optional [h0, c0] → [output, [h_n, c_n]]. */
  forward(
    x: tf.Tensor,
    state?: [tf.Tensor, tf.Tensor] | null,
  ): [tf.Tensor, [tf.Tensor, tf.Tensor]] {
    const [out, h, c] = this.run(x, state?.[0], state?.[1]);
    return [out, [h, c!]];
  }

  /** The printed type name, "LSTM". */
  protected override get baseName(): string {
    return "LSTM";
  }
}
