// Elementwise functions on four lanes for the kernels (no libm is linked): e^x and erf x.
#pragma once
#include <wasm_simd128.h>

typedef float simd_f4 __attribute__((vector_size(16)));

// e^x, relative error a few 1e-8: x = n ln2 + r with n = round(x / ln2) and |r| ≤ ln2 / 2 (ln2 in
// two parts, Cody and Waite, so n ln2 is exact for the n that occur), e^r by its Taylor polynomial
// to r⁷ (truncation error r⁸/8! ≤ 5e-9), times 2ⁿ built in the exponent bits: the float
// n + 2²³ + 127 holds the integer n + 127 in its low mantissa bits, which a shift by 23 moves into
// the exponent (V8 expands a float-to-int conversion into a saturating sequence). Exactly 0 below
// −87 (a masked attention score of −1e9 must weigh nothing); x is clamped at 88.3, where 2ⁿ is
// still a normal float (σ and tanh saturate long before); a NaN goes through (pmin/pmax).
static inline v128_t simd_exp(v128_t x) {
  v128_t under = wasm_f32x4_lt(x, wasm_f32x4_splat(-87.0f));
  x = wasm_f32x4_pmin(wasm_f32x4_pmax(x, wasm_f32x4_splat(-87.0f)), wasm_f32x4_splat(88.3f));
  v128_t n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504f)));
  v128_t p;
  {
    // the build allows reassociation, which would fold the two parts of ln2 back into one
    // (written with vector operators: the wasm_f32x4_* helpers are functions of the header,
    // compiled with the build's flags whatever the pragma here says)
#pragma clang fp reassociate(off) contract(off)
    simd_f4 xf = (simd_f4)x, nf = (simd_f4)n;
    simd_f4 r = (xf - nf * 0.693359375f) - nf * -2.12194440e-4f;
    simd_f4 q = 1.0f / 720 + r * (1.0f / 5040);
    q = 1.0f / 120 + r * q;
    q = 1.0f / 24 + r * q;
    q = 1.0f / 6 + r * q;
    q = 0.5f + r * q;
    q = 1.0f + r * q;
    p = (v128_t)(1.0f + r * q);
  }
  v128_t scale = wasm_i32x4_shl(wasm_f32x4_add(n, wasm_f32x4_splat(8388735.0f)), 23);
  return wasm_v128_andnot(wasm_f32x4_mul(p, scale), under);
}

// erf x by Abramowitz and Stegun 7.1.26 (absolute error ≤ 1.5e-7, the formula of tfjs's Erf):
// 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵) e^(−x²) with t = 1 / (1 + p|x|), and the sign of x
static inline v128_t simd_erf(v128_t x) {
  v128_t sign = wasm_v128_and(x, wasm_f32x4_splat(-0.0f));
  v128_t ax = wasm_f32x4_abs(x);
  v128_t t = wasm_f32x4_div(wasm_f32x4_splat(1.0f),
                            wasm_f32x4_add(wasm_f32x4_splat(1.0f),
                                           wasm_f32x4_mul(wasm_f32x4_splat(0.3275911f), ax)));
  v128_t q = wasm_f32x4_add(wasm_f32x4_splat(-1.453152027f),
                            wasm_f32x4_mul(t, wasm_f32x4_splat(1.061405429f)));
  q = wasm_f32x4_add(wasm_f32x4_splat(1.421413741f), wasm_f32x4_mul(t, q));
  q = wasm_f32x4_add(wasm_f32x4_splat(-0.284496736f), wasm_f32x4_mul(t, q));
  q = wasm_f32x4_add(wasm_f32x4_splat(0.254829592f), wasm_f32x4_mul(t, q));
  q = wasm_f32x4_mul(t, q);
  v128_t e = simd_exp(wasm_f32x4_neg(wasm_f32x4_mul(ax, ax)));
  v128_t y = wasm_f32x4_sub(wasm_f32x4_splat(1.0f), wasm_f32x4_mul(q, e));
  return wasm_v128_or(y, sign);
}
