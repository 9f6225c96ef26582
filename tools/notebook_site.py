"""Render executed notebooks as static HTML pages and the site's index page.

Pages use nbconvert's `lab` template without require.js: none of our outputs needs it, and a
CDN script tag that cannot load must not hold up the page. Plots are `text/html` outputs that
inline plotly.min.js, so they draw offline. MathJax keeps the exporter's own URL (a local file
with Debian's nbconvert, a CDN elsewhere): without it formulas show as TeX source, still legible.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Optional

from jinja2 import DictLoader
from nbconvert import HTMLExporter

TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
"""


def make_exporter() -> HTMLExporter:
    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"mlnotes.html.j2": TEMPLATE})],
        template_file="mlnotes.html.j2",
    )


def notebook_title(nb) -> Optional[str]:
    """Text of the first markdown `# ` heading, the notebook's own title."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return None


def write_page(exporter: HTMLExporter, nb, name: str, out_dir: Path) -> Path:
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    page = out_dir / f"{name}.html"
    page.write_text(body, encoding="utf-8")
    return page


STATUSES = ("ok", "failed", "not run")

INDEX_STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 60em;
       padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35em 0.7em; border-bottom: 1px solid #ddd; }
td.time { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #17803d; } .failed { color: #b3261e; font-weight: bold; } .not-run { color: #777; }
.detail { color: #555; font-size: 0.9em; }
"""


def write_index(out_dir: Path, entries: list[dict]) -> None:
    """Write index.json (for tools and tests) and index.html (for readers), in study order."""
    (out_dir / "index.json").write_text(
        json.dumps({"notebooks": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    rows = []
    for number, entry in enumerate(entries, start=1):
        name = html.escape(entry["name"])
        title = html.escape(entry.get("title") or "")
        status = entry["status"]
        css = status.replace(" ", "-")
        link = f'<a href="{name}.html">{name}</a>' if status != "not run" else name
        source = f' · <a href="notebooks/{name}.ipynb">ipynb</a>' if status != "not run" else ""
        detail = html.escape(entry.get("failure") or "")
        seconds = f'{entry["seconds"]:.1f} s' if status != "not run" else ""
        rows.append(
            f"<tr><td>{number}</td><td>{link}{source}<div class='detail'>{title}</div></td>"
            f"<td class='{css}'>{status}<div class='detail'>{detail}</div></td>"
            f"<td class='time'>{seconds}</td></tr>"
        )
    counts = {status: sum(e["status"] == status for e in entries) for status in STATUSES}
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    total = sum(e["seconds"] for e in entries if e["status"] != "not run")
    summary = html.escape(f"{summary}; {total:.0f} s in all.")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>mlnotes notebooks</title>
<style>{INDEX_STYLE}</style>
</head>
<body>
<h1>mlnotes notebooks</h1>
<p>In study order. Each page is the notebook executed top to bottom on the Deno kernel.
{summary}</p>
<p>The library's <a id="api-reference" href="api/index.html">API reference</a>
(<code>deno doc</code> of <code>lib/mod.ts</code>): every class and function the notebooks
import, with its formulas, options and a runnable example.</p>
<table id="notebooks">
<thead><tr><th>#</th><th>notebook</th><th>status</th><th>time</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
    (out_dir / "index.html").write_text(page, encoding="utf-8")


def read_previous_index(out_dir: Path) -> dict[str, dict]:
    """Entries of an earlier run in `out_dir`, by name, so `--only` runs keep the others."""
    try:
        data = json.loads((out_dir / "index.json").read_text(encoding="utf-8"))
        return {entry["name"]: entry for entry in data["notebooks"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
