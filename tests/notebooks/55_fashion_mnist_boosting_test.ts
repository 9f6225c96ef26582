/**
 * The numbers notebooks/55_fashion_mnist_boosting.ipynb shows (needs the Fashion-MNIST files,
 * Debian's dataset-fashion-mnist, which `deno task setup` installs): accuracies and confusions.
 */
import { assert, assertEquals } from "@std/assert";
import {
  accuracyScore,
  confusionMatrix,
  defaultFashionMnistDir,
  FASHION_MNIST_FILES,
  GradientBoostingClassifier,
  loadFashionMnist,
  MLPClassifier,
  RandomForestClassifier,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const dir = defaultFashionMnistDir();
const hasData = [".gz", ""].some((ext) => {
  try {
    Deno.statSync(`${dir}/${FASHION_MNIST_FILES.test.images}${ext}`);
    return true;
  } catch {
    return false;
  }
});

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("55_fashion_mnist_boosting"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test({
  name: "accuracies 0.836 / 0.834 / 0.82; shirts are the hardest class for the booster",
  fn: async () => {
    assert(hasData, `Fashion-MNIST not found in ${dir}: apt-get install dataset-fashion-mnist`);
    const fm = await loadFashionMnist(undefined, { split: "test", limit: 2500 });
    const pooled = (k: number) => {
      const out: number[] = [];
      for (let r = 0; r < 28; r += 2) {
        for (let c = 0; c < 28; c += 2) {
          const p = k * 784 + r * 28 + c;
          out.push(
            (fm.images[p] + fm.images[p + 1] + fm.images[p + 28] + fm.images[p + 29]) / (4 * 255),
          );
        }
      }
      return out;
    };
    const X = Array.from({ length: fm.nSamples }, (_, k) => pooled(k));
    const y = Array.from(fm.labels);
    const [XTrain, yTrain, XTest, yTest] = [
      X.slice(0, 2000),
      y.slice(0, 2000),
      X.slice(2000),
      y.slice(2000),
    ];
    const booster = new GradientBoostingClassifier({
      nEstimators: 20,
      maxDepth: 3,
      learningRate: 0.3,
      maxBin: 32,
    })
      .fit(XTrain, yTrain, { evalSet: { X: XTest, y: yTest } });
    const forest = new RandomForestClassifier({ nEstimators: 15, maxDepth: 10, seed: 0 }).fit(
      XTrain,
      yTrain,
    );
    const mlp = new MLPClassifier({
      hiddenLayerSizes: [32],
      maxIter: 15,
      learningRate: 0.01,
      seed: 0,
    })
      .fit(XTrain, yTrain);
    const predictions = [booster.predict(XTest), forest.predict(XTest), mlp.predict(XTest)];
    assertEquals(predictions.map((p) => round(accuracyScore(yTest, p) as number)), [
      0.836,
      0.834,
      0.82,
    ]);
    const mlogloss = booster.evalsResult.valid.mlogloss;
    assert(mlogloss[19] < mlogloss[0]);
    const cm = confusionMatrix(yTest, predictions[0], {
      labels: Array.from({ length: 10 }, (_, k) => k),
    });
    const recall = cm.map((row, k) => row[k] / row.reduce((a, b) => a + b, 0));
    assertEquals(recall.indexOf(Math.min(...recall)), 6); // shirt
    assertEquals(cm[6], [12, 0, 8, 3, 7, 0, 13, 0, 1, 0]); // shirt → T-shirt, pullover, coat
    const imp = booster.featureImportances("total_gain");
    assertEquals(imp.length, 196);
  },
});
