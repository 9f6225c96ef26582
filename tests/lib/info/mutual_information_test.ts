import { assertEquals, assertThrows } from "@std/assert";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import {
  conditionalEntropy,
  entropy,
  jointDistribution,
  jointEntropy,
  mutualInformation,
  mutualInfoScore,
} from "../../../lib/info/mod.ts";
import { assertClose, loadFixture } from "../prob/helpers.ts";

const fx = loadFixture("prob_info");

Deno.test("mutualInformation, jointEntropy, conditionalEntropy of joint tables match SciPy / sklearn", () => {
  for (const c of fx.joint) {
    const o = c.base === null ? {} : { base: c.base };
    assertClose(mutualInformation(c.joint, o), c.mutualInformation, `I base ${c.base}`, {
      atol: 1e-15,
    });
    assertClose(jointEntropy(c.joint, o), c.jointEntropy, `H(X,Y) base ${c.base}`);
    assertClose(conditionalEntropy(c.joint, o), c.conditionalEntropy, `H(Y|X) base ${c.base}`, {
      atol: 1e-15,
    });
  }
});

Deno.test("mutualInfoScore matches sklearn.metrics.mutual_info_score on label arrays", () => {
  for (const c of fx.labels) {
    assertClose(mutualInfoScore(c.a, c.b), c.mutualInfoScore, `n = ${c.a.length}`);
  }
});

Deno.test("identities: I = H(Y) - H(Y|X) = H(X) + H(Y) - H(X,Y); I(X;X) = H(X)", () => {
  const joint = [[0.1, 0.2, 0.05], [0.3, 0.05, 0.3]];
  const px = [0.35, 0.65], py = [0.4, 0.25, 0.35];
  const i = mutualInformation(joint);
  assertClose(i, entropy(py) - conditionalEntropy(joint), "H(Y) - H(Y|X)", { rtol: 1e-14 });
  assertClose(i, entropy(px) + entropy(py) - jointEntropy(joint), "chain rule", { rtol: 1e-13 });
  const t = new Matrix(2, 3, Float64Array.from(joint.flat())).transpose();
  assertClose(mutualInformation(t), i, "symmetric", { rtol: 1e-14 });
  assertClose(mutualInformation([[0.3, 0], [0, 0.7]]), entropy([0.3, 0.7]), "I(X;X)", {
    rtol: 1e-14,
  });
  assertEquals(mutualInformation([[0.06, 0.14], [0.24, 0.56]]), 0);
});

Deno.test("李航 example 5.2: information gain of 'has own house' is 0.420 bits", () => {
  // 15 loan applicants: own house yes → 6 approved, 0 rejected; no → 3 approved, 6 rejected.
  const house = [...Array(6).fill("yes"), ...Array(9).fill("no")];
  const approved = [...Array(6).fill("y"), ...Array(3).fill("y"), ...Array(6).fill("n")];
  const { table, xLabels, yLabels } = jointDistribution(house, approved);
  assertEquals(xLabels, ["no", "yes"]);
  assertEquals(yLabels, ["n", "y"]);
  assertClose(table.get(1, 1), 6 / 15, "P(yes, y)", { rtol: 1e-15 });
  assertClose(conditionalEntropy(table, { base: 2 }), 0.551, "H(D|A3)", { rtol: 1e-3 });
  assertClose(mutualInfoScore(house, approved, { base: 2 }), 0.420, "g(D, A3)", { rtol: 1e-3 });
});

Deno.test("validation of tables and label arrays", () => {
  assertThrows(
    () => mutualInformation([[0.5, 0.5], [0.5, 0.5]]),
    ValueError,
    "joint must sum to 1 (within 1e-8). Got a sum of 2",
  );
  assertThrows(
    () => jointEntropy([[1.2, -0.2]]),
    ValueError,
    "joint must contain probabilities in [0, 1]. Got 1.2 at row 0, column 0.",
  );
  assertThrows(() => conditionalEntropy([[0.5], [0.2, 0.3]]), ShapeError, "ragged rows");
  assertThrows(
    () => mutualInfoScore([0, 1, 1], [0, 1]),
    ShapeError,
    "y has 2 values, but x has 3 values; they must match.",
  );
  assertThrows(
    () => mutualInfoScore([0, NaN], [0, 1]),
    ValueError,
    "x must contain finite numbers",
  );
});
