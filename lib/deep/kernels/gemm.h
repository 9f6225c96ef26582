// Single-precision matrix product for WebAssembly SIMD (128-bit), shared by the kernel modules.
//
// C (M × N, row stride ldc) = or += A (M × K) · B (K × N), where A[i, k] = a[i·ars + k·acs] and
// B[k, j] = b[k·brs + j·bcs]: any transpose is a choice of strides, so no operand is ever
// transposed in memory. The layout is the usual one of GotoBLAS/BLIS: B is packed KC × NC at a
// time into column panels of NR, A into row panels of MR, and a register-blocked MR × NR kernel
// accumulates in eight 4-lane registers. On V8 (x64) a 4 × 8 kernel measured fastest: 5 × 8 and
// 6 × 8 spill registers and ran at about 60 % of its speed.
//
// The code keeps no state and takes no addresses of locals, so it never touches the shadow
// stack: every scratch byte is in the caller's `work` (GEMM_WORK floats), which lets several
// threads run it on one shared memory.
#pragma once
#include <wasm_simd128.h>

typedef float f32;

#define MR 4
#define NR 8
#define KC 256
#define MC 64
#define NC 512
#define GEMM_WORK (KC * NC + KC * MC + MR * NR)

static inline int imin(int a, int b) { return a < b ? a : b; }

// rows [0, mr) × k [0, kc) of A into kc groups of MR, zero-padded past mr
static void pack_a(int mr, int kc, const f32* a, int rs, int cs, f32* p) {
  if (mr == MR) {
    for (int k = 0; k < kc; k++) {
      const f32* s = a + k * cs;
      p[0] = s[0];
      p[1] = s[rs];
      p[2] = s[2 * rs];
      p[3] = s[3 * rs];
      p += MR;
    }
    return;
  }
  for (int k = 0; k < kc; k++) {
    for (int i = 0; i < MR; i++) p[i] = i < mr ? a[i * rs + k * cs] : 0;
    p += MR;
  }
}

// k [0, kc) × columns [0, nr) of B into kc groups of NR, zero-padded past nr
static void pack_b(int kc, int nr, const f32* b, int rs, int cs, f32* p) {
  if (nr == NR && cs == 1) {
    for (int k = 0; k < kc; k++) {
      wasm_v128_store(p, wasm_v128_load(b));
      wasm_v128_store(p + 4, wasm_v128_load(b + 4));
      b += rs;
      p += NR;
    }
    return;
  }
  for (int k = 0; k < kc; k++) {
    for (int j = 0; j < NR; j++) p[j] = j < nr ? b[k * rs + j * cs] : 0;
    p += NR;
  }
}

#define FMA(c, a, b) c = wasm_f32x4_add(c, wasm_f32x4_mul(a, b))

// the mr × nr corner of C (+)= the product of one A panel and one B panel
static void micro(int kc, const f32* a, const f32* b, f32* c, int ldc, int mr, int nr, int acc,
                  f32* tmp) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00;
  v128_t c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int k = 0; k < kc; k++) {
    v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
    v128_t a0 = wasm_v128_load32_splat(a);
    FMA(c00, a0, b0);
    FMA(c01, a0, b1);
    v128_t a1 = wasm_v128_load32_splat(a + 1);
    FMA(c10, a1, b0);
    FMA(c11, a1, b1);
    v128_t a2 = wasm_v128_load32_splat(a + 2);
    FMA(c20, a2, b0);
    FMA(c21, a2, b1);
    v128_t a3 = wasm_v128_load32_splat(a + 3);
    FMA(c30, a3, b0);
    FMA(c31, a3, b1);
    a += MR;
    b += NR;
  }
  if (mr == MR && nr == NR) {
    f32 *r0 = c, *r1 = c + ldc, *r2 = c + 2 * ldc, *r3 = c + 3 * ldc;
    if (acc) {
      c00 = wasm_f32x4_add(c00, wasm_v128_load(r0));
      c01 = wasm_f32x4_add(c01, wasm_v128_load(r0 + 4));
      c10 = wasm_f32x4_add(c10, wasm_v128_load(r1));
      c11 = wasm_f32x4_add(c11, wasm_v128_load(r1 + 4));
      c20 = wasm_f32x4_add(c20, wasm_v128_load(r2));
      c21 = wasm_f32x4_add(c21, wasm_v128_load(r2 + 4));
      c30 = wasm_f32x4_add(c30, wasm_v128_load(r3));
      c31 = wasm_f32x4_add(c31, wasm_v128_load(r3 + 4));
    }
    wasm_v128_store(r0, c00);
    wasm_v128_store(r0 + 4, c01);
    wasm_v128_store(r1, c10);
    wasm_v128_store(r1 + 4, c11);
    wasm_v128_store(r2, c20);
    wasm_v128_store(r2 + 4, c21);
    wasm_v128_store(r3, c30);
    wasm_v128_store(r3 + 4, c31);
    return;
  }
  // an edge tile: through tmp, only the mr × nr corner is written
  wasm_v128_store(tmp, c00);
  wasm_v128_store(tmp + 4, c01);
  wasm_v128_store(tmp + 8, c10);
  wasm_v128_store(tmp + 12, c11);
  wasm_v128_store(tmp + 16, c20);
  wasm_v128_store(tmp + 20, c21);
  wasm_v128_store(tmp + 24, c30);
  wasm_v128_store(tmp + 28, c31);
  for (int i = 0; i < mr; i++) {
    for (int j = 0; j < nr; j++) {
      c[i * ldc + j] = (acc ? c[i * ldc + j] : 0) + tmp[i * NR + j];
    }
  }
}

// C = A·B (acc = 0) or C += A·B (acc = 1); see the top of this file for the strides
static void gemm_strided(int M, int N, int K, const f32* a, int ars, int acs, const f32* b,
                         int brs, int bcs, f32* c, int ldc, int acc, f32* work) {
  f32 *pb = work, *pa = work + KC * NC, *tmp = pa + KC * MC;
  if (K == 0) {
    if (!acc) {
      for (int i = 0; i < M; i++) {
        for (int j = 0; j < N; j++) c[i * ldc + j] = 0;
      }
    }
    return;
  }
  for (int jc = 0; jc < N; jc += NC) {
    int nc = imin(NC, N - jc);
    for (int pc = 0; pc < K; pc += KC) {
      int kc = imin(KC, K - pc), accumulate = acc || pc > 0;
      for (int j = 0; j < nc; j += NR) {
        pack_b(kc, imin(NR, nc - j), b + pc * brs + (jc + j) * bcs, brs, bcs, pb + j * kc);
      }
      for (int ic = 0; ic < M; ic += MC) {
        int mc = imin(MC, M - ic);
        for (int i = 0; i < mc; i += MR) {
          pack_a(imin(MR, mc - i), kc, a + (ic + i) * ars + pc * acs, ars, acs, pa + i * kc);
        }
        for (int j = 0; j < nc; j += NR) {
          for (int i = 0; i < mc; i += MR) {
            micro(kc, pa + i * kc, pb + j * kc, c + (ic + i) * ldc + jc + j, ldc,
                  imin(MR, mc - i), imin(NR, nc - j), accumulate, tmp);
          }
        }
      }
    }
  }
}
