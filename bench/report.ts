/**
 * Runs our benches (optional) and prints the comparison tables of docs/benchmarks.md.
 *
 *   deno run -A bench/report.ts --run            # deno bench --json → bench/deno_results.json
 *   deno run -A bench/report.ts --run --append   # add a run to those already there
 *   deno run -A bench/report.ts                  # tables from the committed results only
 *
 * The scikit-learn side comes from bench/sklearn_results.json (tools/bench_sklearn.py). Both files
 * hold a list of runs; on a shared machine, alternate the two sides a few times. Times are
 * best-of-N per run (Deno's `min`, Python's min of time.perf_counter, same N from cases.json),
 * then the best over runs; the ratio range compares run i of one side with run i of the other.
 * A second table shows a few numbers from one fit on each side (computed here for ours), so a
 * reader sees both sides solved the same problem.
 *
 * @module
 */
import { prepareCase } from "./cases.ts";
import { CASES } from "./data.ts";

const HERE = new URL("./", import.meta.url);
const DENO_RESULTS = new URL("deno_results.json", HERE);
const SKLEARN_RESULTS = new URL("sklearn_results.json", HERE);
/** Our bench files; kdtree_bench.ts is reported separately by its own script. */
const BENCH_FILES = ["linear", "logistic", "tree", "naive_bayes", "nn", "metrics"].map(
  (family) => `bench/${family}_bench.ts`,
);

interface BenchStats {
  n: number;
  min: number;
  avg: number;
  p75: number;
  max: number;
}

interface DenoBench {
  origin: string;
  group: string | null;
  name: string;
  results: { ok?: BenchStats }[];
}

interface DenoRun {
  date: string;
  loadavgBefore: number[];
  loadavgAfter: number[];
  runtime: string;
  cpu: string;
  benches: DenoBench[];
}

interface SklearnCase {
  id: string;
  repeats: number;
  best_ms: number;
  median_ms: number;
  check: Record<string, number>;
}

interface SklearnRun {
  date: string;
  machine: string;
  threads: number;
  loadavg_before: number[];
  loadavg_after: number[];
  versions: Record<string, string>;
  cases: SklearnCase[];
}

async function runBenches(): Promise<DenoRun> {
  const loadavgBefore = Deno.loadavg();
  const deno = Deno.execPath();
  const out = await new Deno.Command(deno, {
    args: ["bench", "-A", "--json", ...BENCH_FILES],
    cwd: new URL("../", HERE),
    env: { NO_COLOR: "1" },
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`deno bench failed with code ${out.code}.`);
  const parsed = JSON.parse(new TextDecoder().decode(out.stdout));
  return {
    date: new Date().toISOString(),
    loadavgBefore,
    loadavgAfter: Deno.loadavg(),
    runtime: parsed.runtime,
    cpu: parsed.cpu,
    benches: parsed.benches,
  };
}

const ms = (ns: number) => ns / 1e6;

/** 3 significant digits, as a plain decimal. */
function fmt(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function checks(c: Record<string, number>): string {
  return Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", ");
}

function bestOver(values: number[]): number {
  return Math.min(...values);
}

function loadavg(values: number[]): string {
  return values.map((v) => v.toFixed(2)).join(" ");
}

async function main() {
  const runNow = Deno.args.includes("--run");
  let denoRuns: DenoRun[] = [];
  if (!runNow || Deno.args.includes("--append")) {
    try {
      denoRuns = JSON.parse(await Deno.readTextFile(DENO_RESULTS)).runs;
    } catch (e) {
      if (!runNow || !(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  if (runNow) {
    denoRuns.push(await runBenches());
    await Deno.writeTextFile(DENO_RESULTS, JSON.stringify({ runs: denoRuns }, null, 2) + "\n");
  }
  let skRuns: SklearnRun[];
  try {
    skRuns = JSON.parse(await Deno.readTextFile(SKLEARN_RESULTS)).runs;
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    console.log("No bench/sklearn_results.json yet: run /usr/bin/python3 tools/bench_sklearn.py.");
    return;
  }

  console.log("Runs (mlnotes, then scikit-learn; load average 1/5/15 min before → after):\n");
  denoRuns.forEach((r, i) =>
    console.log(
      `- mlnotes ${i + 1}: ${r.date}, ${r.runtime}, ${r.cpu}, load ${loadavg(r.loadavgBefore)} → ${
        loadavg(r.loadavgAfter)
      }`,
    )
  );
  skRuns.forEach((r, i) =>
    console.log(
      `- scikit-learn ${i + 1}: ${r.date}, ${
        Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(", ")
      }, ${r.threads} BLAS thread(s), load ${loadavg(r.loadavg_before)} → ${
        loadavg(r.loadavg_after)
      }`,
    )
  );

  const oursMs = (id: string) =>
    denoRuns.map((r) => {
      const stats = r.benches.find((b) => b.name === id)?.results[0]?.ok;
      if (!stats) throw new Error(`mlnotes run ${r.date} has no result for "${id}".`);
      return ms(stats.min);
    });
  const theirsMs = (id: string) =>
    skRuns.map((r) => {
      const found = r.cases.find((c) => c.id === id);
      if (!found) throw new Error(`scikit-learn run ${r.date} has no result for "${id}".`);
      return found.best_ms;
    });

  console.log(
    "\n| task | shape | N | mlnotes (ms) | scikit-learn (ms) | ratio | ratio range, paired runs |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
  for (const spec of CASES) {
    const ours = oursMs(spec.id), theirs = theirsMs(spec.id);
    const paired = ours.slice(0, theirs.length).map((v, i) => v / theirs[i]);
    console.log(
      `| ${spec.task} | ${spec.shape.join(" × ")} | ${spec.repeats} | ${fmt(bestOver(ours))} | ${
        fmt(bestOver(theirs))
      } | ${fmt(bestOver(ours) / bestOver(theirs))} | ${fmt(Math.min(...paired))} – ${
        fmt(Math.max(...paired))
      } |`,
    );
  }

  console.log("\n| task | mlnotes | scikit-learn |");
  console.log("| --- | --- | --- |");
  const lastSk = skRuns[skRuns.length - 1];
  for (const spec of CASES) {
    const theirs = lastSk.cases.find((c) => c.id === spec.id)!;
    console.log(
      `| ${spec.task} | ${checks(prepareCase(spec.id).check())} | ${checks(theirs.check)} |`,
    );
  }

  const compared = new Set(CASES.map((c) => c.id));
  console.log("\n| group | bench | best (ms) | lowest mean (ms) |");
  console.log("| --- | --- | ---: | ---: |");
  for (const b of denoRuns[0].benches) {
    if (compared.has(b.name)) continue;
    const all = denoRuns.map((r) =>
      r.benches.find((x) => x.name === b.name && x.group === b.group)?.results[0]?.ok
    ).filter((s): s is BenchStats => s !== undefined);
    console.log(
      `| ${b.group ?? ""} | ${b.name} | ${fmt(ms(bestOver(all.map((s) => s.min))))} | ${
        fmt(ms(bestOver(all.map((s) => s.avg))))
      } |`,
    );
  }
}

if (import.meta.main) await main();
