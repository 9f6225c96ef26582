// The core of multi-head attention, fused (see attention.ts): for each example b and head j,
// P = softmax(scale · Q Kᵀ + bias), W = P ⊙ M (dropout multiplier M, optional), O = W V, and the
// backward pass of the same. Built by tools/build_kernels.ts into attention_wasm.ts.
//
// Layout: q (B·T × E), k and v (B·S × E) row-major with row strides ldq, ldk, ldv (E for separate
// projections, 3E for the columns of one packed (B·T × 3E) projection), exactly as the projections
// produce them; head j is the column block [j·hd, (j+1)·hd), read through strides by gemm_strided,
// so nothing is split or transposed in memory. Their gradients are written with the same strides.
// P, M and their gradients are (B, H, T, S); one (b, j) block of them is T × S, contiguous.
#include "gemm.h"

#include "simd_math.h"

// the same for one number (the lanes are independent, so the result is identical)
static inline f32 exp1(f32 x) { return wasm_f32x4_extract_lane(simd_exp(wasm_f32x4_splat(x)), 0); }

__attribute__((export_name("gemm_work"))) int gemm_work(void) { return GEMM_WORK; }

// One row of P in place: x = scale · row + bias (bias[s · bs], or none), then softmax(x); a row
// whose every bias is at or below `closed` (every key masked) becomes all zeros. Four lanes at a
// time where the bias is contiguous (or absent), one at a time for the rest.
static void softmax_row(f32* row, int S, f32 scale, const f32* bias, int bs, f32 closed) {
  v128_t sc = wasm_f32x4_splat(scale), mx4 = wasm_f32x4_splat(-__builtin_inff());
  v128_t open4 = wasm_i32x4_splat(bias == 0 ? -1 : 0), cl = wasm_f32x4_splat(closed);
  int s = 0;
  if (!bias) {
    for (; s + 4 <= S; s += 4) {
      v128_t x = wasm_f32x4_mul(wasm_v128_load(row + s), sc);
      wasm_v128_store(row + s, x);
      mx4 = wasm_f32x4_pmax(mx4, x);
    }
  } else if (bs == 1) {
    for (; s + 4 <= S; s += 4) {
      v128_t c = wasm_v128_load(bias + s);
      v128_t x = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(row + s), sc), c);
      open4 = wasm_v128_or(open4, wasm_f32x4_gt(c, cl));
      wasm_v128_store(row + s, x);
      mx4 = wasm_f32x4_pmax(mx4, x);
    }
  }
  int open = wasm_v128_any_true(open4);
  mx4 = wasm_f32x4_pmax(mx4, wasm_i32x4_shuffle(mx4, mx4, 2, 3, 0, 1));
  mx4 = wasm_f32x4_pmax(mx4, wasm_i32x4_shuffle(mx4, mx4, 1, 0, 3, 2));
  f32 mx = wasm_f32x4_extract_lane(mx4, 0);
  for (; s < S; s++) {
    f32 x = row[s] * scale;
    if (bias) {
      f32 c = bias[s * bs];
      open |= c > closed;
      x += c;
    }
    row[s] = x;
    mx = x > mx ? x : mx;
  }
  if (!open) {
    for (s = 0; s < S; s++) row[s] = 0;
    return;
  }
  v128_t m4 = wasm_f32x4_splat(mx), sum4 = wasm_f32x4_splat(0);
  for (s = 0; s + 4 <= S; s += 4) {
    v128_t e = simd_exp(wasm_f32x4_sub(wasm_v128_load(row + s), m4));
    wasm_v128_store(row + s, e);
    sum4 = wasm_f32x4_add(sum4, e);
  }
  f32 sum = wasm_f32x4_extract_lane(sum4, 0) + wasm_f32x4_extract_lane(sum4, 1) +
            wasm_f32x4_extract_lane(sum4, 2) + wasm_f32x4_extract_lane(sum4, 3);
  for (; s < S; s++) {
    row[s] = exp1(row[s] - mx);
    sum += row[s];
  }
  v128_t inv = wasm_f32x4_splat(1.0f / sum);
  for (s = 0; s + 4 <= S; s += 4) {
    wasm_v128_store(row + s, wasm_f32x4_mul(wasm_v128_load(row + s), inv));
  }
  for (; s < S; s++) row[s] *= wasm_f32x4_extract_lane(inv, 0);
}

// The arguments of one call, in memory (the pool of worker threads passes at most 16 numbers,
// and a range of blocks each): every field is 4 bytes, so field i is at byte 4·i (attention.ts
// writes them in this order).
typedef struct {
  int B, H, T, S, E;              // batch, heads, queries, keys, model width
  const f32 *q, *k, *v;           // see the top of this file
  int ldq, ldk, ldv;              // their row strides
  f32 scale, closed;              // the factor on Q Kᵀ; a bias ≤ closed masks its key
  const f32* bias;                // or 0, read at b·bb + j·bh + t·bt + s·bs
  int bb, bh, bt, bs;             // (a zero stride broadcasts)
  const f32* mult;                // the dropout multiplier M (B, H, T, S), or 0
  f32* p;                         // P (B, H, T, S), written forward when not 0
  f32* ctx;                       // the context O (B·T × E), forward
  const f32 *dctx, *dp;           // ∂O (B·T × E) and ∂P (or 0), backward
  f32 *dq, *dk, *dv;              // written backward, with the strides of q, k, v
  f32* dx;                        // ∂X (B, H, T, S) when dx_all, else not used
  int dx_all;
} Attention;

