import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { Matrix } from "../../../lib/core/matrix.ts";
import { Random } from "../../../lib/core/random.ts";
import { BruteForce, KDTree, minkowski } from "../../../lib/neighbors/mod.ts";

// 李航 例3.2
const T = [[2, 3], [5, 4], [9, 6], [4, 7], [8, 1], [7, 2]];
const pointOf = (tree: KDTree, id: number) => T[tree.node(id).point];

Deno.test("例3.2: the book's kd-tree (upper median, axes x⁽¹⁾, x⁽²⁾, x⁽¹⁾, ...)", () => {
  const tree = new KDTree(T);
  const root = tree.node(0);
  assertEquals(pointOf(tree, 0), [7, 2]);
  assertEquals([root.axis, root.split, root.depth], [0, 7, 0]);
  const left = tree.node(root.left), right = tree.node(root.right);
  assertEquals(pointOf(tree, left.id), [5, 4]);
  assertEquals(left.axis, 1);
  assertEquals(pointOf(tree, left.left), [2, 3]);
  assertEquals(pointOf(tree, left.right), [4, 7]);
  assertEquals(pointOf(tree, right.id), [9, 6]);
  assertEquals(pointOf(tree, right.left), [8, 1]);
  assertEquals(right.right, -1);
  assertEquals(tree.nNodes, 6);
  // Leaves (depth 2) split on x⁽¹⁾ again and have no children.
  const leaf = tree.node(left.left);
  assertEquals([leaf.axis, leaf.depth, leaf.left, leaf.right], [0, 2, -1, -1]);
});

Deno.test("例3.2: regions are the rectangles of 图3.3", () => {
  const regions = new KDTree(T).regions([[0, 10], [0, 10]]);
  const byPoint = new Map(regions.map((r) => [T[r.point].join(), r]));
  assertEquals(byPoint.get("7,2")!.lo, [0, 0]);
  assertEquals(byPoint.get("5,4")!.hi, [7, 10]);
  assertEquals(byPoint.get("4,7")!.lo, [0, 4]);
  assertEquals(byPoint.get("8,1")!.hi, [10, 6]);
  assertEquals(byPoint.get("8,1")!.lo, [7, 0]);
  assertThrows(() => new KDTree(T).regions([[0, 1]]), ShapeError);
});

Deno.test("习题3.2: nearest neighbour of (3, 4.5) is (2, 3), with the book's search path", () => {
  const tree = new KDTree(T);
  const { indices, distances, steps, nVisited } = tree.explain([3, 4.5], 1);
  assertEquals(T[indices[0]], [2, 3]);
  assertAlmostEquals(distances[0], Math.hypot(1, 1.5), 1e-15);
  const path = steps.map((s) =>
    s.kind === "check"
      ? `check ${T[s.point]}`
      : s.kind === "descend"
      ? `descend ${T[s.point]} ${s.goes}`
      : `${s.kind} ${T[tree.node(s.node).point]}`
  );
  assertEquals(path, [
    "descend 7,2 left", // 3 < 7
    "descend 5,4 right", // 4.5 ≥ 4
    "check 4,7", // leaf: current nearest, d = 2.69
    "check 5,4", // d = 2.06 < 2.69: new nearest
    "cross 5,4", // |4.5 − 4| = 0.5 < 2.06: the ball crosses y = 4
    "check 2,3", // d = 1.80: new nearest
    "check 7,2", // d = 4.72
    "prune 7,2", // |3 − 7| = 4 > 1.80: the right half cannot help
  ]);
  assertEquals(nVisited, 4);
  const accepted = steps.filter((s) => s.kind === "check" && s.accepted).map((s) =>
    s.kind === "check" ? T[s.point].join() : ""
  );
  assertEquals(accepted, ["4,7", "5,4", "2,3"]);
});

Deno.test("习题3.3: k nearest neighbours, nearest first", () => {
  const tree = new KDTree(T);
  const q = [6, 3];
  const { indices, distances } = tree.query(q, 3);
  const sorted = T.map((x, i) => ({ i, d: minkowski(q, x) })).sort((a, b) =>
    a.d - b.d || a.i - b.i
  );
  assertEquals(indices, sorted.slice(0, 3).map((s) => s.i));
  distances.forEach((d, j) => assertAlmostEquals(d, sorted[j].d, 1e-15));
});

/** Random points on a coarse grid, so that many distances tie exactly. */
function gridPoints(rng: Random, n: number, d: number, levels: number): Matrix {
  const m = new Matrix(n, d);
  for (let t = 0; t < m.data.length; t++) m.data[t] = rng.int(levels);
  return m;
}

Deno.test("kd-tree returns exactly what brute force returns, ties included", () => {
  const rng = new Random(2024);
  for (const { n, d, levels } of [{ n: 300, d: 2, levels: 6 }, { n: 500, d: 3, levels: 4 }]) {
    const X = gridPoints(rng, n, d, levels);
    const Q = gridPoints(rng, 60, d, levels + 1);
    for (const p of [1, 2, 3, 1.5, Infinity]) {
      const brute = new BruteForce(X, { p });
      for (const leafSize of [1, 7]) {
        const tree = new KDTree(X, { p, leafSize });
        for (const k of [1, 4, 13]) {
          const a = tree.queryMany(Q, k), b = brute.queryMany(Q, k);
          assertEquals(Array.from(a.indices), Array.from(b.indices), `p=${p} k=${k}`);
          assertEquals(Array.from(a.distances), Array.from(b.distances));
        }
      }
    }
  }
});

Deno.test("ties go to the lower index, in both searches", () => {
  // Four points at distance 1 from the origin, plus a duplicate of the first.
  const X = [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]];
  for (const index of [new KDTree(X), new BruteForce(X)]) {
    assertEquals(index.query([0, 0], 3).indices, [0, 1, 2]);
    assertEquals(index.query([1, 0], 2).indices, [0, 4]);
  }
});

Deno.test("kd-tree on continuous random data: exact, and far fewer nodes than points", () => {
  const rng = new Random(9);
  const X = new Matrix(4000, 3, rng.uniformArray(12000));
  const Q = new Matrix(200, 3, rng.uniformArray(600));
  const tree = new KDTree(X), brute = new BruteForce(X);
  const a = tree.queryMany(Q, 5), b = brute.queryMany(Q, 5);
  assertEquals(Array.from(a.indices), Array.from(b.indices));
  const meanVisited = a.nVisited.reduce((s, v) => s + v, 0) / Q.rows;
  assert(meanVisited < 200, `visited ${meanVisited} nodes per query on average`);
});

Deno.test("argument checks", () => {
  const tree = new KDTree(T);
  assertThrows(() => tree.query([1, 2], 7), ValueError, "k = 7 and nSamplesFit = 6");
  assertThrows(() => tree.query([1, 2], 0), ValueError, "k must be an integer >= 1");
  assertThrows(() => tree.query([1, 2, 3]), ShapeError, "x has 3 features");
  assertThrows(() => tree.query([1, NaN]), ValueError, "finite");
  assertThrows(() => tree.queryMany([[1, 2, 3]]), ShapeError, "X has 3 features");
  assertThrows(() => new KDTree(T, { leafSize: 0 }), ValueError, "'leafSize' option");
  assertThrows(() => tree.node(6), ValueError, "Node id");
});
