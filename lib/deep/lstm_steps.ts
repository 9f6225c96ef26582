/**
 * The LSTM recurrence as one differentiable op whose gate arithmetic runs in TypeScript on typed
 * arrays, with back-propagation through time written out.
 *
 * Built from tfjs ops, each time step costs a dozen small kernels forward and more backward; on
 * tfjs-backend-wasm every kernel call has a fixed cost, and slicing a step out of the sequence
 * copies the whole input (its `Slice` kernel reads the full tensor back from the heap first), so
 * 64 steps of a 32 × 128 LSTM took 1-4 s. Here the only kernels per step are the two products
 * with W_hh (forward h·W_hhᵀ, backward ∂gates·W_hh, both plain 2-D products on the fast path);
 * the gates, cell and their derivatives are one pass over B·H numbers, and the weight gradient is
 * one product over all steps.
 *
 * Equations (PyTorch's, gates i, f, g, o): with z = x W_ihᵀ + b_ih + b_hh + h W_hhᵀ,
 * i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o), c' = f c + i g, h' = o tanh(c').
 * Backward, from ∂h' and ∂c' (∂c' += ∂h' o (1 − tanh²c')):
 * ∂z_o = ∂h' tanh(c') o(1−o), ∂z_i = ∂c' g i(1−i), ∂z_g = ∂c' i (1−g²), ∂z_f = ∂c' c f(1−f),
 * ∂c = ∂c' f, ∂h = ∂z · W_hh, ∂W_hh = Σ_t ∂z_tᵀ h_{t−1}.
 *
 * @module
 */
import { tf } from "./backend.ts";

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
// tanh through one exp: 2-3× faster than Math.tanh in V8 here; ±1 in the limits (exp → ∞ or 0)
const tanh = (v: number) => 1 - 2 / (Math.exp(2 * v) + 1);

/**
 * h (B, ·) as a tensor, times m: one plain product, read back. Not in a `tf.tidy`: tidy walks a
 * returned typed array element by element looking for tensors (10 ms for 16 k numbers).
 */
function product(h: Float32Array, B: number, m: tf.Tensor2D): Float32Array<ArrayBuffer> {
  const a = tf.tensor2d(h, [B, h.length / B]);
  const p = tf.matMul(a, m);
  const r = p.dataSync() as Float32Array<ArrayBuffer>;
  tf.dispose([a, p]);
  return r;
}

/**
 * Runs one LSTM layer in one direction. `xw` (B, T, 4H) holds x W_ihᵀ + b_ih + b_hh for every
 * step; `whh` is W_hh (4H, H); `h0`, `c0` (B, H). Returns (B, T + 1, H): the outputs h_t at
 * t = 0..T−1 (in input order, also when `reverse`), then the last cell state at index T.
 */
