import { assertEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import {
  betaInc,
  erf,
  erfc,
  gammaIncP,
  gammaIncQ,
  logBeta,
  logGamma,
} from "../../../lib/prob/mod.ts";
import { assertClose, loadFixture, relativeError } from "./helpers.ts";

const fx = loadFixture("prob_special");

Deno.test("logGamma matches scipy.special.gammaln (Lanczos, reflection below 1/2)", () => {
  let worst = 0;
  fx.gammaln.x.forEach((x: number, i: number) => {
    const want = fx.gammaln.value[i];
    // Where log Γ crosses zero (near x = 1, 2, -2.46...) only absolute accuracy is meaningful.
    assertClose(logGamma(x), want, `logGamma(${x})`, { atol: 1e-14 });
    worst = Math.max(worst, relativeError(logGamma(x), want));
  });
  console.log(`logGamma worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("logGamma: exact factorials, poles and Γ(1/2) = √π", () => {
  let logFactorial = 0;
  for (let n = 1; n <= 20; n++) {
    assertClose(logGamma(n + 1), logFactorial += Math.log(n), `log ${n}!`, { rtol: 1e-14 });
  }
  assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), "log Γ(1/2)", { rtol: 1e-14 });
  assertEquals(logGamma(0), Infinity);
  assertEquals(logGamma(-3), Infinity);
  assertEquals(logGamma(1), 0);
  assertEquals(Number.isNaN(logGamma(NaN)), true);
});

Deno.test("logBeta agrees with log Γ(a) + log Γ(b) - log Γ(a+b) and B(1, b) = 1/b", () => {
  assertClose(logBeta(2, 3), Math.log(1 / 12), "B(2,3) = 1/12", { rtol: 1e-14 });
  assertClose(logBeta(1, 7.5), -Math.log(7.5), "B(1,b) = 1/b", { rtol: 1e-14 });
  // The Stirling branch (a, b ≥ 10) against the plain formula where the latter is still accurate.
  assertClose(logBeta(12.5, 20), logGamma(12.5) + logGamma(20) - logGamma(32.5), "Stirling", {
    rtol: 1e-13,
  });
  assertThrows(() => logBeta(0, 1), ValueError, "'a' must be a finite number > 0");
});

Deno.test("erf and erfc match SciPy, including erfc's far tail", () => {
  let worst = 0;
  fx.erf.x.forEach((x: number, i: number) => {
    assertClose(erf(x), fx.erf.erf[i], `erf(${x})`);
    assertClose(erfc(x), fx.erf.erfc[i], `erfc(${x})`);
    worst = Math.max(
      worst,
      relativeError(erf(x), fx.erf.erf[i]),
      relativeError(erfc(x), fx.erf.erfc[i]),
    );
  });
  console.log(`erf/erfc worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("erf is odd, erf + erfc = 1, erfc(-x) = 2 - erfc(x)", () => {
  for (const x of [0.1, 0.7, 1.49, 1.5, 2.2, 4]) {
    assertEquals(erf(-x), -erf(x));
    assertClose(erf(x) + erfc(x), 1, `erf + erfc at ${x}`, { rtol: 1e-15 });
    assertClose(erfc(-x), 2 - erfc(x), `erfc(-${x})`, { rtol: 1e-15 });
  }
  assertEquals(erf(0), 0);
  assertEquals(erfc(0), 1);
  assertEquals(erfc(40), 0);
  assertEquals(erf(Infinity), 1);
});

Deno.test("gammaIncP and gammaIncQ match scipy.special.gammainc / gammaincc", () => {
  let worst = 0;
  const { a, x, p, q } = fx.gammainc;
  a.forEach((ai: number, i: number) => {
    assertClose(gammaIncP(ai, x[i]), p[i], `P(${ai}, ${x[i]})`);
    assertClose(gammaIncQ(ai, x[i]), q[i], `Q(${ai}, ${x[i]})`);
    worst = Math.max(
      worst,
      relativeError(gammaIncP(ai, x[i]), p[i]),
      relativeError(gammaIncQ(ai, x[i]), q[i]),
    );
  });
  console.log(
    `gammaInc worst relative error vs SciPy (${a.length} points): ${worst.toExponential(2)}`,
  );
});

Deno.test("incomplete gamma: closed forms and edges", () => {
  // a = 1: P(1, x) = 1 - e^(-x); a = 1/2: P(1/2, x²) = erf(x).
  for (const x of [0.01, 0.5, 2, 10]) {
    assertClose(gammaIncP(1, x), -Math.expm1(-x), `P(1, ${x})`, { rtol: 1e-14 });
    assertClose(gammaIncQ(1, x), Math.exp(-x), `Q(1, ${x})`, { rtol: 1e-14 });
    assertClose(gammaIncP(0.5, x * x), erf(x), `P(1/2, ${x}²)`, { rtol: 1e-13 });
  }
  assertEquals(gammaIncP(3, 0), 0);
  assertEquals(gammaIncQ(3, 0), 1);
  assertEquals(gammaIncP(3, Infinity), 1);
  assertThrows(() => gammaIncP(0, 1), ValueError, "'a' must be a finite number > 0. Got 0");
  assertThrows(() => gammaIncQ(2, -1), ValueError, "'x' must be >= 0. Got -1");
});

Deno.test("betaInc matches scipy.special.betainc", () => {
  let worst = 0;
  const { a, b, x, value } = fx.betainc;
  a.forEach((ai: number, i: number) => {
    assertClose(betaInc(ai, b[i], x[i]), value[i], `I(${ai}, ${b[i]}, ${x[i]})`);
    worst = Math.max(worst, relativeError(betaInc(ai, b[i], x[i]), value[i]));
  });
  console.log(
    `betaInc worst relative error vs SciPy (${a.length} points): ${worst.toExponential(2)}`,
  );
});

Deno.test("betaInc: closed forms, symmetry and edges", () => {
  // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(2, 3) = 6x² - 8x³ + 3x⁴.
  for (const x of [0.05, 0.4, 0.8]) {
    assertClose(betaInc(1, 1, x), x, `I_${x}(1,1)`, { rtol: 1e-14 });
    assertClose(betaInc(2.5, 1, x), x ** 2.5, `I_${x}(2.5,1)`, { rtol: 1e-14 });
    assertClose(betaInc(2, 3, x), 6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, `I_${x}(2,3)`, {
      rtol: 1e-13,
    });
    // I_x(a, b) + I_{1-x}(b, a) = 1 (compared as a sum: 1 - I would cancel digits away).
    assertClose(betaInc(3.5, 0.7, x) + betaInc(0.7, 3.5, 1 - x), 1, "symmetry", { rtol: 1e-14 });
  }
  assertEquals(betaInc(2, 3, 0), 0);
  assertEquals(betaInc(2, 3, 1), 1);
  assertThrows(() => betaInc(2, 3, 1.5), ValueError, "'x' must be in [0, 1]. Got 1.5");
  assertThrows(() => betaInc(2, -3, 0.5), ValueError, "'b' must be a finite number > 0");
});
