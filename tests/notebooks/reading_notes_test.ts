/**
 * Every notebook's 阅读笔记 (Reading notes) names the part of the study notes it covers
 * (../shared/seed/000_69594be05b29f8ca.txt, linked by tools/link_reading_notes.py): a cited
 * 「heading」（第 a–b 行） must be the heading on line a of the notes, when the notes are present.
 */
import { assert, assertEquals } from "@std/assert";

const NOTES_NAME = "000_69594be05b29f8ca.txt";
const notesUrl = new URL(`../../../shared/seed/${NOTES_NAME}`, import.meta.url);
const notebooksUrl = new URL("../../notebooks/", import.meta.url);

function markdown(name: string): string {
  const nb = JSON.parse(Deno.readTextFileSync(new URL(name, notebooksUrl)));
  return nb.cells
    .filter((c: { cell_type: string }) => c.cell_type === "markdown")
    .map((c: { source: string[] | string }) =>
      Array.isArray(c.source) ? c.source.join("") : c.source
    )
    .join("\n\n");
}

const notebooks = [...Deno.readDirSync(notebooksUrl)]
  .map((e) => e.name)
  .filter((n) => n.endsWith(".ipynb"))
  .sort();

/** The notebooks of the first waves, which tools/link_reading_notes.py links with line numbers. */
const LINKED = [
  "00_roadmap",
  "10_calculus",
  "11_autodiff",
  "12_probability",
  "13_information_theory",
  "14_metrics",
  "20_linear_regression",
  "21_softmax_regression",
  "22_mlp",
  "30_perceptron",
  "31_knn",
  "32_naive_bayes",
  "33_decision_tree",
  "34_logistic_maxent",
];

Deno.test("reading notes: the first chapters link the study notes with line numbers", () => {
  for (const name of LINKED) {
    const text = markdown(`${name}.ipynb`);
    assert(text.includes("## 阅读笔记"), `${name} has no 阅读笔记 section`);
    assert(text.includes(`(../../shared/seed/${NOTES_NAME})`), `${name} does not link the notes`);
    assert(/「[^」]+」（第 \d+–\d+ 行）/.test(text), `${name} cites no part of the notes`);
  }
});

Deno.test("reading notes: every 阅读笔记 section names the study notes", () => {
  for (const name of notebooks) {
    const text = markdown(name);
    const at = text.indexOf("## 阅读笔记");
    if (at < 0) continue;
    const section = text.slice(at, text.indexOf("\n## ", at + 1) >>> 0);
    assert(
      section.includes("学习笔记"),
      `${name}: its 阅读笔记 does not say which notes it follows`,
    );
  }
});

Deno.test("reading notes: each cited heading is on the cited line of the notes", () => {
  let lines: string[];
  try {
    lines = Deno.readTextFileSync(notesUrl).split("\n");
  } catch {
    console.log(`the study notes are not at ${notesUrl.pathname}: line numbers not checked`);
    return;
  }
  let checked = 0;
  for (const name of notebooks) {
    for (const m of markdown(name).matchAll(/「([^」]+)」（第 (\d+)–(\d+) 行）/g)) {
      const [, title, a, b] = m;
      const heading = lines[Number(a) - 1].replace(/^#+\s*/, "").trim();
      assertEquals(heading, title.trim(), `${name}: line ${a} of the notes`);
      assert(Number(b) >= Number(a) && Number(b) <= lines.length, `${name}: lines ${a}–${b}`);
      checked++;
    }
  }
  assert(checked >= LINKED.length, `only ${checked} citations`);
});
