/**
 * A local stand-in for `jsr:@std/assert`, built on `node:assert` (JSR is unreachable here).
 * It keeps the std names and signatures we use, so switching to JSR is one line in deno.json.
 */
import nodeAssert from "node:assert";

export class AssertionError extends Error {
  override name = "AssertionError";
}

function fail(message: string, msg?: string): never {
  throw new AssertionError(msg ? `${msg}: ${message}` : message);
}

function show(value: unknown): string {
  return Deno.inspect(value, { depth: 6, iterableLimit: 20 });
}

/** Throws unless `expr` is truthy. */
export function assert(expr: unknown, msg = ""): asserts expr {
  if (!expr) fail("expected a truthy value", msg || undefined);
}

/** Deep structural equality (typed arrays, Maps, Sets and class instances included). */
export function assertEquals<T>(actual: T, expected: T, msg?: string): void {
  try {
    nodeAssert.deepStrictEqual(actual, expected);
  } catch {
    fail(
      `values are not equal\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`,
      msg,
    );
  }
}

export function assertNotEquals<T>(actual: T, expected: T, msg?: string): void {
  let equal = true;
  try {
    nodeAssert.deepStrictEqual(actual, expected);
  } catch {
    equal = false;
  }
  if (equal) fail(`expected values to differ, both are ${show(actual)}`, msg);
}

export function assertStrictEquals<T>(
  actual: unknown,
  expected: T,
  msg?: string,
): asserts actual is T {
  if (!Object.is(actual, expected)) {
    fail(
      `values are not identical\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`,
      msg,
    );
  }
}

/** |actual - expected| <= tolerance (default 1e-7, as in std). */
export function assertAlmostEquals(
  actual: number,
  expected: number,
  tolerance = 1e-7,
  msg?: string,
): void {
  if (Object.is(actual, expected)) return;
  const delta = Math.abs(expected - actual);
  if (!(delta <= tolerance)) {
    fail(
      `expected ${actual} to be close to ${expected} (tolerance ${tolerance}, delta ${delta})`,
      msg,
    );
  }
}

export function assertExists<T>(
  actual: T,
  msg?: string,
): asserts actual is NonNullable<T> {
  if (actual === undefined || actual === null) {
    fail(`expected a value, got ${actual}`, msg);
  }
}

export function assertGreater<T>(actual: T, expected: T, msg?: string): void {
  if (!(actual > expected)) {
    fail(`expected ${show(actual)} > ${show(expected)}`, msg);
  }
}

export function assertGreaterOrEqual<T>(
  actual: T,
  expected: T,
  msg?: string,
): void {
  if (!(actual >= expected)) {
    fail(`expected ${show(actual)} >= ${show(expected)}`, msg);
  }
}

export function assertLess<T>(actual: T, expected: T, msg?: string): void {
  if (!(actual < expected)) {
    fail(`expected ${show(actual)} < ${show(expected)}`, msg);
  }
}

export function assertLessOrEqual<T>(
  actual: T,
  expected: T,
  msg?: string,
): void {
  if (!(actual <= expected)) {
    fail(`expected ${show(actual)} <= ${show(expected)}`, msg);
  }
}

export function assertStringIncludes(
  actual: string,
  expected: string,
  msg?: string,
): void {
  if (!actual.includes(expected)) {
    fail(`expected ${show(actual)} to include ${show(expected)}`, msg);
  }
}

export function assertMatch(
  actual: string,
  expected: RegExp,
  msg?: string,
): void {
  if (!expected.test(actual)) {
    fail(`expected ${show(actual)} to match ${expected}`, msg);
  }
}

export function assertArrayIncludes<T>(
  actual: ArrayLike<T>,
  expected: ArrayLike<T>,
  msg?: string,
): void {
  const items = Array.from(actual);
  for (const e of Array.from(expected)) {
    if (!items.some((a) => isDeepEqual(a, e))) {
      fail(`expected ${show(items)} to include ${show(e)}`, msg);
    }
  }
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    nodeAssert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

export function assertInstanceOf<
  T extends abstract new (...args: never[]) => unknown,
>(
  actual: unknown,
  expectedType: T,
  msg?: string,
): asserts actual is InstanceType<T> {
  if (!(actual instanceof expectedType)) {
    fail(
      `expected an instance of ${expectedType.name}, got ${show(actual)}`,
      msg,
    );
  }
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

function checkError<E extends Error>(
  error: unknown,
  ErrorClass?: ErrorClass<E>,
  msgIncludes?: string,
  msg?: string,
): E {
  if (!(error instanceof Error)) {
    fail(`expected an Error to be thrown, got ${show(error)}`, msg);
  }
  if (ErrorClass && !(error instanceof ErrorClass)) {
    fail(
      `expected ${ErrorClass.name} to be thrown, got ${error.name}: ${error.message}`,
      msg,
    );
  }
  if (msgIncludes !== undefined && !error.message.includes(msgIncludes)) {
    fail(
      `expected the message ${show(error.message)} to include ${show(msgIncludes)}`,
      msg,
    );
  }
  return error as E;
}

/** Calls `fn`, expects it to throw (optionally an instance of `ErrorClass` whose message includes `msgIncludes`). */
export function assertThrows<E extends Error = Error>(
  fn: () => unknown,
  ErrorClass?: ErrorClass<E>,
  msgIncludes?: string,
  msg?: string,
): E {
  try {
    fn();
  } catch (error) {
    return checkError(error, ErrorClass, msgIncludes, msg);
  }
  return fail("expected the function to throw", msg);
}

/** Awaits `fn()`, expects it to reject (optionally with `ErrorClass` and `msgIncludes`). */
export async function assertRejects<E extends Error = Error>(
  fn: () => PromiseLike<unknown>,
  ErrorClass?: ErrorClass<E>,
  msgIncludes?: string,
  msg?: string,
): Promise<E> {
  try {
    await fn();
  } catch (error) {
    return checkError(error, ErrorClass, msgIncludes, msg);
  }
  return fail("expected the promise to reject", msg);
}

export function unreachable(msg?: string): never {
  return fail("unreachable code was reached", msg);
}
