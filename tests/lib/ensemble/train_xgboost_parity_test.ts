/**
 * trainBooster against XGBoost 1.7's own training (tools/fixtures_xgboost_train.py): the same
 * params on the same float32 data must give the same trees, so the same margins on training and
 * held-out rows (up to XGBoost's float32 gradients and leaf values), and the same leaf counts.
 */
import { assertEquals } from "@std/assert";
import { type BoosterParams, trainBooster } from "../../../lib/ensemble/mod.ts";

interface Case {
  name: string;
  target: "reg" | "binary" | "multi";
  params: Record<string, string | number>;
  rounds: number;
  weighted: boolean;
  margin: number[] | number[][];
  leaves: number[];
}
const fixture = JSON.parse(
  await Deno.readTextFile(new URL("../../fixtures/xgboost_train.json", import.meta.url)),
) as {
  nTrain: number;
  X: (number | null)[][];
  y: Record<string, number[]>;
  weight: number[];
  cases: Case[];
};

const NAMES: Record<string, keyof BoosterParams> = {
  tree_method: "treeMethod",
  max_depth: "maxDepth",
  eta: "learningRate",
  objective: "objective",
  lambda: "lambda",
  alpha: "alpha",
  gamma: "gamma",
  min_child_weight: "minChildWeight",
  max_delta_step: "maxDeltaStep",
  grow_policy: "growPolicy",
  max_leaves: "numLeaves",
};

const X = fixture.X.map((r) => r.map((v) => v ?? NaN));
const n = fixture.nTrain;

for (const c of fixture.cases) {
  Deno.test(`trainBooster matches XGBoost training: ${c.name}`, () => {
    const params: Record<string, unknown> = { baseScore: 0.5 };
    for (const [k, v] of Object.entries(c.params)) params[NAMES[k]] = v;
    const booster = trainBooster(
      params as BoosterParams,
      X.slice(0, n),
      fixture.y[c.target].slice(0, n),
      {
        numBoostRound: c.rounds,
        sampleWeight: c.weighted ? fixture.weight : undefined,
      },
    );
    const leaves = booster.model.trees.map((t) => t.left.filter((l) => l === -1).length);
    assertEquals(leaves, c.leaves);
    const got = booster.predict(X, { outputMargin: true });
    const want = c.margin.flat();
    const flat = Array.isArray(got) ? (got as number[][]).flat() : Array.from(got as Float64Array);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(flat[i] - want[i]));
    // Measured: at most 6e-7 (XGBoost's float32 gradients and leaf values).
    if (worst > 2e-6) throw new Error(`largest margin difference ${worst}`);
  });
}
