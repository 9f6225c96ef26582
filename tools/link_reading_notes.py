#!/usr/bin/python3
"""Links each notebook's 阅读笔记 (Reading notes) section to the part of the study notes it covers
(../shared/seed/000_69594be05b29f8ca.txt, relative to the repository: the outline this project
follows). Idempotent: a notebook that already links the notes is left alone; a notebook without a
阅读笔记 section gets one (a markdown cell placed before its first `##` section, or where the
outline puts it). Outputs stay empty.

The line ranges are computed from the notes' headings, so re-running after the notes change
updates nothing already linked; tests/notebooks/reading_notes_test.ts checks the cited headings
sit at the cited lines.

    python3 tools/link_reading_notes.py
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTES_NAME = "000_69594be05b29f8ca.txt"
NOTES = ROOT.parent / "shared" / "seed" / NOTES_NAME
LINK = f"../../shared/seed/{NOTES_NAME}"  # from notebooks/

# notebook -> [(start heading, end heading (exclusive) or None = next heading of same level)], text
MAP = {
    "00_roadmap": ([("## 目录参考", "## 参考资料"), ("## 核心", "## 方法")],
                   "笔记的目录（理解时间、背景介绍、参考资料、核心思考问题、入门概念、阅读笔记……）就是本 notebook 的骨架；"
                   "「核心 › 从0实现」列出的三条路线（李航、ESL、d2l）对应第 2–6 章。每章的「阅读笔记」一节都链接到笔记中它覆盖的部分。"),
    "10_calculus": ([("## 微积分", "## 概率")],
                    "笔记按极限、偏导数、矩阵求导、梯度、链式法则、自动微分、仿射函数、损失函数排列，并问「梯度怎么算，损失函数怎么推导出来的」；"
                    "本章逐条实现，并在每一节用数值梯度 (numeric gradient) 核对解析梯度 (analytic gradient)。"),
    "11_autodiff": ([("### 链式法则", "### 仿射函数 affine function")],
                    "反向模式自动微分 (reverse-mode autodiff) 就是在计算图上按拓扑逆序应用链式法则：本章用 micrograd 式的 `Value` 和张量层 `Tensor` 实现，并逐个算子与 tfjs 核对。"),
    "12_probability": ([("## 概率", "## 信息论 information theory")],
                       "笔记列出抽样、分布、随机变量、高斯分布、gamma 分布；本章给每个分布的采样、密度 (pdf/pmf)、累积分布 (cdf)，并与 SciPy 核对。"),
    "13_information_theory": ([("## 信息论 information theory", "## xxx")],
                              "笔记在「信息论」下只列了「熵」；本章从熵出发，写出交叉熵、KL 散度、JS 散度、条件熵与互信息——它们是后面分类损失和决策树划分准则的基础。"),
    "14_metrics": ([("## 评估指标", "## 微积分")],
                   "笔记对每个指标写 code、math、gradient 三段（mse、rmse）；本章对每个指标给出公式与 `lib/metrics` 的实现，并与 scikit-learn 核对。"),
    "20_linear_regression": ([("### LR - 单输出的线性模型", "### Softmax regression 多输出的线性模型")],
                             "笔记的五段式（模型公式 · 模型目标 · 损失函数 · 模型更新参数 · 模型画图）就是本章的结构。"),
    "21_softmax_regression": ([("### Softmax regression 多输出的线性模型", "## 非线性模型")],
                              "笔记的五段式（模型公式 · 模型目标 · 损失函数 · 模型更新参数 · 模型画图）就是本章的结构：softmax 把线性模型的多个输出变成类别概率，损失是交叉熵。"),
    "22_mlp": ([("### MLP", "## 树模型")],
               "笔记的五段式（模型公式 · 模型目标 · 损失函数 · 模型更新参数 · 模型画图）就是本章的结构：在线性模型之间加入非线性激活，用反向传播更新参数。"),
    "30_perceptron": ([("## 核心", "## 方法"), ("## xxx", None)],
                      "「核心 › 从0实现 › 李航统计机器学习书本算法实现」的第 2 章；写法按笔记末尾的模型模板（模型公式 · 模型目标 · 损失函数 · 模型更新参数 · 模型画图）。"),
    "31_knn": ([("## 核心", "## 方法"), ("## xxx", None)],
               "「核心 › 从0实现」中的 knn 一条与李航第 3 章；写法按笔记末尾的模型模板（模型公式 · 模型目标 · 损失函数 · 模型更新参数 · 模型画图）。"),
    "32_naive_bayes": ([("## 核心", "## 方法"), ("## xxx", None)],
                       "「核心 › 从0实现 › 李航统计机器学习书本算法实现」的第 4 章；写法按笔记末尾的模型模板。"),
    "33_decision_tree": ([("## 核心", "## 方法"), ("## 树模型", "## 评估指标"), ("## xxx", None)],
                         "「核心 › 从0实现 › 李航统计机器学习书本算法实现」的第 5 章，也是「树模型」一节（gbdt、rf、xgboost、lightgbm）的基础：它们的每棵树都是这里的 CART。"),
    "34_logistic_maxent": ([("## 核心", "## 方法"), ("### LR - 单输出的线性模型", "### Softmax regression 多输出的线性模型")],
                           "「核心 › 从0实现 › 李航统计机器学习书本算法实现」的第 6 章；逻辑斯谛回归就是「线性模型 › LR」加 sigmoid、用极大似然（交叉熵）训练。"),
}

# Where a new 阅读笔记 cell goes when a notebook has none: before this `##` heading (else the first).
INSERT_BEFORE = {"00_roadmap": "## 如何运行与测试"}


def heading_lines(lines):
    return {l.rstrip(): i + 1 for i, l in enumerate(lines) if l.startswith("#")}


def span(lines, start, end):
    heads = heading_lines(lines)
    if start.rstrip() not in heads:
        sys.exit(f"heading {start!r} not in the notes")
    a = heads[start.rstrip()]
    if end is None:
        b = len(lines)
    else:
        if end.rstrip() not in heads:
            sys.exit(f"heading {end!r} not in the notes")
        b = heads[end.rstrip()] - 1
    while b > a and not lines[b - 1].strip():
        b -= 1
    return a, b


def title(h):
    return h.lstrip("#").strip()


def link_text(lines, spans):
    parts = []
    for start, end in spans:
        a, b = span(lines, start, end)
        parts.append(f"「{title(start)}」（第 {a}–{b} 行）")
    return (f"对应学习笔记 [《机器学习算法》]({LINK}) 中" + "、".join(parts) + "。")


def set_source(cell, text):
    rows = text.split("\n")
    cell["source"] = [r + "\n" for r in rows[:-1]] + ([rows[-1]] if rows[-1] else [])


def main():
    lines = NOTES.read_text(encoding="utf-8").split("\n")
    for name, (spans, note) in MAP.items():
        path = ROOT / "notebooks" / f"{name}.ipynb"
        nb = json.loads(path.read_text(encoding="utf-8"))
        text = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        if NOTES_NAME in text:
            print(f"{name}: already linked")
            continue
        paragraph = link_text(lines, spans) + note
        cell = next((c for c in nb["cells"] if c["cell_type"] == "markdown"
                     and "## 阅读笔记" in "".join(c["source"])), None)
        if cell is not None:
            src = "".join(cell["source"])
            head_end = src.index("\n", src.index("## 阅读笔记")) if "\n" in src else len(src)
            set_source(cell, src[:head_end] + "\n\n" + paragraph + src[head_end:])
        else:
            new = {"cell_type": "markdown", "id": "reading-notes", "metadata": {},
                   "source": []}
            set_source(new, "## 阅读笔记 (Reading notes)\n\n" + paragraph)
            before = INSERT_BEFORE.get(name)
            at = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown" and any(
                l.startswith(before or "## ") for l in "".join(c["source"]).split("\n")))
            nb["cells"].insert(at, new)
        for c in nb["cells"]:
            if c["cell_type"] == "code":
                c["outputs"], c["execution_count"] = [], None
        path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: linked")


main()
