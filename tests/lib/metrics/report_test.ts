import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { classificationReport } from "../../../lib/metrics/mod.ts";
import { formatFixed, pythonFloatRepr } from "../../../lib/metrics/python_format.ts";

Deno.test("classificationReport reproduces scikit-learn's documented table", () => {
  const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], {
    targetNames: ["class 0", "class 1", "class 2"],
  });
  const expected = [
    "              precision    recall  f1-score   support",
    "",
    "     class 0       0.50      1.00      0.67         1",
    "     class 1       0.00      0.00      0.00         1",
    "     class 2       1.00      0.67      0.80         3",
    "",
    "    accuracy                           0.60         5",
    "   macro avg       0.50      0.56      0.49         5",
    "weighted avg       0.70      0.60      0.61         5",
    "",
  ].join("\n");
  assertEquals(report.text, expected);
  assertEquals(String(report), expected);
  assertEquals(report.accuracy, 0.6);
  assertAlmostEquals(report.macroAvg.f1Score, (2 / 3 + 0 + 0.8) / 3, 1e-15);
  assertEquals(report.perClass[2], {
    label: 2,
    name: "class 2",
    precision: 1,
    recall: 2 / 3,
    f1Score: 0.8,
    support: 3,
  });
  const display = (report as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ]();
  assertEquals(display["text/plain"], expected);
});

Deno.test("a label subset reports the micro average instead of accuracy", () => {
  const report = classificationReport([1, 3, 3], [1, 2, 3], { labels: [1, 2] });
  assertEquals(report.accuracy, undefined);
  assertEquals(report.microAvg?.support, 1);
  assertEquals(Object.keys(report.toDict()), ["1", "2", "micro avg", "macro avg", "weighted avg"]);
});

Deno.test("classificationReport checks names and digits", () => {
  assertThrows(
    () => classificationReport([0, 1], [0, 1], { targetNames: ["a"] }),
    ValueError,
    "targetNames has 1 names, but there are 2 labels",
  );
  assertThrows(() => classificationReport([0, 1], [0, 1], { digits: -1 }), ValueError, "'digits'");
});

Deno.test("Python number formatting: half-to-even on exact ties, repr of floats", () => {
  assertEquals(formatFixed(0.125, 2), "0.12"); // JS toFixed gives "0.13"
  assertEquals(formatFixed(0.375, 2), "0.38");
  assertEquals(formatFixed(0.3125, 3), "0.312");
  assertEquals(formatFixed(2.5, 0), "2");
  assertEquals(formatFixed(0.995, 2), "0.99"); // 0.995 is stored as 0.99499999...
  assertEquals(formatFixed(9.9999, 2), "10.00");
  assertEquals(formatFixed(-0.5, 0), "-0");
  assertEquals(formatFixed(2 / 3, 4), "0.6667");
  assertEquals(pythonFloatRepr(3), "3.0");
  assertEquals(pythonFloatRepr(3.5), "3.5");
  assertEquals(pythonFloatRepr(1e-5), "1e-05");
  assertEquals(pythonFloatRepr(0.0001), "0.0001");
  assertEquals(pythonFloatRepr(1.5e16), "1.5e+16");
  assertEquals(pythonFloatRepr(123456789012345.6), "123456789012345.6");
});
