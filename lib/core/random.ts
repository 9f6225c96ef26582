/**
 * A seeded pseudo-random generator, the only source of randomness in mlnotes (no `Math.random`):
 * the same seed gives the same numbers on every machine, so notebooks and tests are deterministic.
 *
 * The core is xoshiro128** (Blackman & Vigna, 2018), seeded through splitmix32; it is fast in
 * 32-bit integer arithmetic, which is all JavaScript offers without BigInt.
 *
 * @module
 */
import { ValueError } from "./errors.ts";

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Seeded generator: uniform, normal, gamma, integers, permutations, shuffles, choices. */
export class Random {
  /** The seed this generator started from. */
  readonly seed: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  /**
   * A generator (xoshiro128**) started from `seed`: equal seeds give equal streams.
   * @param seed any integer (default 0)
   */
  constructor(seed = 0) {
    if (!Number.isInteger(seed)) {
      throw new ValueError(`The 'seed' must be an integer. Got ${seed} instead.`);
    }
    this.seed = seed;
    const next = splitmix32(seed);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [low, high), with 53 random bits. */
  uniform(low = 0, high = 1): number {
    const hi = this.nextUint32() >>> 5, lo = this.nextUint32() >>> 6;
    const u = (hi * 67108864 + lo) / 9007199254740992;
    return low + (high - low) * u;
  }

  /** Normal N(mean, std²) by the Box-Muller transform (pairs are generated, one is kept). */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** n draws from N(mean, std²). */
  normalArray(n: number, mean = 0, std = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, std);
    return out;
  }

  /** n draws from U[low, high). */
  uniformArray(n: number, low = 0, high = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(low, high);
    return out;
  }

  /** Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 uses the boost U^(1/shape). */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0)) {
      throw new ValueError(`gamma needs shape > 0 and scale > 0. Got ${shape} and ${scale}.`);
    }
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v * scale;
      }
    }
  }

  /** A uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) {
      throw new ValueError(`int(n) needs an integer n in [1, 2^32]. Got ${n} instead.`);
    }
    const limit = 2 ** 32 - (2 ** 32 % n);
    let x: number;
    do x = this.nextUint32(); while (x >= limit);
    return x % n;
  }

  /** Shuffles `array` in place (Fisher-Yates) and returns it. */
  shuffle<T, A extends { length: number; [i: number]: T }>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Uint32Array {
    const p = new Uint32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /**
   * `size` indices drawn from 0..n-1, with or without replacement, optionally with probabilities p
   * (numpy's `choice`).
   */
  choice(
    n: number,
    size: number,
    { replace = true, p }: { replace?: boolean; p?: ArrayLike<number> } = {},
  ): Uint32Array {
    if (!replace && size > n) {
      throw new ValueError(`choice without replacement needs size <= n. Got size ${size}, n ${n}.`);
    }
    const out = new Uint32Array(size);
    if (p) {
      if (p.length !== n) {
        throw new ValueError(`choice: p must have ${n} entries. Got ${p.length}.`);
      }
      const w = Float64Array.from(p);
      for (let k = 0; k < size; k++) {
        let total = 0;
        for (let i = 0; i < n; i++) total += w[i];
        let u = this.uniform() * total, i = 0;
        while (i < n - 1 && (u -= w[i]) >= 0) i++;
        while (w[i] === 0 && i > 0) i--;
        out[k] = i;
        if (!replace) w[i] = 0;
      }
      return out;
    }
    if (replace) {
      for (let k = 0; k < size; k++) out[k] = this.int(n);
      return out;
    }
    return this.permutation(n).slice(0, size);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
