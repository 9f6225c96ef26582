/**
 * Writes the train/test splits the MLP fixtures use, so scikit-learn trains on exactly the rows
 * our `trainTestSplit` picks: tests/fixtures/digits_split.json and diabetes_split.json
 * (indices into the bundled data, with the labels as a check). Then run
 * `/usr/bin/python3 tools/fixtures_mlp.py`.
 *
 *     deno run -A tools/mlp_splits.ts
 *
 * @module
 */
import { trainTestSplit } from "../lib/core/mod.ts";
import { loadDiabetes, loadDigits } from "../lib/data/mod.ts";

const root = new URL("../tests/fixtures/", import.meta.url);

function writeSplit(name: string, y: number[], stratify: boolean): void {
  const indices = y.map((_, i) => i);
  const { XTrain, XTest } = trainTestSplit(indices, y, {
    testSize: 0.25,
    seed: 0,
    ...(stratify ? { stratify: y } : {}),
  });
  const split = {
    description: `trainTestSplit(X, y, { testSize: 0.25, seed: 0${
      stratify ? ", stratify: y" : ""
    } })`,
    train: XTrain,
    test: XTest,
    yTest: XTest.map((i) => y[i]),
  };
  const path = new URL(`${name}_split.json`, root);
  Deno.writeTextFileSync(path, JSON.stringify(split) + "\n");
  console.log(
    `wrote tests/fixtures/${name}_split.json (${XTrain.length} train, ${XTest.length} test)`,
  );
}

writeSplit("digits", loadDigits().y, true);
writeSplit("diabetes", loadDiabetes().y, false);
