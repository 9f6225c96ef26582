/**
 * Convex hull of points in the plane, for 李航 习题2.3: a data set is linearly separable exactly
 * when the convex hulls of its positive and negative points do not intersect.
 *
 * @module
 */
import { ShapeError } from "../core/errors.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";

/**
 * Vertices of the convex hull, counter-clockwise starting from the point with the smallest x
 * (ties: smallest y), by Andrew's monotone chain in O(n log n). Collinear points on
 * an edge are left out; one or two distinct points give a hull of that many vertices.
 *
 * @param points shape (nPoints, 2)
 * @returns indices into `points`
 * @example
 * ```ts
 * import { convexHull } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // the centre point (1, 1) is inside: the hull is the square's corners
 * assertEquals(convexHull([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2]]), [0, 1, 3, 4]);
 * ```
 */
export function convexHull(points: MatrixLike): number[] {
  const m = toMatrix(points, "points");
  if (m.cols !== 2) {
    throw new ShapeError(`convexHull needs points of shape (nPoints, 2). Got ${m.cols} columns.`);
  }
  const x = (i: number) => m.data[2 * i], y = (i: number) => m.data[2 * i + 1];
  const order = Array.from({ length: m.rows }, (_, i) => i).sort((a, b) =>
    x(a) - x(b) || y(a) - y(b) || a - b
  );
  const unique = order.filter((i, t) =>
    t === 0 || x(i) !== x(order[t - 1]) || y(i) !== y(order[t - 1])
  );
  if (unique.length <= 2) return unique;
  // z-component of (b − a) × (c − a): > 0 for a left (counter-clockwise) turn.
  const cross = (a: number, b: number, c: number) =>
    (x(b) - x(a)) * (y(c) - y(a)) - (y(b) - y(a)) * (x(c) - x(a));
  const chain = (seq: number[]) => {
    const out: number[] = [];
    for (const p of seq) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    out.pop(); // the last point starts the other chain
    return out;
  };
  return [...chain(unique), ...chain([...unique].reverse())];
}
