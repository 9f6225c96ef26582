import { assert, assertEquals } from "@std/assert";
import { catchWarnings, ConvergenceWarning } from "../../../lib/core/mod.ts";
import { MaxEnt } from "../../../lib/maxent/mod.ts";
import { LOAN_X, LOAN_Y } from "../../support/lihang.ts";

for (const solver of ["iis", "lbfgs", "bfgs"] as const) {
  Deno.test(`MaxEnt (${solver}) warns once when it stops at maxIter, and not when it converges`, () => {
    // Before: converged = false and nothing said.
    const short = catchWarnings(() =>
      new MaxEnt({ solver, penalty: "l2", maxIter: 2 }).fit(LOAN_X, LOAN_Y)
    );
    assertEquals(short.result.converged, false);
    assertEquals(short.warnings.length, 1);
    assert(short.warnings[0] instanceof ConvergenceWarning);
    assertEquals(
      short.warnings[0].message,
      "MaxEnt failed to converge after 2 iterations (the maxIter limit). Increase maxIter, " +
        "scale the features (e.g. StandardScaler) or loosen tol.",
    );
    const full = catchWarnings(() =>
      new MaxEnt({ solver, penalty: "l2", maxIter: 5000, tol: 1e-6 }).fit(LOAN_X, LOAN_Y)
    );
    assertEquals(full.warnings, []);
    assert(full.result.converged);
  });
}
