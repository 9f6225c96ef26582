/**
 * The layers of docs/architecture.md, checked on the import statements of every file in lib/:
 *
 *   core → numerics (autodiff, optim, solvers), prob, info, metrics → model families
 *        → data, plot, table → notebooks
 *
 * A file may import its own layer or lower ones; model families never import lib/plot or
 * lib/table (models do not know about display); and the file-level import graph of lib/ (type
 * imports included) has no cycle.
 */
import { assert, assertEquals } from "@std/assert";

const LIB = new URL("../lib/", import.meta.url);

/** Layer of each top-level folder of lib/; folders not listed are model families (layer 2). */
const LAYERS: Record<string, number> = {
  core: 0,
  autodiff: 1,
  optim: 1,
  solvers: 1,
  prob: 1,
  info: 1,
  metrics: 1,
  data: 3,
  plot: 3,
  table: 3,
};
const FAMILY = 2;
const DISPLAY = new Set(["plot", "table"]);

/** lib-relative path → lib-relative paths it imports (relative specifiers only). */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: URL, prefix: string) => {
    for (const entry of Deno.readDirSync(dir)) {
      const rel = prefix + entry.name;
      if (entry.isDirectory) walk(new URL(`${entry.name}/`, dir), `${rel}/`);
      else if (entry.name.endsWith(".ts")) {
        const text = Deno.readTextFileSync(new URL(entry.name, dir));
        const specs = [
          ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gms),
          ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
        ].map((m) => m[1]).filter((s) => s.startsWith("."));
        graph.set(
          rel,
          specs.map((s) => new URL(s, new URL(rel, LIB)).href.slice(LIB.href.length)),
        );
      }
    }
  };
  walk(LIB, "");
  return graph;
}

const folder = (path: string) => (path.includes("/") ? path.split("/")[0] : "");
const layer = (path: string) => {
  const f = folder(path);
  return f === "" ? 4 : LAYERS[f] ?? FAMILY; // lib/mod.ts re-exports everything: top
};

const graph = importGraph();

Deno.test("architecture: the import graph sees every folder of lib/", () => {
  const folders = new Set([...graph.keys()].map(folder));
  for (const f of ["core", "tree", "plot", "nn", "linear"]) assert(folders.has(f), f);
  assert(graph.get("tree/decision_tree.ts")!.includes("core/mod.ts"));
});

Deno.test("architecture: model families never import lib/plot or lib/table", () => {
  const offending = [...graph].flatMap(([file, deps]) =>
    layer(file) === FAMILY
      ? deps.filter((d) => DISPLAY.has(folder(d))).map((d) => `${file} → ${d}`)
      : []
  );
  assertEquals(offending, [], "models must not know about display");
});

Deno.test("architecture: every import goes to the same layer or a lower one", () => {
  const upward = [...graph].flatMap(([file, deps]) =>
    deps.filter((d) => layer(d) > layer(file)).map((d) => `${file} → ${d}`)
  );
  assertEquals(upward, []);
});

/** The cycles of a directed graph (Tarjan's strongly connected components with 2+ files). */
export function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>(), out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

Deno.test("architecture: cycles() finds a two-file cycle and nothing in a chain", () => {
  assertEquals(cycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]])), [["a", "b"]]);
  assertEquals(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]])), []);
});

Deno.test("architecture: the import graph of lib/ has no cycle", () => {
  assertEquals(cycles(graph), []);
});

Deno.test("architecture: docs/architecture.md names every folder of lib/", () => {
  const doc = Deno.readTextFileSync(new URL("../docs/architecture.md", import.meta.url));
  const folders = [...new Set([...graph.keys()].map(folder))].filter((f) => f !== "");
  const missing = folders.filter((f) => !new RegExp(`\\b${f}\\b`).test(doc));
  assertEquals(missing, [], "add the folder to the layer picture in docs/architecture.md");
});
