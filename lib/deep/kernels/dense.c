// Dense-layer kernels of lib/deep (see dense.ts): the matrix product, the bias sum and LayerNorm.
// Built by tools/build_kernels.ts into dense_wasm.ts.
#include "gemm.h"
#include "simd_math.h"

// see gemm_strided in gemm.h; work holds GEMM_WORK floats
__attribute__((export_name("gemm"))) void gemm(int M, int N, int K, const f32* a, int ars,
                                                  int acs, const f32* b, int brs, int bcs, f32* c,
                                                  int ldc, int acc, f32* work) {
  gemm_strided(M, N, K, a, ars, acs, b, brs, bcs, c, ldc, acc, work);
}

__attribute__((export_name("gemm_work"))) int gemm_work(void) { return GEMM_WORK; }

// out[j] = Σ_i g[i·lda + j] for g (n × m, row stride lda): the gradient of a bias
__attribute__((export_name("col_sums"))) void col_sums(const f32* g, int n, int m, int lda,
                                                        f32* out) {
  for (int j = 0; j < m; j++) out[j] = 0;
  for (int i = 0; i < n; i++) {
    const f32* row = g + i * lda;
    for (int j = 0; j < m; j++) out[j] += row[j];
  }
}

// every row of c (n × m) set to bias (m)
__attribute__((export_name("fill_rows"))) void fill_rows(f32* c, int n, int m, const f32* bias) {
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < m; j++) c[i * m + j] = bias[j];
  }
}

// y = max(y, 0) in place: the ReLU after a Linear, in the same kernel call. Four lanes at a time
// through a compare mask: written as a ternary, clang keeps a branch per element, which random
// signs mispredict (5 ms a step on 2048 × 512).
__attribute__((export_name("relu"))) void relu(f32* y, int n) {
  v128_t zero = wasm_f32x4_splat(0);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t v = wasm_v128_load(y + i);
    wasm_v128_store(y + i, wasm_v128_and(v, wasm_f32x4_gt(v, zero)));
  }
  for (; i < n; i++) y[i] = y[i] > 0 ? y[i] : 0;
}

// g = g ⊙ [y > 0] in place, for y = relu(·): the gradient through the ReLU
__attribute__((export_name("relu_mask"))) void relu_mask(f32* g, const f32* y, int n) {
  v128_t zero = wasm_f32x4_splat(0);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t keep = wasm_f32x4_gt(wasm_v128_load(y + i), zero);
    wasm_v128_store(g + i, wasm_v128_and(wasm_v128_load(g + i), keep));
  }
  for (; i < n; i++) g[i] = y[i] > 0 ? g[i] : 0;
}

// y = e^x for n floats by simd_math.h's exp, which the softmax, the gates and GELU use: for tests
__attribute__((export_name("exp_array"))) void exp_array(const f32* x, int n, f32* y) {
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, simd_exp(wasm_v128_load(x + i)));
  for (; i < n; i++) y[i] = wasm_f32x4_extract_lane(simd_exp(wasm_f32x4_splat(x[i])), 0);
}

// y = GELU(x) = x Φ(x) = ½ x (1 + erf(x / √2)) for n floats (PyTorch's exact GELU)
__attribute__((export_name("gelu"))) void gelu(const f32* x, int n, f32* y) {
  v128_t half = wasm_f32x4_splat(0.5f), one = wasm_f32x4_splat(1.0f);
  v128_t r2 = wasm_f32x4_splat(0.70710678f);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t v = wasm_v128_load(x + i);
    v128_t cdf = wasm_f32x4_mul(half, wasm_f32x4_add(one, simd_erf(wasm_f32x4_mul(v, r2))));
    wasm_v128_store(y + i, wasm_f32x4_mul(v, cdf));
  }
  for (; i < n; i++) {
    v128_t v = wasm_f32x4_splat(x[i]);
    v128_t cdf = wasm_f32x4_mul(half, wasm_f32x4_add(one, simd_erf(wasm_f32x4_mul(v, r2))));
    y[i] = wasm_f32x4_extract_lane(wasm_f32x4_mul(v, cdf), 0);
  }
}

