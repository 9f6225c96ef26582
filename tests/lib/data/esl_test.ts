import { assert, assertAlmostEquals, assertEquals, assertRejects, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { loadProstate, loadSAHeart, parseProstate, parseSAHeart } from "../../../lib/data/mod.ts";

// The read-only shared copy (../shared/data/esl/ beside the repository) that loaders find first.
const SHARED = new URL("../../../../shared/data/esl/", import.meta.url);

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

Deno.test("loadProstate: 97 men, 67 training rows, ESL Table 3.1 correlations", async () => {
  const data = await loadProstate();
  assertEquals(data.X.length, 97);
  assertEquals(data.featureNames, [
    "lcavol",
    "lweight",
    "age",
    "lbph",
    "svi",
    "lcp",
    "gleason",
    "pgg45",
  ]);
  assertEquals(data.train.filter(Boolean).length, 67);
  assertEquals(data.ids, Array.from({ length: 97 }, (_, i) => i + 1));
  assertEquals(data.X[0], [-0.579818495, 2.769459, 50, -1.38629436, 0, -1.38629436, 6, 0]);
  assertEquals(data.y[0], -0.4307829);
  // ESL Table 3.1: correlations of predictors in the prostate training data (3 decimals).
  const table31: [string, string, number][] = [
    ["lweight", "lcavol", 0.300],
    ["age", "lweight", 0.317],
    ["lbph", "lweight", 0.437],
    ["svi", "lcavol", 0.593],
    ["lcp", "lcavol", 0.692],
    ["lcp", "svi", 0.671],
    ["svi", "lbph", -0.139],
    ["pgg45", "gleason", 0.757],
    ["gleason", "lweight", 0.024],
  ];
  const column = (name: string) => {
    const j = data.featureNames.indexOf(name);
    return data.X.filter((_, i) => data.train[i]).map((row) => row[j]);
  };
  for (const [a, b, r] of table31) {
    assertAlmostEquals(pearson(column(a), column(b)), r, 5e-4, `corr(${a}, ${b})`);
  }
});

Deno.test("loadSAHeart: 462 men, 160 CHD cases, famhist coded 1 = Present", async () => {
  const data = await loadSAHeart();
  assertEquals(data.X.length, 462);
  assertEquals(data.featureNames.length, 9);
  assertEquals(data.targetNames, ["no chd", "chd"]);
  assertEquals(data.y.filter((v) => v === 1).length, 160);
  assertEquals(data.X[0], [160, 12, 5.73, 23.11, 1, 49, 25.3, 97.2, 52]);
  assertEquals(data.ids[0], 1);
  const famhist = data.featureNames.indexOf("famhist");
  assert(data.X.every((row) => row[famhist] === 0 || row[famhist] === 1));
});

Deno.test("an explicit cacheDir is the only place searched", async () => {
  const fromShared = await loadProstate({ cacheDir: SHARED, download: false });
  assertEquals(fromShared.X.length, 97);
  const empty = await Deno.makeTempDir();
  try {
    await assertRejects(
      () => loadProstate({ cacheDir: empty, download: false }),
      ValueError,
      `prostate.data is not in ${empty} and 'download' is false. Download https://hastie.su.domains`,
    );
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

// Small files in the book website's own format: T/F training flags, Present/Absent family history.
const PROSTATE_SITE = "\tlcavol\tlweight\tage\tlbph\tsvi\tlcp\tgleason\tpgg45\tlpsa\ttrain\n" +
  "1\t-0.5\t2.7\t50\t-1.3\t0\t-1.3\t6\t  0\t-0.4\tT\n" +
  "2\t 1.5\t3.1\t64\t 0.2\t1\t 0.4\t7\t 20\t 2.5\tF\n";
const SAHEART_SITE = "row.names,sbp,tobacco,ldl,adiposity,famhist,typea,obesity,alcohol,age,chd\n" +
  "1,160,12,5.73,23.11,Present,49,25.3,97.2,52,1\n" +
  "2,144,0.01,4.41,28.61,Absent,55,28.87,2.06,63,0\n";

/** Serves `files` under /datasets/ on 127.0.0.1, counting requests per path. */
function serve(files: Record<string, string>) {
  const hits: Record<string, number> = {};
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const path = new URL(request.url).pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    const name = path.replace(/^\/datasets\//, "");
    return name in files
      ? new Response(files[name])
      : new Response("not here", { status: 404, statusText: "Not Found" });
  });
  const baseUrl = `http://127.0.0.1:${server.addr.port}/datasets/`;
  return { server, hits, baseUrl };
}

Deno.test("the downloader fetches once into the cache, then reads the cached copy", async () => {
  const { server, hits, baseUrl } = serve({
    "prostate.data": PROSTATE_SITE,
    "SAheart.data": SAHEART_SITE,
  });
  const cacheDir = `${await Deno.makeTempDir()}/nested/esl`; // created on demand
  try {
    const prostate = await loadProstate({ cacheDir, baseUrl });
    assertEquals(prostate.X, [[-0.5, 2.7, 50, -1.3, 0, -1.3, 6, 0], [
      1.5,
      3.1,
      64,
      0.2,
      1,
      0.4,
      7,
      20,
    ]]);
    assertEquals(prostate.y, [-0.4, 2.5]);
    assertEquals(prostate.train, [true, false]);
    assertEquals(await Deno.readTextFile(`${cacheDir}/prostate.data`), PROSTATE_SITE);
    await loadProstate({ cacheDir, baseUrl });
    assertEquals(hits["/datasets/prostate.data"], 1);

    const heart = await loadSAHeart({ cacheDir, baseUrl });
    assertEquals(heart.X.map((row) => row[4]), [1, 0]);
    assertEquals(heart.y, [1, 0]);
    assertEquals(hits["/datasets/SAheart.data"], 1);
    // No temporary files are left behind.
    const names = [];
    for await (const entry of Deno.readDir(cacheDir)) names.push(entry.name);
    assertEquals(names.sort(), ["SAheart.data", "prostate.data"]);
  } finally {
    await server.shutdown();
    await Deno.remove(cacheDir.replace(/\/nested\/esl$/, ""), { recursive: true });
  }
});

Deno.test("the downloader reports HTTP errors and refuses to cache an invalid file", async () => {
  const { server, baseUrl } = serve({ "SAheart.data": "<html>moved</html>\n" });
  const cacheDir = await Deno.makeTempDir();
  try {
    await assertRejects(
      () => loadProstate({ cacheDir, baseUrl }),
      ValueError,
      `Could not download ${baseUrl}prostate.data: HTTP 404 Not Found. Download ${baseUrl}` +
        `prostate.data yourself and save it as ${cacheDir}/prostate.data.`,
    );
    await assertRejects(
      () => loadSAHeart({ cacheDir, baseUrl }),
      ValueError,
      `The file downloaded from ${baseUrl}SAheart.data is not a valid SAheart.data, so it was ` +
        `not cached: ${baseUrl}SAheart.data has no column "sbp"`,
    );
    assertEquals([...Deno.readDirSync(cacheDir)], []);
  } finally {
    await server.shutdown();
    await Deno.remove(cacheDir, { recursive: true });
  }
});

Deno.test("the downloader reports a refused connection with the manual route", async () => {
  const { server, baseUrl } = serve({});
  await server.shutdown(); // nothing listens on that port any more
  const cacheDir = await Deno.makeTempDir();
  try {
    await assertRejects(
      () => loadProstate({ cacheDir, baseUrl }),
      ValueError,
      `Could not download ${baseUrl}prostate.data`,
    );
  } finally {
    await Deno.remove(cacheDir, { recursive: true });
  }
});

Deno.test("parseProstate and parseSAHeart name the line and column of a bad value", () => {
  assertThrows(
    () => parseProstate(PROSTATE_SITE.replace("\tF\n", "\tmaybe\n"), "p.data"),
    ValueError,
    'p.data line 3, column "train": expected one of T, TRUE, 1, F, FALSE, 0, got "maybe".',
  );
  assertThrows(
    () => parseProstate(PROSTATE_SITE.replace("64", "sixty"), "p.data"),
    ValueError,
    'p.data line 3, column "age": expected a number, got "sixty".',
  );
  assertThrows(
    () => parseSAHeart(SAHEART_SITE.replace("Absent", "Unknown")),
    ValueError,
    'SAheart.data line 3, column "famhist": expected one of Present, Absent, 1, 0',
  );
  assertThrows(
    () => parseSAHeart(SAHEART_SITE.replace(",1\n", ",2\n")),
    ValueError,
    'line 2, column "chd": expected one of 0, 1, got "2".',
  );
  assertThrows(
    () => parseSAHeart(SAHEART_SITE + "3,1,2\n"),
    ShapeError,
    "SAheart.data line 4 has 3 fields, but the header has 11.",
  );
});

Deno.test("the website format and the 0/1-coded shared copy parse to the same numbers", async () => {
  const shared = await Deno.readTextFile(new URL("SAheart.data", SHARED));
  const siteStyle = shared.replace(
    /^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)([01]),/gm,
    (_, head, code) => `${head}${code === "1" ? "Present" : "Absent"},`,
  );
  assert(siteStyle.includes("Present") && siteStyle.includes("Absent"));
  assertEquals(parseSAHeart(siteStyle), parseSAHeart(shared));
});
