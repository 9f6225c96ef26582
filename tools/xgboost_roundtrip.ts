/**
 * Writes, for tools/fixtures_xgboost_files.py, the XGBoost JSON that `toXGBoostJSON` makes of
 * every XGBoost fixture model (read back with `fromXGBoostJSON`), every LightGBM fixture (read
 * with `fromLightGBMText`) and the models trained here by `trainedHere()`, with the inputs to
 * check them on (rounded to float32, as XGBoost reads them) and a manifest.
 *
 *     ./node_modules/.bin/deno run -A tools/xgboost_roundtrip.ts tests/fixtures/xgboost/roundtrip
 */
import { Booster, trainBooster } from "../lib/ensemble/mod.ts";
import { loadBreastCancer, loadWine } from "../lib/data/mod.ts";

type Rows = (number | null)[][];

/**
 * Models trained by `trainBooster` on float32-valued inputs (XGBoost reads float32, so its splits
 * and ours then agree on every row), with 5% of the cells missing. Notebook 56 trains the first.
 */
export function trainedHere(): Record<string, { booster: Booster; X: Rows }> {
  return trained ??= train();
}
let trained: Record<string, { booster: Booster; X: Rows }> | undefined;

function train(): Record<string, { booster: Booster; X: Rows }> {
  const holes = (X: number[][]) =>
    X.map((r, i) => r.map((v, j) => ((i * 31 + j * 7) % 19 === 0 ? NaN : Math.fround(v))));
  const cancer = loadBreastCancer(), wine = loadWine();
  const Xc = holes(cancer.X), Xw = holes(wine.X);
  const binary = trainBooster(
    { objective: "binary:logistic", maxDepth: 3, learningRate: 0.3, treeMethod: "hist", seed: 0 },
    Xc.slice(0, 400),
    cancer.y.slice(0, 400),
    { numBoostRound: 20 },
  );
  const even = (_: unknown, i: number) => i % 2 === 0, odd = (_: unknown, i: number) => i % 2 === 1;
  const multiclass = trainBooster(
    { objective: "multi:softprob", numClass: 3, maxDepth: 2, learningRate: 0.5, seed: 0 },
    Xw.filter(even),
    wine.y.filter(even),
    { numBoostRound: 5 },
  );
  const rows = (X: number[][]): Rows => X.map((r) => r.map((v) => (Number.isNaN(v) ? null : v)));
  return {
    trained_binary: { booster: binary, X: rows(Xc.slice(400)) },
    trained_multiclass: { booster: multiclass, X: rows(Xw.filter(odd)) },
  };
}

/** The booster a round-trip case starts from: an XGBoost or LightGBM fixture, or one trained here. */
export function roundTripSource(name: string, fixtures: URL): Booster {
  const [kind, source] = [name.slice(0, name.indexOf("_")), name.slice(name.indexOf("_") + 1)];
  if (kind === "xgb") {
    return Booster.fromXGBoostJSON(
      Deno.readTextFileSync(new URL(`xgboost/${source}.model.json`, fixtures)),
    );
  }
  if (kind === "lgb") {
    return Booster.fromLightGBMText(
      Deno.readTextFileSync(new URL(`lightgbm/${source}.txt`, fixtures)),
    );
  }
  return trainedHere()[source].booster;
}

if (import.meta.main) {
  const out = Deno.args[0];
  const fixtures = new URL("../tests/fixtures/", import.meta.url);
  const manifest: Record<string, { file: string; X: Rows }> = {};
  const f32 = (X: Rows) => X.map((r) => r.map((v) => (v === null ? null : Math.fround(v))));
  const byName = (a: Deno.DirEntry, b: Deno.DirEntry) => (a.name < b.name ? -1 : 1);
  const add = (name: string, booster: Booster, X: Rows) => {
    Deno.writeTextFileSync(`${out}/${name}.json`, booster.toXGBoostJSON());
    manifest[name] = { file: `${name}.json`, X: f32(X) };
  };
  for (const entry of [...Deno.readDirSync(new URL("xgboost", fixtures))].sort(byName)) {
    const m = /^(.*)\.model\.json$/.exec(entry.name);
    if (!m || m[1].startsWith("bad_")) continue;
    const { X } = JSON.parse(Deno.readTextFileSync(new URL(`xgboost/${m[1]}.json`, fixtures)));
    add(`xgb_${m[1]}`, roundTripSource(`xgb_${m[1]}`, fixtures), X);
  }
  for (const entry of [...Deno.readDirSync(new URL("lightgbm", fixtures))].sort(byName)) {
    const m = /^(.*)\.txt$/.exec(entry.name);
    if (!m) continue;
    const { X } = JSON.parse(Deno.readTextFileSync(new URL(`lightgbm/${m[1]}.json`, fixtures)));
    add(`lgb_${m[1]}`, roundTripSource(`lgb_${m[1]}`, fixtures), X);
  }
  for (const [name, { booster, X }] of Object.entries(trainedHere())) {
    add(`ours_${name}`, booster, X);
  }
  Deno.writeTextFileSync(`${out}/manifest.json`, JSON.stringify(manifest) + "\n");
  console.log(`wrote ${Object.keys(manifest).length} XGBoost JSON files to ${out}`);
}
