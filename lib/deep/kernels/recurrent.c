// Recurrent-layer kernels of lib/deep (see recurrent.ts): the forward recurrence and the
// back-propagation through time of one layer and direction of an LSTM, a GRU or an Elman RNN.
// Built by tools/build_kernels.ts into recurrent_wasm.ts.
//
// Shapes, for batch B, steps T, hidden width H and G = gates · H:
// - xw (B, T, G): the input projection x W_ihᵀ + biases of every step (batch first), by project;
// - whh (G, H): W_hh as PyTorch stores it; whhT (H, G) its transpose (by transpose), which the
//   forward pass reads so that every step's product h·W_hhᵀ packs rows (gemm.h's fast path);
// - per processed step s (s = t, or T − 1 − t when reverse), in processing order: gates (T, B, ·)
//   after activation, hs (T + 1, B, H) with hs[0] = h0 and hs[s + 1] the state after step s, and
//   for the LSTM cs (T + 1, B, H) likewise. These are what the backward pass reads;
// - out (B, T, H) in input order; the LSTM's last cell state is cs[T].
//
// Gradients: dy has out's shape; dx (B, T, G) is ∂xw; a step-major copy of the same numbers (T·B
// rows of the gradient of h W_hhᵀ; for the GRU they differ in the n gate) carries ∂h back one step,
// ∂h_{s−1} = ∂zₛ W_hh, and then gives ∂W_hh = Σ_s ∂zₛᵀ hₛ as one product over all steps
// (transposed_product, like ∂W_ih = ∂xwᵀ x), which threads can share.
//
// Elementwise loops run 4 lanes at a time. A row's last group may be partial: it reads up to 3
// floats past the row (in the next row, or in padding the caller leaves after every buffer) and
// stores only the lanes inside the row, so the lanes past it are computed and thrown away.
#include "gemm.h"
#include "simd_math.h"

typedef v128_t V;
#define SPLAT wasm_f32x4_splat
#define ADD wasm_f32x4_add
#define SUB wasm_f32x4_sub
#define MUL wasm_f32x4_mul
#define LOAD(p) wasm_v128_load(p)

// σ(x) = 1 / (1 + e^−x)
static inline V vsigmoid(V x) {
  return wasm_f32x4_div(SPLAT(1.0f), ADD(SPLAT(1.0f), simd_exp(wasm_f32x4_neg(x))));
}

// tanh x = 1 − 2 / (e^2x + 1): ±1 in the limits, absolute error about 1e-7 near 0
static inline V vtanh(V x) {
  return SUB(SPLAT(1.0f), wasm_f32x4_div(SPLAT(2.0f), ADD(simd_exp(ADD(x, x)), SPLAT(1.0f))));
}

// the first n lanes of v (all four when n ≥ 4) to p
static inline void store_n(f32* p, V v, int n) {
  if (n >= 4) {
    wasm_v128_store(p, v);
    return;
  }
  wasm_v128_store32_lane(p, v, 0);
  if (n > 1) wasm_v128_store32_lane(p + 1, v, 1);
  if (n > 2) wasm_v128_store32_lane(p + 2, v, 2);
}

// 1 − v²
static inline V one_minus_sq(V v) { return SUB(SPLAT(1.0f), MUL(v, v)); }

