"""How a result is shown: a metrics table (modes side by side), a Markdown report, a bar chart.

The text and Markdown tables come from the same rows, metrics down and modes across, so the
modes of `--mode all` are compared along a line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.metrics import METRIC_KEYS, SQUAD_KEYS, SQUAD_PERCENT_KEYS
from eval.result import EvalResult

CHART_METRICS = ("hit@1", "hit@5", "recall@100", "mrr@10", "ndcg@10", "answer@3", "answer_quoted",
                 "abstention_accuracy")
MAX_FAILURES_SHOWN = 50  # per mode; a BEIR run can fail on hundreds of queries
SNIPPET_CHARS = 160
KIND_NAMES = {"beir": "BEIR folder", "squad": "SQuAD file", "questions": "questions"}


def format_value(key: str, value: float | int | None) -> str:
    if value is None:
        return "n/a"
    if key == "n_questions":
        return str(value)
    if key in SQUAD_PERCENT_KEYS:
        return f"{value:.2f}"
    return f"{value:.1f}" if key.endswith("_ms") else f"{value:.4f}"


def table_rows(result: EvalResult) -> list[list[str]]:
    """Header row then one row a metric: [metric, value in mode 1, value in mode 2, ...]."""
    modes = list(result.metrics)
    keys = [*METRIC_KEYS, *(k for k in SQUAD_KEYS if k in result.metrics[modes[0]])]
    return [["metric", *modes]] + [
        [key, *(format_value(key, result.metrics[mode][key]) for mode in modes)] for key in keys
    ]


def format_table(result: EvalResult) -> str:
    rows = table_rows(result)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
        for row in rows
    )


def markdown_table(result: EvalResult) -> str:
    header, *body = table_rows(result)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" + "---:|" * (len(header) - 1)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


def markdown_report(result: EvalResult) -> str:
    run = result.run.to_json()
    lines = [
        "# citeqa evaluation", "",
        f"- {KIND_NAMES.get(run['kind'], run['kind'])}: `{run['source']}`",
        f"- index: `{run['index']}` ({'built or updated by this run' if run['index_updated'] else 'reused'})",
        f"- model: `{run['model']}`, k = {run['k']}, started {run['started']}, {run['seconds']} s in all",
        "", "## Metrics", "", markdown_table(result), "",
        "Ranking metrics (hit, recall, mrr, ndcg) are over answerable questions, scored on document rankings; "
        "answer@k over the top k passages; n/a where no question applies.",
    ]
    for mode in result.metrics:
        failed = result.failures(mode)
        lines += ["", f"## Failed questions: {mode} ({len(failed)} of {result.metrics[mode]['n_questions']})", ""]
        lines += [_failure_line(q) for q in failed[:MAX_FAILURES_SHOWN]] or ["None."]
        if len(failed) > MAX_FAILURES_SHOWN:
            lines.append(f"- … and {len(failed) - MAX_FAILURES_SHOWN} more (see result.json)")
    return "\n".join(lines) + "\n"


def _failure_line(q: dict[str, Any]) -> str:
    expected = f'"{q["expected_answer"]}" in ' if q["expected_answer"] else ""
    relevant = ", ".join(f"`{d}`" for d in q["relevant"]) or "nothing (unanswerable)"
    retrieved = ", ".join(f"`{d}`" for d in q["retrieved"]) or "nothing"
    line = (f"- **{q['id']}** {q['failure']}. {_md(q['question'])}  \n"
            f"  expected {expected}{relevant}; retrieved {retrieved}")
    if q["answer"] is not None:
        line += f"; answered{' (abstained)' if q['abstained'] else ''}: {_md(_snippet(q['answer']))}"
    if q.get("short_answer"):
        line += f"; short answer: {_md(q['short_answer'])}"
    return line


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def write_chart(result: EvalResult, path: Path) -> None:
    """Grouped bars: one group per main metric, one bar per mode (metrics that apply to no mode left out)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    modes = list(result.metrics)
    keys = [k for k in CHART_METRICS if any(result.metrics[m][k] is not None for m in modes)]
    width = 0.8 / max(len(modes), 1)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.1 * len(keys)), 4.0))
    for i, mode in enumerate(modes):
        values = [result.metrics[mode][k] or 0.0 for k in keys]
        ax.bar([x + (i - (len(modes) - 1) / 2) * width for x in range(len(keys))], values, width, label=mode)
    ax.set_xticks(range(len(keys)), keys, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title(f"citeqa eval: {Path(result.run.source).name} ({result.metrics[modes[0]]['n_questions']} questions)")
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_outputs(result: EvalResult, out: Path) -> list[Path]:
    """result.json (the --json object), report.md and chart.png in `out`, created if needed."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "result.json", out / "report.md", out / "chart.png"]
    paths[0].write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths[1].write_text(markdown_report(result), encoding="utf-8")
    write_chart(result, paths[2])
    return paths
