/**
 * Writes, for tools/fixtures_xgboost_files.py, the XGBoost JSON that `toXGBoostJSON` makes of
 * every XGBoost fixture model (read back with `fromXGBoostJSON`) and every LightGBM fixture
 * (read with `fromLightGBMText`), with the inputs to check them on (rounded to float32, as
 * XGBoost reads them) and a manifest.
 *
 *     ./node_modules/.bin/deno run -A tools/xgboost_roundtrip.ts tests/fixtures/xgboost/roundtrip
 */
import { Booster } from "../lib/mod.ts";

const out = Deno.args[0];
const root = new URL("../tests/fixtures/", import.meta.url).pathname;
const manifest: Record<string, { file: string; X: (number | null)[][] }> = {};
const f32 = (X: (number | null)[][]) =>
  X.map((r) => r.map((v) => (v === null ? null : Math.fround(v))));

for (
  const entry of [...Deno.readDirSync(`${root}xgboost`)].sort((a, b) => a.name < b.name ? -1 : 1)
) {
  const m = /^(.*)\.model\.json$/.exec(entry.name);
  if (!m || m[1].startsWith("bad_")) continue;
  const booster = Booster.fromXGBoostJSON(Deno.readTextFileSync(`${root}xgboost/${entry.name}`));
  const { X } = JSON.parse(Deno.readTextFileSync(`${root}xgboost/${m[1]}.json`));
  Deno.writeTextFileSync(`${out}/xgb_${m[1]}.json`, booster.toXGBoostJSON());
  manifest[`xgb_${m[1]}`] = { file: `xgb_${m[1]}.json`, X: f32(X) };
}
for (
  const entry of [...Deno.readDirSync(`${root}lightgbm`)].sort((a, b) => a.name < b.name ? -1 : 1)
) {
  const m = /^(.*)\.txt$/.exec(entry.name);
  if (!m) continue;
  const booster = Booster.fromLightGBMText(Deno.readTextFileSync(`${root}lightgbm/${entry.name}`));
  const { X } = JSON.parse(Deno.readTextFileSync(`${root}lightgbm/${m[1]}.json`));
  Deno.writeTextFileSync(`${out}/lgb_${m[1]}.json`, booster.toXGBoostJSON());
  manifest[`lgb_${m[1]}`] = { file: `lgb_${m[1]}.json`, X: f32(X) };
}
Deno.writeTextFileSync(`${out}/manifest.json`, JSON.stringify(manifest) + "\n");
console.log(`wrote ${Object.keys(manifest).length} XGBoost JSON files to ${out}`);
