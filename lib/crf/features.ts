/**
 * Feature functions of the linear-chain CRF in the book's form (李航《统计学习方法》§11.2.3):
 * transition features t_k(y_{i−1}, y_i, x, i) and state features s_l(y_i, x, i). Each is an
 * indicator of the labels it names, times an optional function of (x, i), active only at the
 * listed positions. Positions are 0-based here: the book's i = 2, 3 are 1, 2.
 *
 * @module
 */
import { type Label, ValueError } from "../core/mod.ts";

/** t_k(y_{i−1}, y_i, x, i) = [y_{i−1} = from][y_i = to] · value(x, i) at the listed positions. */
export interface TransitionFeature<X = unknown> {
  /** The label y_{i−1}. */
  from: Label;
  /** The label y_i. */
  to: Label;
  /** 0-based positions i ≥ 1 where it can fire. @default every i ≥ 1 */
  positions?: number[];
  /** A function of the observation sequence and the position. @default 1 */
  value?: (x: readonly X[], i: number) => number;
  /** A name for tables, e.g. "t1". */
  name?: string;
}

/** s_l(y_i, x, i) = [y_i = label] · value(x, i) at the listed positions. */
export interface StateFeature<X = unknown> {
  /** The label y_i. */
  label: Label;
  /** 0-based positions where it can fire. @default every position */
  positions?: number[];
  /** A function of the observation sequence and the position. @default 1 */
  value?: (x: readonly X[], i: number) => number;
  /** A name for tables, e.g. "s1". */
  name?: string;
}

/** Features with their labels resolved to indices. */
export interface CompiledFeatures<X> {
  transitions: {
    from: number;
    to: number;
    positions: Set<number> | null;
    value: ((x: readonly X[], i: number) => number) | null;
  }[];
  states: {
    label: number;
    positions: Set<number> | null;
    value: ((x: readonly X[], i: number) => number) | null;
  }[];
}

/** Resolves labels to indices; a label that is not in `labels` is an error naming the feature. */
export function compileFeatures<X>(
  labels: readonly Label[],
  transitions: readonly TransitionFeature<X>[],
  states: readonly StateFeature<X>[],
): CompiledFeatures<X> {
  const index = (label: Label, what: string): number => {
    const k = labels.indexOf(label);
    if (k < 0) {
      throw new ValueError(
        `${what} refers to the label ${JSON.stringify(label)}, which is not one of the labels ${
          JSON.stringify(labels)
        }.`,
      );
    }
    return k;
  };
  const positions = (p: number[] | undefined, what: string, min: number): Set<number> | null => {
    if (p === undefined) return null;
    for (const i of p) {
      if (!Number.isInteger(i) || i < min) {
        throw new ValueError(
          `${what} has position ${i}; positions are integers >= ${min} (0-based).`,
        );
      }
    }
    return new Set(p);
  };
  return {
    transitions: transitions.map((t, k) => {
      const what = `Transition feature ${t.name ?? k}`;
      return {
        from: index(t.from, what),
        to: index(t.to, what),
        positions: positions(t.positions, what, 1),
        value: t.value ?? null,
      };
    }),
    states: states.map((s, l) => {
      const what = `State feature ${s.name ?? l}`;
      return {
        label: index(s.label, what),
        positions: positions(s.positions, what, 0),
        value: s.value ?? null,
      };
    }),
  };
}