// out (cols × rows) = aᵀ for a (rows × cols): W_hhᵀ, once per call, before the recurrence
__attribute__((export_name("transpose"))) void transpose(const f32* a, int rows, int cols,
                                                         f32* out) {
  for (int i = 0; i < rows; i++) {
    for (int j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  }
}

// rows [b0, b1) of the step's state h (B × H) times W_hhᵀ, into the same rows of c (row stride ldc)
static void step_product(int b0, int b1, int H, int G, const f32* h, const f32* whhT, f32* c,
                         int ldc, f32* work) {
  gemm_strided(b1 - b0, G, H, h + b0 * H, H, 1, whhT, G, 1, c + b0 * ldc, ldc, 0, work);
}

// ∂h (rows [b0, b1) of B × H) (+)= ∂z (the same rows of B × G) W_hh
static void step_back(int b0, int b1, int H, int G, const f32* dz, const f32* whh, f32* dh,
                      int acc, f32* work) {
  gemm_strided(b1 - b0, H, G, dz + b0 * G, G, 1, whh, H, 1, dh + b0 * H, H, acc, work);
}

__attribute__((export_name("recurrent_work"))) int recurrent_work(void) { return GEMM_WORK; }

// The recurrences below work on the batch rows [b0, b1) of B: rows never meet, so threads can
// run disjoint blocks of rows at once (whhT written beforehand by transpose).

// LSTM (gates i, f, g, o): z = xw + h W_hhᵀ, i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o),
// c' = f c + i g, h' = o tanh c'. gates (T, B, 4H) holds i, f, g, o.
__attribute__((export_name("lstm_forward"))) void lstm_forward(
    int B, int T, int H, int b0, int b1, const f32* xw, const f32* whhT, const f32* h0,
    const f32* c0, int reverse, f32* gates, f32* hs, f32* cs, f32* out, f32* work) {
  int G = 4 * H, BH = B * H;
  for (int k = b0 * H; k < b1 * H; k++) {
    hs[k] = h0[k];
    cs[k] = c0[k];
  }
  for (int s = 0; s < T; s++) {
    int t = reverse ? T - 1 - s : s;
    f32* z = gates + s * B * G;
    step_product(b0, b1, H, G, hs + s * BH, whhT, z, G, work);
    for (int b = b0; b < b1; b++) {
      const f32* x = xw + (b * T + t) * G;
      f32* zr = z + b * G;
      const f32* cp = cs + s * BH + b * H;
      f32 *cn = cs + (s + 1) * BH + b * H, *hn = hs + (s + 1) * BH + b * H;
      f32* o = out + (b * T + t) * H;
      for (int j = 0; j < H; j += 4) {
        int n = H - j;
        V i = vsigmoid(ADD(LOAD(x + j), LOAD(zr + j)));
        V f = vsigmoid(ADD(LOAD(x + H + j), LOAD(zr + H + j)));
        V g = vtanh(ADD(LOAD(x + 2 * H + j), LOAD(zr + 2 * H + j)));
        V og = vsigmoid(ADD(LOAD(x + 3 * H + j), LOAD(zr + 3 * H + j)));
        V c = ADD(MUL(f, LOAD(cp + j)), MUL(i, g));
        V h = MUL(og, vtanh(c));
        store_n(zr + j, i, n);
        store_n(zr + H + j, f, n);
        store_n(zr + 2 * H + j, g, n);
        store_n(zr + 3 * H + j, og, n);
        store_n(cn + j, c, n);
        store_n(hn + j, h, n);
        store_n(o + j, h, n);
      }
    }
  }
}

// Backward of lstm_forward, from dy (B, T, H) and, in dh and dc (B, H) on entry, the gradients of
// the last state and cell state: ∂c' += ∂h' o (1 − tanh²c'),
// ∂z_o = ∂h' tanh(c') o(1−o), ∂z_i = ∂c' g i(1−i), ∂z_g = ∂c' i (1−g²), ∂z_f = ∂c' c f(1−f),
// ∂c = ∂c' f, ∂h = ∂z W_hh. dz (T, B, 4H) is for ∂W_hh; dh and dc end as ∂h0 and ∂c0.
__attribute__((export_name("lstm_backward"))) void lstm_backward(
    int B, int T, int H, int b0, int b1, const f32* dy, const f32* whh, const f32* gates,
    const f32* hs, const f32* cs, int reverse, f32* dx, f32* dz, f32* dh, f32* dc, f32* work) {
  int G = 4 * H, BH = B * H;
  for (int s = T - 1; s >= 0; s--) {
    int t = reverse ? T - 1 - s : s;
    for (int b = b0; b < b1; b++) {
      const f32* gt = gates + (s * B + b) * G;
      const f32 *cp = cs + s * BH + b * H, *cn = cs + (s + 1) * BH + b * H;
      const f32* dyr = dy + (b * T + t) * H;
      f32 *dhr = dh + b * H, *dcr = dc + b * H;
      f32 *dzr = dz + (s * B + b) * G, *dxr = dx + (b * T + t) * G;
      for (int j = 0; j < H; j += 4) {
        int n = H - j;
        V i = LOAD(gt + j), f = LOAD(gt + H + j), g = LOAD(gt + 2 * H + j);
        V o = LOAD(gt + 3 * H + j), tc = vtanh(LOAD(cn + j));
        V dhk = ADD(LOAD(dhr + j), LOAD(dyr + j));
        V dck = ADD(LOAD(dcr + j), MUL(MUL(dhk, o), one_minus_sq(tc)));
        V di = MUL(MUL(dck, g), MUL(i, SUB(SPLAT(1.0f), i)));
        V df = MUL(MUL(dck, LOAD(cp + j)), MUL(f, SUB(SPLAT(1.0f), f)));
        V dg = MUL(MUL(dck, i), one_minus_sq(g));
        V dO = MUL(MUL(dhk, tc), MUL(o, SUB(SPLAT(1.0f), o)));
        store_n(dcr + j, MUL(dck, f), n);
        store_n(dzr + j, di, n);
        store_n(dzr + H + j, df, n);
        store_n(dzr + 2 * H + j, dg, n);
        store_n(dzr + 3 * H + j, dO, n);
        store_n(dxr + j, di, n);
        store_n(dxr + H + j, df, n);
        store_n(dxr + 2 * H + j, dg, n);
        store_n(dxr + 3 * H + j, dO, n);
      }
    }
    step_back(b0, b1, H, G, dz + s * B * G, whh, dh, 0, work);
  }
}

// GRU (gates r, z, n, PyTorch's): with a = h W_hhᵀ, r = σ(xw_r + a_r), z = σ(xw_z + a_z),
// n = tanh(xw_n + r (a_n + b_hn)), h' = (1 − z) n + z h; xw holds b_ir + b_hr, b_iz + b_hz and
// b_in, bhn is b_hn (H) or 0. gates (T, B, 4H) holds r, z, n and a_n + b_hn.
__attribute__((export_name("gru_forward"))) void gru_forward(
    int B, int T, int H, int b0, int b1, const f32* xw, const f32* whhT, const f32* bhn,
    const f32* h0, int reverse, f32* gates, f32* hs, f32* out, f32* work) {
  int G = 3 * H, BH = B * H;
  for (int k = b0 * H; k < b1 * H; k++) hs[k] = h0[k];
  for (int s = 0; s < T; s++) {
    int t = reverse ? T - 1 - s : s;
    f32* a = gates + s * B * 4 * H;
    step_product(b0, b1, H, G, hs + s * BH, whhT, a, 4 * H, work);
    for (int b = b0; b < b1; b++) {
      const f32* x = xw + (b * T + t) * G;
      f32* ar = a + b * 4 * H;
      const f32* hp = hs + s * BH + b * H;
      f32 *hn = hs + (s + 1) * BH + b * H, *o = out + (b * T + t) * H;
      for (int j = 0; j < H; j += 4) {
        int k = H - j;
        V r = vsigmoid(ADD(LOAD(x + j), LOAD(ar + j)));
        V z = vsigmoid(ADD(LOAD(x + H + j), LOAD(ar + H + j)));
        V an = LOAD(ar + 2 * H + j);
        if (bhn) an = ADD(an, LOAD(bhn + j));
        V n = vtanh(ADD(LOAD(x + 2 * H + j), MUL(r, an)));
        V h = ADD(n, MUL(z, SUB(LOAD(hp + j), n)));
        store_n(ar + j, r, k);
        store_n(ar + H + j, z, k);
        store_n(ar + 2 * H + j, n, k);
        store_n(ar + 3 * H + j, an, k);
        store_n(hn + j, h, k);
        store_n(o + j, h, k);
      }
    }
  }
}

// Backward of gru_forward, from dy (B, T, H) and, in dh (B, H) on entry, the gradient of the last
// state: with ∂h' the incoming gradient,
// ∂(xw_n) = ∂h' (1−z)(1−n²), ∂(xw_z) = ∂a_z = ∂h' (h−n) z(1−z), ∂a_n = ∂(xw_n) r,
// ∂(xw_r) = ∂a_r = ∂(xw_n) (a_n + b_hn) r(1−r), ∂h = ∂h' z + ∂a W_hh (∂b_hn = Σ ∂a_n).
// da (T, B, 3H) is for ∂W_hh and ∂b_hn; dh ends as ∂h0.
__attribute__((export_name("gru_backward"))) void gru_backward(
    int B, int T, int H, int b0, int b1, const f32* dy, const f32* whh, const f32* gates,
    const f32* hs, int reverse, f32* dx, f32* da, f32* dh, f32* work) {
  int G = 3 * H, BH = B * H;
  for (int s = T - 1; s >= 0; s--) {
    int t = reverse ? T - 1 - s : s;
    for (int b = b0; b < b1; b++) {
      const f32* gt = gates + (s * B + b) * 4 * H;
      const f32* hp = hs + s * BH + b * H;
      const f32* dyr = dy + (b * T + t) * H;
      f32 *dhr = dh + b * H, *dar = da + (s * B + b) * G, *dxr = dx + (b * T + t) * G;
      for (int j = 0; j < H; j += 4) {
        int k = H - j;
        V r = LOAD(gt + j), z = LOAD(gt + H + j), n = LOAD(gt + 2 * H + j);
        V an = LOAD(gt + 3 * H + j);
        V dh1 = ADD(LOAD(dhr + j), LOAD(dyr + j));
        V dn = MUL(MUL(dh1, SUB(SPLAT(1.0f), z)), one_minus_sq(n));
        V dz = MUL(MUL(dh1, SUB(LOAD(hp + j), n)), MUL(z, SUB(SPLAT(1.0f), z)));
        V dr = MUL(MUL(dn, an), MUL(r, SUB(SPLAT(1.0f), r)));
        store_n(dxr + j, dr, k);
        store_n(dxr + H + j, dz, k);
        store_n(dxr + 2 * H + j, dn, k);
        store_n(dar + j, dr, k);
        store_n(dar + H + j, dz, k);
        store_n(dar + 2 * H + j, MUL(dn, r), k);
        store_n(dhr + j, MUL(dh1, z), k);
      }
    }
    step_back(b0, b1, H, G, da + s * B * G, whh, dh, 1, work);
  }
}

// Elman RNN: h' = tanh(xw + h W_hhᵀ), or max(0, ·) when relu; xw holds both biases.
__attribute__((export_name("rnn_forward"))) void rnn_forward(int B, int T, int H, int b0, int b1,
                                                             const f32* xw, const f32* whhT,
                                                             const f32* h0, int relu, int reverse,
                                                             f32* hs, f32* out, f32* work) {
  int BH = B * H;
  for (int k = b0 * H; k < b1 * H; k++) hs[k] = h0[k];
  for (int s = 0; s < T; s++) {
    int t = reverse ? T - 1 - s : s;
    f32* hn = hs + (s + 1) * BH;
    step_product(b0, b1, H, H, hs + s * BH, whhT, hn, H, work);
    for (int b = b0; b < b1; b++) {
      const f32* x = xw + (b * T + t) * H;
      f32 *hr = hn + b * H, *o = out + (b * T + t) * H;
      for (int j = 0; j < H; j += 4) {
        V v = ADD(LOAD(x + j), LOAD(hr + j));
        v = relu ? wasm_f32x4_pmax(v, SPLAT(0.0f)) : vtanh(v);
        store_n(hr + j, v, H - j);
        store_n(o + j, v, H - j);
      }
    }
  }
}

// Backward of rnn_forward, from dy (B, T, H) and, in dh (B, H) on entry, the gradient of the last
// state: ∂a = ∂h' (1 − h'²), or ∂h' [h' > 0] for relu;
// ∂h = ∂a W_hh. da (T, B, H) is for ∂W_hh; dh ends as ∂h0.
__attribute__((export_name("rnn_backward"))) void rnn_backward(int B, int T, int H, int b0, int b1,
                                                               const f32* dy, const f32* whh,
                                                               const f32* hs, int relu,
                                                               int reverse, f32* dx, f32* da,
                                                               f32* dh, f32* work) {
  int BH = B * H;
  for (int s = T - 1; s >= 0; s--) {
    int t = reverse ? T - 1 - s : s;
    for (int b = b0; b < b1; b++) {
      const f32* h = hs + (s + 1) * BH + b * H;
      const f32* dyr = dy + (b * T + t) * H;
      f32 *dhr = dh + b * H, *dar = da + s * BH + b * H, *dxr = dx + (b * T + t) * H;
      for (int j = 0; j < H; j += 4) {
        V hv = LOAD(h + j), g = ADD(LOAD(dhr + j), LOAD(dyr + j));
        g = relu ? wasm_v128_and(g, wasm_f32x4_gt(hv, SPLAT(0.0f))) : MUL(g, one_minus_sq(hv));
        store_n(dar + j, g, H - j);
        store_n(dxr + j, g, H - j);
      }
    }
    step_back(b0, b1, H, H, da + s * BH, whh, dh, 0, work);
  }
}
