import { assertEquals } from "@std/assert";
import { drawGraph, Tensor, traceGraph, Value } from "../../../lib/autodiff/mod.ts";

Deno.test("drawGraph: one box per value, one circle per op, grads shown", () => {
  const a = new Value(2).named("a"), b = new Value(-3).named("b");
  const L = a.mul(b).add(1).named("L");
  L.backward();
  const svg = drawGraph(L).svg;
  assertEquals(svg.match(/<rect/g)?.length, 5); // a, b, a*b, the constant 1, L
  assertEquals(svg.match(/<circle/g)?.length, 2);
  assertEquals(svg.includes("grad -3"), true);
  assertEquals(svg.includes("grad 2"), true);
  const bundle = drawGraph(L).mimeBundle();
  assertEquals(Object.keys(bundle).sort(), ["image/svg+xml", "text/html"]);
  const x = Tensor.from([[1, 2]], "x");
  const y = x.tanh().sum().named("y");
  y.backward();
  const tsvg = drawGraph(y).svg;
  assertEquals(tsvg.includes(">x<") && tsvg.includes(">y<") && tsvg.includes(">tanh<"), true);
});

Deno.test("traceGraph lists nodes in forward order with operands, data and grads", () => {
  // micrograd's example: e = a·b, d = e + c, L = d·f with a = 2, b = −3, c = 10, f = −2.
  const a = new Value(2).named("a"), b = new Value(-3).named("b");
  const c = new Value(10).named("c"), f = new Value(-2).named("f");
  const e = a.mul(b).named("e"), d = e.add(c).named("d");
  const L = d.mul(f).named("L");
  L.backward();
  const rows = traceGraph(L);
  assertEquals(rows.map((r) => r.node), ["a", "b", "e", "c", "d", "f", "L"]);
  assertEquals(rows[6], { step: 7, node: "L", op: "*", inputs: "d, f", data: "-8", grad: "1" });
  assertEquals(rows.map((r) => r.grad), ["6", "-4", "-2", "-2", "-2", "4", "1"]);
  assertEquals(traceGraph(new Value(1).add(2))[1].node, "#2");
});
