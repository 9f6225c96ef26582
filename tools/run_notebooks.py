"""Execute the notebooks in study order on the Deno kernel and render the site.

    /usr/bin/python3 tools/run_notebooks.py [--only SUBSTRING]... [--timeout SECONDS]

(`deno task notebooks` runs this with the Python that has Jupyter.) For every
notebooks/*.ipynb, in sorted order: run it top to bottom with the kernel's working directory
in notebooks/, write the executed copy to site/notebooks/ and an HTML page to site/, then
site/index.html (and index.json) with each notebook's status and time. Prints a summary and
exits 1 when any notebook failed (an error output or a failed execute reply), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_client import NotebookResult, execute_notebook  # noqa: E402
from notebook_site import (  # noqa: E402
    make_exporter,
    notebook_title,
    read_previous_index,
    write_index,
    write_page,
)

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SUBSTRING",
        help="run only notebooks whose name contains SUBSTRING (repeatable)",
    )
    parser.add_argument(
        "--timeout", type=int, default=600, metavar="SECONDS", help="per-cell time limit (600)"
    )
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=REPO / "notebooks",
        metavar="DIR",
        help="folder of the notebooks, also the kernel's working directory (notebooks/)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "site", metavar="DIR", help="site folder (site/)"
    )
    parser.add_argument(
        "--quiet-period",
        type=float,
        default=0.3,
        metavar="SECONDS",
        help="after a cell's idle status, wait this long without output before the next (0.3)",
    )
    parser.add_argument("--verbose", action="store_true", help="print a line for every cell")
    return parser.parse_args(argv)


class Progress:
    """Per-cell progress: a live line on a terminal, one line per cell with --verbose."""

    def __init__(self, verbose: bool):
        self.live = sys.stdout.isatty() and not verbose
        self.verbose = verbose

    def cell(self, done: int, total: int, seconds: float) -> None:
        if self.verbose:
            print(f"    cell {done}/{total} done ({seconds:.1f} s)", flush=True)
        elif self.live:
            print(f"\r    {done}/{total} code cells done", end="", flush=True)

    def clear(self) -> None:
        if self.live:
            print("\r\x1b[K", end="", flush=True)


def describe(result: NotebookResult) -> str:
    if result.status == "ok":
        return f"ok ({result.code_cells} code cells, {result.seconds:.1f} s)"
    return f"FAILED after {result.seconds:.1f} s at {result.failure.describe()}"


def print_summary(results: list[NotebookResult]) -> None:
    width = max([len(r.name) for r in results] + [8])
    print()
    print(f"{'notebook':<{width}}  {'status':<6}  {'cells':>5}  {'time':>8}")
    for r in results:
        cells = f"{r.executed_cells}/{r.code_cells}"
        line = f"{r.name:<{width}}  {r.status:<6}  {cells:>5}  {r.seconds:>6.1f} s"
        if r.failure:
            line += f"  {r.failure.describe()}"
        print(line)
    failed = sum(r.status != "ok" for r in results)
    total = sum(r.seconds for r in results)
    print(f"{len(results) - failed} ok, {failed} failed, {total:.1f} s", flush=True)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    os.environ["NO_COLOR"] = "1"  # the kernelspec sets it too; no ANSI codes in outputs
    # A notebook run top to bottom needs plotly.js inlined only in its first figure, and the
    # site pages then weigh a few MB instead of 1.8 MB per figure (lib/plot/plotly_source.ts).
    os.environ.setdefault("MLNOTES_PLOTLY_JS", "once")
    all_notebooks = sorted(args.notebooks.glob("*.ipynb"))
    selected = [
        p for p in all_notebooks if not args.only or any(s in p.stem for s in args.only)
    ]
    if not selected:
        where = f" matching {args.only}" if args.only else ""
        print(f"run_notebooks: no notebooks{where} in {args.notebooks}", file=sys.stderr)
        return 2
    (args.out / "notebooks").mkdir(parents=True, exist_ok=True)
    previous = read_previous_index(args.out)
    exporter = make_exporter()
    progress = Progress(args.verbose)
    results: list[NotebookResult] = []
    entries: dict[str, dict] = {}

    for number, path in enumerate(selected, start=1):
        tag = f"[{number}/{len(selected)}] {path.stem}"
        print(f"{tag} ...", flush=True)
        result = asyncio.run(
            execute_notebook(
                path,
                cwd=path.parent.resolve(),
                timeout=args.timeout,
                quiet_period=args.quiet_period,
                on_cell=progress.cell,
            )
        )
        progress.clear()
        nbformat.write(result.executed, args.out / "notebooks" / f"{path.stem}.ipynb")
        write_page(exporter, result.executed, path.stem, args.out)
        print(f"{tag} {describe(result)}", flush=True)
        if args.verbose and result.late_messages:
            print(
                f"    {result.late_messages} messages came after their cell's idle status"
                f" (latest {result.latest_after_idle:.3f} s after), all kept",
                flush=True,
            )
        results.append(result)
        entries[path.stem] = {
            "name": path.stem,
            "title": notebook_title(result.executed),
            "status": result.status,
            "seconds": round(result.seconds, 2),
            "codeCells": result.code_cells,
            "executedCells": result.executed_cells,
            "failure": result.failure.describe() if result.failure else None,
            "failedCell": result.failure.cell if result.failure else None,
            "lateMessages": result.late_messages,
        }
        if result.interrupted:
            print("interrupted: stopping", flush=True)
            break

    index = []
    for path in all_notebooks:  # every notebook, in study order; earlier runs fill the gaps
        entry = entries.get(path.stem) or previous.get(path.stem)
        if entry is None or not (args.out / f"{path.stem}.html").exists():
            entry = {"name": path.stem, "title": None, "status": "not run", "seconds": 0}
        index.append(entry)
    write_index(args.out, index)
    print_summary(results)
    print(f"site: {(args.out / 'index.html').resolve()}", flush=True)
    if any(r.interrupted for r in results):
        return 130
    return 1 if any(r.status != "ok" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