function lstmForwardBackward(
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  reverse: boolean,
): tf.Tensor3D {
  const [B, T, G] = xw.shape, H = G / 4, BH = B * H;
  const op = tf.customGrad((xwIn, whhIn, h0In, c0In, save) => {
    const X = (xwIn as tf.Tensor).dataSync() as Float32Array;
    const whhT = tf.transpose(whhIn as tf.Tensor2D) as tf.Tensor2D;
    // per processed step s: gates (i, f, g, o activated), h before, c before and after
    const gates = new Float32Array(T * B * G);
    const hs = new Float32Array((T + 1) * BH), cs = new Float32Array((T + 1) * BH);
    hs.set((h0In as tf.Tensor).dataSync() as Float32Array);
    cs.set((c0In as tf.Tensor).dataSync() as Float32Array);
    const out = new Float32Array(B * (T + 1) * H);
    const tcs = new Float32Array(T * BH); // tanh of each new cell state, reused backward
    for (let s = 0; s < T; s++) {
      const t = reverse ? T - 1 - s : s;
      const zh = product(hs.subarray(s * BH, (s + 1) * BH), B, whhT);
      for (let b = 0; b < B; b++) {
        const xo = (b * T + t) * G, zo = b * G, go = (s * B + b) * G;
        for (let j = 0; j < H; j++) {
          const i = sigmoid(X[xo + j] + zh[zo + j]);
          const f = sigmoid(X[xo + H + j] + zh[zo + H + j]);
          const g = tanh(X[xo + 2 * H + j] + zh[zo + 2 * H + j]);
          const o = sigmoid(X[xo + 3 * H + j] + zh[zo + 3 * H + j]);
          const k = b * H + j;
          const c = f * cs[s * BH + k] + i * g;
          const tc = tanh(c);
          const h = o * tc;
          tcs[s * BH + k] = tc;
          gates[go + j] = i;
          gates[go + H + j] = f;
          gates[go + 2 * H + j] = g;
          gates[go + 3 * H + j] = o;
          cs[(s + 1) * BH + k] = c;
          hs[(s + 1) * BH + k] = h;
          out[(b * (T + 1) + t) * H + j] = h;
        }
      }
    }
    for (let b = 0; b < B; b++) {
      out.set(cs.subarray(T * BH + b * H, T * BH + (b + 1) * H), (b * (T + 1) + T) * H);
    }
    whhT.dispose();
    (save as tf.GradSaveFunc)([whhIn as tf.Tensor]);
    return {
      value: tf.tensor3d(out, [B, T + 1, H]),
      gradFunc: (dy, saved) => {
        const W = saved[0] as tf.Tensor2D;
        const dY = (dy as tf.Tensor).dataSync() as Float32Array;
        const dX = new Float32Array(B * T * G);
        // ∂zᵀ (4H, T·B + 1) and h_{t−1} (T·B + 1, H), column/row s·B + b, for one product
        // ∂W_hh = ∂zᵀ h; the extra zero row keeps the product's 2^k-row operand off the slow path
        // of the packing (see matmul.ts, padRows)
        const TB = T * B + 1;
        const dZT = new Float32Array(G * TB), hPrev = new Float32Array(TB * H);
        hPrev.set(hs.subarray(0, T * BH));
        const dz = new Float32Array(B * G);
        let dh = new Float32Array(BH);
        const dc = new Float32Array(BH);
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) dc[b * H + j] = dY[(b * (T + 1) + T) * H + j];
        }
        for (let s = T - 1; s >= 0; s--) {
          const t = reverse ? T - 1 - s : s;
          for (let b = 0; b < B; b++) {
            const go = (s * B + b) * G;
            for (let j = 0; j < H; j++) {
              const k = b * H + j;
              const i = gates[go + j], f = gates[go + H + j];
              const g = gates[go + 2 * H + j], o = gates[go + 3 * H + j];
              const tc = tcs[s * BH + k];
              const dhk = dh[k] + dY[(b * (T + 1) + t) * H + j];
              const dck = dc[k] + dhk * o * (1 - tc * tc);
              dz[b * G + j] = dck * g * i * (1 - i);
              dz[b * G + H + j] = dck * cs[s * BH + k] * f * (1 - f);
              dz[b * G + 2 * H + j] = dck * i * (1 - g * g);
              dz[b * G + 3 * H + j] = dhk * tc * o * (1 - o);
              dc[k] = dck * f;
            }
            dX.set(dz.subarray(b * G, (b + 1) * G), (b * T + t) * G);
          }
          for (let q = 0; q < G; q++) {
            const row = q * TB + s * B;
            for (let b = 0; b < B; b++) dZT[row + b] = dz[b * G + q];
          }
          dh = product(dz, B, W);
        }
        return tf.tidy(() => [
          tf.tensor3d(dX, [B, T, G]),
          tf.matMul(tf.tensor2d(dZT, [G, TB]), tf.tensor2d(hPrev, [TB, H])),
          tf.tensor2d(dh, [B, H]),
          tf.tensor2d(dc, [B, H]),
        ]);
      },
    };
  });
  return (op as (...t: tf.Tensor[]) => tf.Tensor3D)(xw, whh, h0, c0);
}

/**
 * One layer and direction of an LSTM on batch-first pre-projected inputs: `xw` (B, T, 4H) =
 * x W_ihᵀ + b_ih + b_hh, `whh` = W_hh (4H, H), initial states (B, H). Returns the outputs
 * (B, T, H) and the final h and c (B, H), all differentiable (see the module comment).
 */
export function lstmLayer(
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  reverse = false,
): { out: tf.Tensor3D; h: tf.Tensor2D; c: tf.Tensor2D } {
  return tf.tidy(() => {
    const [B, T] = xw.shape, H = whh.shape[1];
    const packed = lstmForwardBackward(xw, whh, h0, c0, reverse);
    const last = reverse ? 0 : T - 1;
    return {
      out: packed.slice([0, 0, 0], [B, T, H]),
      h: packed.slice([0, last, 0], [B, 1, H]).reshape([B, H]) as tf.Tensor2D,
      c: packed.slice([0, T, 0], [B, 1, H]).reshape([B, H]) as tf.Tensor2D,
    };
  });
}