// P of block bj (T × S) into P: softmax(scale · Q_bj K_bjᵀ + bias[b, j]) row by row, fully
// masked rows 0. The backward pass calls it again rather than keeping P (B·H·T·S floats) from the
// forward: a sixth of the block's work, against a tensor of P on tfjs's tape and its gradient,
// which tfjs fills with zeros (a fresh (B, H, T, S) array) whenever the weights are not used.
static void block_probs(const Attention* a, int bj, f32* P, f32* work) {
  int H = a->H, T = a->T, S = a->S, hd = a->E / H, b = bj / H, j = bj % H;
  const f32 *qb = a->q + b * T * a->ldq + j * hd, *kb = a->k + b * S * a->ldk + j * hd;
  gemm_strided(T, S, hd, qb, a->ldq, 1, kb, 1, a->ldk, P, S, 0, work);
  for (int t = 0; t < T; t++) {
    const f32* brow = a->bias ? a->bias + b * a->bb + j * a->bh + t * a->bt : 0;
    softmax_row(P + t * S, S, a->scale, brow, a->bs, a->closed);
  }
}

// Forward, for the blocks bj in [r0, r1) (b = bj / H, head j = bj % H, hd = E / H columns):
// P[b, j] (into a->p when given, else scratch), then O_bj = (P[b, j] ⊙ M[b, j]) V_bj, written
// into ctx at rows b·T, columns j·hd. scratch: GEMM_WORK + 3·T·S floats of the running thread.
__attribute__((export_name("attention_forward"))) void attention_forward(const Attention* a,
                                                                          int r0, int r1,
                                                                          f32* scratch) {
  int H = a->H, T = a->T, S = a->S, E = a->E, hd = E / H;
  f32 *work = scratch, *wbuf = scratch + GEMM_WORK, *pbuf = wbuf + 2 * T * S;
  for (int bj = r0; bj < r1; bj++) {
    int b = bj / H, j = bj % H;
    f32* P = a->p ? a->p + bj * T * S : pbuf;
    block_probs(a, bj, P, work);
    const f32* W = P;
    if (a->mult) {
      const f32* M = a->mult + bj * T * S;
      for (int i = 0; i < T * S; i++) wbuf[i] = P[i] * M[i];
      W = wbuf;
    }
    const f32* vb = a->v + b * S * a->ldv + j * hd;
    gemm_strided(T, hd, S, W, S, 1, vb, a->ldv, 1, a->ctx + b * T * E + j * hd, E, 0, work);
  }
}

// Backward for the blocks [r0, r1), from ∂O and ∂P (the gradient reaching P other than through O,
// e.g. from the returned weights, or 0). P is computed again; with W = P ⊙ M, per block:
//   ∂V = Wᵀ ∂O,  G = (∂O Vᵀ) ⊙ M + ∂P,  ∂X = P ⊙ (G − rowsum(P ⊙ G))  (X the scores + bias),
//   ∂Q = scale · ∂X K,  ∂K = scale · ∂Xᵀ Q.
// A fully masked row has P = 0, so ∂X = 0 there. scratch: GEMM_WORK + 3·T·S floats.
__attribute__((export_name("attention_backward"))) void attention_backward(const Attention* a,
                                                                            int r0, int r1,
                                                                            f32* scratch) {
  int H = a->H, T = a->T, S = a->S, E = a->E, hd = E / H;
  int ldq = a->ldq, ldk = a->ldk, ldv = a->ldv;
  f32 *work = scratch, *wbuf = scratch + GEMM_WORK, *gbuf = wbuf + T * S, *P = gbuf + T * S;
  f32 scale = a->scale;
  for (int bj = r0; bj < r1; bj++) {
    int b = bj / H, j = bj % H, off = bj * T * S;
    const f32 *qb = a->q + b * T * ldq + j * hd, *kb = a->k + b * S * ldk + j * hd;
    const f32 *vb = a->v + b * S * ldv + j * hd, *ob = a->dctx + b * T * E + j * hd;
    const f32 *M = a->mult ? a->mult + off : 0, *dP = a->dp ? a->dp + off : 0;
    f32 *G = a->dx_all ? a->dx + off : gbuf, *dqb = a->dq + b * T * ldq + j * hd;
    f32 *dkb = a->dk + b * S * ldk + j * hd, *dvb = a->dv + b * S * ldv + j * hd;
    block_probs(a, bj, P, work);
    const f32* W = P;
    if (M) {
      for (int i = 0; i < T * S; i++) wbuf[i] = P[i] * M[i];
      W = wbuf;
    }
    gemm_strided(S, hd, T, W, 1, S, ob, E, 1, dvb, ldv, 0, work);
    gemm_strided(T, S, hd, ob, E, 1, vb, 1, ldv, G, S, 0, work);
    for (int t = 0; t < T; t++) {
      f32* g = G + t * S;
      const f32* pr = P + t * S;
      if (M) {
        for (int s = 0; s < S; s++) g[s] *= M[t * S + s];
      }
      if (dP) {
        for (int s = 0; s < S; s++) g[s] += dP[t * S + s];
      }
      f32 r = 0;
      for (int s = 0; s < S; s++) r += pr[s] * g[s];
      for (int s = 0; s < S; s++) g[s] = pr[s] * (g[s] - r);
    }
    gemm_strided(T, hd, S, G, S, 1, kb, ldk, 1, dqb, ldq, 0, work);
    gemm_strided(S, hd, T, G, 1, S, qb, ldq, 1, dkb, ldk, 0, work);
    for (int t = 0; t < T; t++) {
      for (int c = 0; c < hd; c++) dqb[t * ldq + c] *= scale;
    }
    for (int s = 0; s < S; s++) {
      for (int c = 0; c < hd; c++) dkb[s * ldk + c] *= scale;
    }
  }
}
