/**
 * Cell text for tables, following pandas' display rules: floats of a column share one format
 * (6 decimals, trailing zeros trimmed together, scientific notation for tiny or huge values),
 * integers as is, missing values as NaN.
 *
 * @module
 */

/** pandas' `display.precision`. */
export const PRECISION = 6;

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

/** One value as text outside a numeric column (strings, booleans, dates, objects). */
export function formatValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return Number.isInteger(v) ? String(v) : formatFloatColumn([v])[0];
}

/** `1.234568e+07` as pandas writes it: a two-digit exponent at least. */
function scientific(v: number): string {
  const [mantissa, exponent] = v.toExponential(PRECISION).split("e");
  const sign = exponent[0] === "-" ? "-" : "+";
  const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
  return mantissa + "e" + sign + digits;
}

/**
 * Formats a float column the pandas way.
 * - fixed notation with {@link PRECISION} decimals, then trailing zeros removed from all values
 *   at once while each still has at least one decimal ([1.5, 2.25, 3] → 1.50, 2.25, 3.00);
 * - scientific notation when some value is nonzero and below 1e-6 in magnitude, or when the
 *   trimmed fixed text grows past 12 characters with values above 1e6.
 */
export function formatFloatColumn(values: readonly unknown[]): string[] {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const abs = finite.map(Math.abs);
  const hasSmall = abs.some((a) => a > 0 && a < 10 ** -PRECISION);
  const hasLarge = abs.some((a) => a > 1e6);
  // toFixed writes exponents from 1e21 on: such values are too long for fixed notation anyway
  if (abs.some((a) => a >= 1e21)) {
    return values.map((
      v,
    ) => (typeof v === "number" && Number.isFinite(v) ? scientific(v) : missingText(v)));
  }
  const fixed = finite.map((v) => v.toFixed(PRECISION));
  let decimals = PRECISION;
  while (decimals > 1 && fixed.every((s) => s[s.length - (PRECISION - decimals) - 1] === "0")) {
    decimals--;
  }
  // "too long" is judged on the trimmed text, as pandas does
  const tooLong = finite.some((v) => v.toFixed(decimals).length > PRECISION + 6);
  const useScientific = hasSmall || (tooLong && hasLarge);
  return values.map((v) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return missingText(v);
    return useScientific ? scientific(v) : v.toFixed(decimals);
  });
}

function missingText(v: unknown): string {
  if (isMissing(v)) return "NaN";
  if (typeof v === "number") return v > 0 ? "inf" : "-inf";
  return formatValue(v);
}

/**
 * Formats one column: a float column (any non-integer number, or a "float" dtype) shares one
 * format; other values are formatted one by one.
 * @param values the column's values, top to bottom
 * @param dtype danfojs dtype ("float32", "int32", "string", "boolean"), when known
 */
export function formatColumn(values: readonly unknown[], dtype?: string): string[] {
  const numbers = values.every((v) => typeof v === "number" || isMissing(v));
  const hasFraction = values.some((v) =>
    typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v)
  );
  if (numbers && (hasFraction || dtype?.startsWith("float"))) {
    const anyValue = values.some((v) => typeof v === "number" && Number.isFinite(v));
    if (anyValue && hasFraction) return formatFloatColumn(values);
    // whole numbers in a float column: pandas writes 1.0, 2.0
    return values.map((v) =>
      typeof v === "number" && Number.isFinite(v) ? v.toFixed(1) : missingText(v)
    );
  }
  return values.map((v) => {
    if (typeof v === "number") return formatNumber(v);
    return numbers ? "NaN" : formatValue(v); // a missing value in a numeric column is NaN
  });
}
