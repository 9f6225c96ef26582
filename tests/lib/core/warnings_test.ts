import { assertEquals, assertThrows } from "@std/assert";
import {
  catchWarnings,
  ConvergenceWarning,
  filterWarnings,
  resetWarnings,
  warn,
  Warning,
} from "../../../lib/core/mod.ts";

function captureStderr(fn: () => void): string[] {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return lines;
}

Deno.test("by default a warning is printed once per distinct text", () => {
  resetWarnings();
  const lines = captureStderr(() => {
    warn(new ConvergenceWarning("A stopped"));
    warn(new ConvergenceWarning("A stopped"));
    warn(new ConvergenceWarning("B stopped"));
  });
  assertEquals(lines, ["ConvergenceWarning: A stopped", "ConvergenceWarning: B stopped"]);
  resetWarnings();
});

Deno.test("filterWarnings: ignore, always, error; the newest filter wins; reset undoes", () => {
  resetWarnings();
  filterWarnings("ignore");
  assertEquals(captureStderr(() => warn(new ConvergenceWarning("x"))), []);
  filterWarnings("always", ConvergenceWarning);
  assertEquals(
    captureStderr(() => {
      warn(new ConvergenceWarning("x"));
      warn(new ConvergenceWarning("x"));
    }).length,
    2,
  );
  assertEquals(captureStderr(() => warn(new Warning("other"))), []); // still ignored
  filterWarnings("error", ConvergenceWarning);
  assertThrows(() => warn(new ConvergenceWarning("boom")), ConvergenceWarning, "boom");
  assertThrows(() => filterWarnings("loud" as never), TypeError, "action must be");
  resetWarnings();
  assertEquals(captureStderr(() => warn(new Warning("back"))), ["Warning: back"]);
  resetWarnings();
});

Deno.test("catchWarnings records instead of printing, nests, and restores filters", () => {
  resetWarnings();
  const lines = captureStderr(() => {
    const outer = catchWarnings(() => {
      warn(new Warning("one"));
      const inner = catchWarnings(() => {
        filterWarnings("ignore", Warning);
        warn(new Warning("dropped"));
        return 7;
      });
      assertEquals(inner, { result: 7, warnings: [] });
      warn(new ConvergenceWarning("two")); // the inner filter is gone
      return "done";
    });
    assertEquals(outer.result, "done");
    assertEquals(outer.warnings.map((w) => `${w.name}: ${w.message}`), [
      "Warning: one",
      "ConvergenceWarning: two",
    ]);
  });
  assertEquals(lines, []);
  resetWarnings();
});

Deno.test("catchWarnings pops its recorder when fn throws", () => {
  resetWarnings();
  assertThrows(() =>
    catchWarnings(() => {
      throw new Error("fail");
    })
  );
  assertEquals(captureStderr(() => warn(new Warning("after"))), ["Warning: after"]);
  resetWarnings();
});