// dx = dy · GELU'(x), GELU'(x) = Φ(x) + x φ(x) with φ(x) = e^(−x²/2) / √(2π)
static inline v128_t gelu_slope(v128_t v) {
  v128_t cdf = wasm_f32x4_mul(wasm_f32x4_splat(0.5f),
                              wasm_f32x4_add(wasm_f32x4_splat(1.0f),
                                             simd_erf(wasm_f32x4_mul(v, wasm_f32x4_splat(0.70710678f)))));
  v128_t pdf = wasm_f32x4_mul(wasm_f32x4_splat(0.39894228f),
                              simd_exp(wasm_f32x4_mul(wasm_f32x4_splat(-0.5f), wasm_f32x4_mul(v, v))));
  return wasm_f32x4_add(cdf, wasm_f32x4_mul(v, pdf));
}

__attribute__((export_name("gelu_backward"))) void gelu_backward(const f32* dy, const f32* x, int n,
                                                                    f32* dx) {
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t s = gelu_slope(wasm_v128_load(x + i));
    wasm_v128_store(dx + i, wasm_f32x4_mul(wasm_v128_load(dy + i), s));
  }
  for (; i < n; i++) dx[i] = dy[i] * wasm_f32x4_extract_lane(gelu_slope(wasm_f32x4_splat(x[i])), 0);
}

// LayerNorm over the last axis of x (n × d), as PyTorch: biased variance, y = x̂ γ + β with
// x̂ = (x − μ) / √(σ² + ε); gamma and beta may be 0 (no affine parameters). Keeps μ and 1/√(σ²+ε)
// per row for the backward pass.
__attribute__((export_name("layer_norm"))) void layer_norm(const f32* x, int n, int d,
                                                              const f32* gamma, const f32* beta,
                                                              f32 eps, f32* y, f32* mean,
                                                              f32* rstd) {
  for (int i = 0; i < n; i++) {
    const f32* r = x + i * d;
    f32* o = y + i * d;
    f32 s = 0;
    for (int j = 0; j < d; j++) s += r[j];
    f32 mu = s / d, v = 0;
    for (int j = 0; j < d; j++) v += (r[j] - mu) * (r[j] - mu);
    f32 rs = 1.0f / __builtin_sqrtf(v / d + eps);
    mean[i] = mu;
    rstd[i] = rs;
    for (int j = 0; j < d; j++) o[j] = (r[j] - mu) * rs;
    if (gamma) {
      for (int j = 0; j < d; j++) o[j] = o[j] * gamma[j] + beta[j];
    }
  }
}

// Backward of layer_norm: with ĝ = ∂y γ, ∂x = (ĝ − mean(ĝ) − x̂ mean(ĝ x̂)) / √(σ² + ε);
// ∂γ = Σ_rows ∂y x̂ and ∂β = Σ_rows ∂y (written when gamma is not 0).
__attribute__((export_name("layer_norm_backward"))) void layer_norm_backward(
    const f32* dy, const f32* x, int n, int d, const f32* mean, const f32* rstd, const f32* gamma,
    f32* dx, f32* dgamma, f32* dbeta) {
  if (gamma) {
    for (int j = 0; j < d; j++) dgamma[j] = dbeta[j] = 0;
  }
  for (int i = 0; i < n; i++) {
    const f32 *g = dy + i * d, *r = x + i * d;
    f32* o = dx + i * d;
    f32 mu = mean[i], rs = rstd[i], sg = 0, sgx = 0;
    for (int j = 0; j < d; j++) {
      f32 xh = (r[j] - mu) * rs, gh = gamma ? g[j] * gamma[j] : g[j];
      sg += gh;
      sgx += gh * xh;
      if (gamma) {
        dgamma[j] += g[j] * xh;
        dbeta[j] += g[j];
      }
    }
    sg /= d;
    sgx /= d;
    for (int j = 0; j < d; j++) {
      f32 xh = (r[j] - mu) * rs, gh = gamma ? g[j] * gamma[j] : g[j];
      o[j] = (gh - sg - xh * sgx) * rs;
    }
  }
}
