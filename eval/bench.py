"""End-to-end benchmark: index build, no-op update, ask latency, a cold `citeqa ask`, and LangChain.

    python -m eval.bench [--docs 5000] [--questions 200] [--out FILE.json] [--skip-langchain]

Two corpora: the shipped corpus (copied to a temporary folder) and a synthetic corpus of --docs
documents (eval/synthetic.py). Every measured step is its own process (eval/bench_step.py), so
each peak memory figure (max RSS, from wait4) belongs to that step alone. Prints a Markdown table
with the date and the machine, and writes the raw figures to --out as JSON.

Figures are only worth comparing when taken on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from eval.bench_common import ROOT, last_json_line, machine_info, machine_lines, markdown_table, run_measured
from eval.synthetic import write_synthetic_corpus

SHIPPED_CORPUS = ROOT / "corpus"
SHIPPED_QUESTIONS = ROOT / "eval" / "questions.jsonl"
CITEQA = Path(sys.executable).with_name("citeqa")

NOTES = [
    "citeqa's build also splits and embeds every sentence (for quoting), besides the chunks; "
    "LangChain embeds 1,000-character chunks only.",
    "citeqa's ask is hybrid retrieval (dense + BM25) plus answer composition (sentence scoring, "
    "quotes, citations, abstention); LangChain's query is one dense similarity_search(k=5).",
    "Build seconds include loading the model in both; cold ask is a whole `citeqa ask` process "
    "(interpreter, imports, model and index loading, answer).",
]

# (label, step, figure or figures, format): one table row each; a missing step or figure prints "-".
ROWS = [
    ("citeqa full build: seconds", "build", "seconds", "{:.1f}"),
    ("citeqa full build: documents / chunks", "build", ("n_documents", "n_chunks"), "{:,} / {:,}"),
    ("citeqa full build: sentences embedded", "build", "sentences_embedded", "{:,}"),
    ("citeqa full build: chunks / s", "build", "chunks_per_second", "{:.1f}"),
    ("citeqa full build: chunk tokens / s", "build", "tokens_per_second", "{:,.0f}"),
    ("citeqa full build: peak memory MB", "build", "peak_rss_mb", "{:,.0f}"),
    ("citeqa no-op update: seconds", "update", "seconds", "{:.2f}"),
    ("citeqa no-op update: peak memory MB", "update", "peak_rss_mb", "{:,.0f}"),
    ("citeqa ask in process: p50 ms", "ask", "p50_ms", "{:.1f}"),
    ("citeqa ask in process: p95 ms", "ask", "p95_ms", "{:.1f}"),
    ("citeqa ask in process: cited the source doc", "ask", "cited_the_source", "{:.0%}"),
    ("citeqa ask in process: peak memory MB", "ask", "peak_rss_mb", "{:,.0f}"),
    ("cold `citeqa ask` process: seconds (median)", "cold_ask", "seconds", "{:.2f}"),
    ("cold `citeqa ask` process: peak memory MB", "cold_ask", "peak_rss_mb", "{:,.0f}"),
    ("LangChain build: seconds", "langchain", "seconds", "{:.1f}"),
    ("LangChain build: documents / chunks", "langchain", ("n_documents", "n_chunks"), "{:,} / {:,}"),
    ("LangChain build: chunks / s", "langchain", "chunks_per_second", "{:.1f}"),
    ("LangChain query: p50 ms", "langchain", "p50_ms", "{:.1f}"),
    ("LangChain query: p95 ms", "langchain", "p95_ms", "{:.1f}"),
    ("LangChain build + queries: peak memory MB", "langchain", "peak_rss_mb", "{:,.0f}"),
    ("ratio citeqa / LangChain: build seconds", "ratios", "build_seconds", "{:.2f}"),
    ("ratio citeqa / LangChain: query p50", "ratios", "query_p50", "{:.2f}"),
    ("ratio citeqa / LangChain: query p95", "ratios", "query_p95", "{:.2f}"),
]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every measured process: no stray CITEQA_* settings, models offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    return env | {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"} | extra


def sample(questions: list[dict], m: int) -> list[dict]:
    """m questions spread evenly over the list (repeating when m is larger than the list)."""
    return [questions[(i * len(questions)) // m] for i in range(m)]


def shipped_questions() -> list[dict]:
    rows = [json.loads(line) for line in SHIPPED_QUESTIONS.read_text().splitlines() if line.strip()]
    return [{"question": r["question"], "doc_ids": r["relevant"]} for r in rows]


def run_step(step: str, corpus: Path, index: Path, questions: Path) -> dict:
    print(f"bench: {corpus.parent.name}: {step}", file=sys.stderr, flush=True)
    cmd = [sys.executable, "-m", "eval.bench_step", step, "--corpus", str(corpus), "--index", str(index),
           "--questions", str(questions)]
    run = run_measured(cmd, child_env())
    return last_json_line(run.stdout) | {"process_seconds": run.seconds, "peak_rss_mb": run.peak_rss_mb}


def cold_ask(corpus: Path, index: Path, question: str, runs: int) -> dict:
    """`citeqa ask` as a user runs it, start to answer, `runs` times: the median and the largest peak."""
    print(f"bench: {corpus.parent.name}: cold ask x{runs}", file=sys.stderr, flush=True)
    env = child_env(CITEQA_CORPUS=str(corpus), CITEQA_INDEX=str(index))
    measured = [run_measured([str(CITEQA), "ask", question], env) for _ in range(runs)]
    return {"seconds": statistics.median(m.seconds for m in measured), "runs": [m.seconds for m in measured],
            "peak_rss_mb": max(m.peak_rss_mb for m in measured)}


def bench_corpus(root: Path, questions: list[dict], args: argparse.Namespace) -> dict:
    """Every step on the corpus in root/corpus, in order: build, no-op update, ask, cold ask, LangChain."""
    corpus, index, qfile = root / "corpus", root / "index", root / "questions.json"
    qfile.write_text(json.dumps(sample(questions, args.questions)))
    out = {step: run_step(step, corpus, index, qfile) for step in ("build", "update", "ask")}
    out["cold_ask"] = cold_ask(corpus, index, questions[0]["question"], args.cold_runs)
    if not args.skip_langchain:
        lc = out["langchain"] = run_step("langchain", corpus, index, qfile)  # the index is not used
        out["ratios"] = {"build_seconds": out["build"]["seconds"] / lc["seconds"],
                         "query_p50": out["ask"]["p50_ms"] / lc["p50_ms"],
                         "query_p95": out["ask"]["p95_ms"] / lc["p95_ms"]}
    return out


def report(results: dict, info: dict) -> str:
    def cell(figures: dict, keys: tuple[str, ...], fmt: str) -> str | None:
        values = [figures.get(k) for k in keys]
        return None if None in values else fmt.format(*values)

    names = list(results)
    rows = []
    for label, step, figure, fmt in ROWS:
        keys = figure if isinstance(figure, tuple) else (figure,)
        cells = [cell(results[n].get(step, {}), keys, fmt) for n in names]
        if any(c is not None for c in cells):
            rows.append([label, *("-" if c is None else c for c in cells)])
    return "\n".join([
        "## citeqa benchmark", "", *machine_lines(info), "",
        markdown_table(["measure", *names], rows), "", *(f"- {note}" for note in NOTES),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents in the synthetic corpus")
    parser.add_argument("--questions", type=int, default=200, help="questions timed per corpus")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold `citeqa ask` processes per corpus")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    parser.add_argument("--out", type=Path, help="write the raw figures here as JSON")
    parser.add_argument("--skip-langchain", action="store_true", help="leave out the LangChain comparison")
    args = parser.parse_args(argv)
    info = machine_info()

    results = {}
    with tempfile.TemporaryDirectory(prefix="citeqa-bench-") as tmp:
        shipped = Path(tmp) / "shipped"
        shutil.copytree(SHIPPED_CORPUS, shipped / "corpus")
        results["shipped corpus"] = bench_corpus(shipped, shipped_questions(), args)

        synthetic = Path(tmp) / "synthetic"
        generated = write_synthetic_corpus(synthetic / "corpus", args.docs, args.seed)
        questions = [{"question": q.question, "doc_ids": [q.doc_id]} for q in generated]
        results[f"synthetic {args.docs:,} docs"] = bench_corpus(synthetic, questions, args)

    print(report(results, info))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"machine": info, "args": {k: str(v) for k, v in vars(args).items()},
                                        "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
