/**
 * CTRClassifier on the estimator protocol. It is not a subclass of `Estimator`, so the shared
 * battery (tests/estimator_checks_test.ts) does not pick it up: that battery fits float
 * matrices with multi-class and string labels, while a CTR model reads an Int32Array of ids in
 * one id space sized by its spec, with 0/1 labels. These targeted tests check the protocol's
 * promises instead: the JSON envelope, bit-identical predictions after a round trip,
 * NotFittedError before fit, and clear errors.
 */
import { assert, assertEquals, assertThrows } from "@std/assert";
import {
  CTR_MODELS,
  CTRClassifier,
  FMModel,
  FORMAT_VERSION,
  makeCTRClassifier,
  manualSeed,
  NotFittedError,
} from "../../../lib/mod.ts";

function data(n: number, F: number, numIds: number): [Int32Array, number[]] {
  const X = Int32Array.from({ length: n * F }, (_, i) => (i * 7 + (i % F) * 3) % numIds);
  const y = Array.from({ length: n }, (_, r) => (X[r * F] + X[r * F + 1]) % 3 === 0 ? 1 : 0);
  return [X, y];
}

Deno.test("toJSON / fromJSON: every benchmark model restores bit-identical probabilities", () => {
  const [X, y] = data(96, 4, 20);
  for (const name of CTR_MODELS) {
    manualSeed(7);
    const clf = makeCTRClassifier(name, { numIds: 20, fields: 4, embedDim: 2, hidden: [8] });
    clf.fit(X, y, { epochs: 2, batchSize: 32 });
    const json = clf.toJSON();
    assertEquals([json.className, json.formatVersion], ["CTRClassifier", FORMAT_VERSION]);
    const back = CTRClassifier.fromJSON(JSON.parse(JSON.stringify(json)));
    assert(back.isFitted);
    assertEquals(back.predictProba(X), clf.predictProba(X), name);
    assertEquals(back.predict(X), clf.predict(X));
    assertEquals(back.history.length, 2);
    assertEquals(back.options.model, clf.options.model);
    const again = CTRClassifier.fromJSON(JSON.stringify(back)); // the JSON text works too
    assertEquals(again.predictProba(X), clf.predictProba(X));
    for (const c of [clf, back, again]) c.model.dispose();
  }
});

Deno.test("before fit: NotFittedError from predict/predictProba/model; toJSON saves no state", () => {
  const clf = makeCTRClassifier("fm", { numIds: 6, fields: 2 });
  assertEquals(clf.isFitted, false);
  assertThrows(() => clf.predict(new Int32Array(2)), NotFittedError, "not fitted");
  assertThrows(() => clf.predictProba(new Int32Array(2)), NotFittedError);
  const json = clf.toJSON();
  assertEquals(json.state, null);
  const back = CTRClassifier.fromJSON(json);
  assertEquals(back.isFitted, false);
  assertEquals(back.options, clf.options);
});

Deno.test("clear errors: a factory cannot be saved, unknown names, another class, bad weights", () => {
  const fn = new CTRClassifier({ model: () => new FMModel({ numIds: 4, fields: 2 }) });
  assertThrows(() => fn.toJSON(), Error, "not a function: a function cannot be saved");
  assertThrows(
    // deno-lint-ignore no-explicit-any
    () => new CTRClassifier({ model: { name: "gbdt", numIds: 4, fields: 2 } as any }),
    Error,
    'a spec named "gbdt"',
  );
  assertThrows(
    () => CTRClassifier.fromJSON({ className: "MaxEnt", options: {}, state: null }),
    Error,
    "this is a MaxEnt model, not a CTRClassifier model",
  );
  const [X, y] = data(32, 2, 6);
  const clf = makeCTRClassifier("lr", { numIds: 6, fields: 2 });
  clf.fit(X, y, { batchSize: 16 });
  const json = JSON.parse(JSON.stringify(clf));
  delete json.state.weights["linear.bias"];
  assertThrows(() => CTRClassifier.fromJSON(json), Error, "missing [linear.bias]");
  const json2 = JSON.parse(JSON.stringify(clf));
  json2.options.model.numIds = 7; // the spec no longer fits the saved table
  assertThrows(() => CTRClassifier.fromJSON(json2), Error, "must be a Float32Array of 7 values");
  clf.model.dispose();
});
