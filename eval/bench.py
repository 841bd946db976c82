"""End-to-end benchmark: index build, no-op update, ask latency, a cold `citeqa ask`, and LangChain.

    python -m eval.bench [--docs 5000] [--questions 200] [--embedders onnx-int8,torch] [--out FILE.json]
                         [--skip-langchain]

Two corpora: the shipped corpus (copied to a temporary folder) and a synthetic corpus of --docs
documents (eval/synthetic.py). On the shipped corpus follow-ups are timed too (eval/conversations.jsonl: each after the
questions it follows, asked first). Every measured step is its own process (eval/bench_step.py), so
each peak memory figure (max RSS, from wait4) belongs to that step alone. Prints a Markdown table
with the date and the machine, and writes the raw figures to --out as JSON.

The ONNX export (once per machine) is made first into a fresh cache and timed on its own row;
the steps after it reuse it, as every run after the first does. With several --embedders each
gets its own column (the same corpus, the same LangChain figures), so backends compare in one run.

Figures are only worth comparing when taken on an idle machine; the ratios to LangChain, taken in
the same run, are the ones to read on a busy one.
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

from citeqa.settings import EMBEDDERS, Settings
from eval.bench_common import ROOT, last_json_line, machine_info, machine_lines, markdown_table, run_measured
from eval.synthetic import write_synthetic_corpus

SHIPPED_CORPUS = ROOT / "corpus"
SHIPPED_QUESTIONS = ROOT / "eval" / "questions.jsonl"
SHIPPED_FOLLOW_UPS = ROOT / "eval" / "conversations.jsonl"
CITEQA = Path(sys.executable).with_name("citeqa")

NOTES = [
    "citeqa's build also splits every document into quote units and gives each a vector pooled from its "
    "chunk's pass (for quoting); "
    "LangChain embeds 1,000-character chunks only.",
    "citeqa's ask is hybrid retrieval (dense + BM25) plus answer composition (sentence scoring, "
    "quotes, citations, abstention); LangChain's query is one dense similarity_search(k=5).",
    "Build seconds include loading the model in both; cold ask is a whole `citeqa ask` process "
    "(interpreter, imports, model and index loading, answer); LangChain's cold query is a whole process "
    "that loads its saved FAISS store and the model and runs one similarity_search.",
]

# (label, step, figure or figures, format): one table row each; a missing step or figure prints "-".
ROWS = [
    ("ONNX export, once per machine: seconds", "export", "seconds", "{:.1f}"),
    ("citeqa full build: seconds", "build", "seconds", "{:.1f}"),
    ("citeqa full build: documents / chunks", "build", ("n_documents", "n_chunks"), "{:,} / {:,}"),
    ("citeqa full build: quote units given vectors", "build", "sentences_embedded", "{:,}"),
    ("citeqa full build: chunks / s", "build", "chunks_per_second", "{:.1f}"),
    ("citeqa full build: chunk tokens / s", "build", "tokens_per_second", "{:,.0f}"),
    ("citeqa full build: peak memory MB", "build", "peak_rss_mb", "{:,.0f}"),
    ("citeqa no-op update: seconds", "update", "seconds", "{:.2f}"),
    ("citeqa no-op update: peak memory MB", "update", "peak_rss_mb", "{:,.0f}"),
    ("citeqa ask in process: p50 ms", "ask", "p50_ms", "{:.1f}"),
    ("citeqa ask in process: p95 ms", "ask", "p95_ms", "{:.1f}"),
    ("citeqa ask in process: p50 ms by stage", "ask", "stages_p50_ms", "{}"),
    ("citeqa ask in process: cited the source doc", "ask", "cited_the_source", "{:.0%}"),
    ("citeqa ask in process: peak memory MB", "ask", "peak_rss_mb", "{:,.0f}"),
    ("citeqa follow-up in process: p50 ms", "follow_ups", "p50_ms", "{:.1f}"),
    ("citeqa follow-up in process: p95 ms", "follow_ups", "p95_ms", "{:.1f}"),
    ("citeqa follow-up in process: p50 ms by stage", "follow_ups", "stages_p50_ms", "{}"),
    ("cold `citeqa ask` process: seconds (median)", "cold_ask", "seconds", "{:.2f}"),
    ("cold `citeqa ask` process: peak memory MB", "cold_ask", "peak_rss_mb", "{:,.0f}"),
    ("LangChain build: seconds", "langchain", "seconds", "{:.1f}"),
    ("LangChain build: documents / chunks", "langchain", ("n_documents", "n_chunks"), "{:,} / {:,}"),
    ("LangChain build: chunks / s", "langchain", "chunks_per_second", "{:.1f}"),
    ("LangChain query: p50 ms", "langchain", "p50_ms", "{:.1f}"),
    ("LangChain query: p95 ms", "langchain", "p95_ms", "{:.1f}"),
    ("LangChain build + queries: peak memory MB", "langchain", "peak_rss_mb", "{:,.0f}"),
    ("cold LangChain query process: seconds (median)", "langchain_cold", "seconds", "{:.2f}"),
    ("ratio citeqa / LangChain: build seconds", "ratios", "build_seconds", "{:.2f}"),
    ("ratio citeqa / LangChain: build peak memory", "ratios", "build_peak_memory", "{:.2f}"),
    ("ratio citeqa / LangChain: query p50", "ratios", "query_p50", "{:.2f}"),
    ("ratio citeqa / LangChain: query p95", "ratios", "query_p95", "{:.2f}"),
    ("ratio citeqa / LangChain: cold query process", "ratios", "cold_query", "{:.2f}"),
]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every measured process: no stray CITEQA_* settings, models offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    return env | {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"} | extra


def sample(questions: list[dict], m: int) -> list[dict]:
    """m questions spread evenly over the list (repeating when m is larger than the list)."""
    return [questions[(i * len(questions)) // m] for i in range(m)]


def shipped_questions(file: Path = SHIPPED_QUESTIONS) -> list[dict]:
    """The questions of an eval file as the ask steps take them (a follow-up keeps the questions asked before it)."""
    rows = [json.loads(line) for line in file.read_text().splitlines() if line.strip()]
    return [{"question": r["question"], "doc_ids": r["relevant"], "after": r.get("after", [])} for r in rows]


def run_step(step: str, corpus: Path, index: Path, questions: Path, env: dict[str, str]) -> dict:
    print(f"bench: {corpus.parent.name}: {step} ({env.get('CITEQA_EMBEDDER', '')})", file=sys.stderr, flush=True)
    cmd = [sys.executable, "-m", "eval.bench_step", step, "--corpus", str(corpus), "--index", str(index),
           "--questions", str(questions)]
    run = run_measured(cmd, env)
    return last_json_line(run.stdout) | {"process_seconds": run.seconds, "peak_rss_mb": run.peak_rss_mb}


def cold_runs(label: str, cmd: list[str], env: dict[str, str], runs: int) -> dict:
    """A whole process as a user starts it, `runs` times: the median and the largest peak."""
    print(f"bench: {label} x{runs}", file=sys.stderr, flush=True)
    measured = [run_measured(cmd, env) for _ in range(runs)]
    return {"seconds": statistics.median(m.seconds for m in measured), "runs": [m.seconds for m in measured],
            "peak_rss_mb": max(m.peak_rss_mb for m in measured)}


def bench_corpus(root: Path, questions: list[dict], args: argparse.Namespace, cache: Path,
                 follow_ups: list[dict] | None = None) -> dict[str, dict]:
    """Every step on the corpus in root/corpus, per embedder: build, no-op update, ask, follow-ups (where the corpus
    has them), cold ask; then LangChain once (its figures and the ratios to it in every embedder's column)."""
    corpus, qfile, follow_up_file = root / "corpus", root / "questions.json", root / "follow_ups.json"
    qfile.write_text(json.dumps(sample(questions, args.questions)))
    if follow_ups:
        follow_up_file.write_text(json.dumps(sample(follow_ups, args.questions)))
    columns = {}
    for embedder in args.embedders:
        index = root / f"index-{embedder}"
        env = child_env(CITEQA_EMBEDDER=embedder, CITEQA_CACHE=str(cache))
        out = {step: run_step(step, corpus, index, qfile, env) for step in ("build", "update", "ask")}
        if follow_ups:
            out["follow_ups"] = run_step("follow_ups", corpus, index, follow_up_file, env)
        out["cold_ask"] = cold_runs(f"{root.name}: cold citeqa ask ({embedder})", [str(CITEQA), "ask", questions[0]["question"]],
                                    env | {"CITEQA_CORPUS": str(corpus), "CITEQA_INDEX": str(index)}, args.cold_runs)
        columns[f"{root.name} · {embedder}"] = out
    if not args.skip_langchain:
        store = root / "langchain-store"
        env = child_env(CITEQA_LANGCHAIN_STORE=str(store))
        lc = run_step("langchain", corpus, store, qfile, env)
        cold = cold_runs(f"{root.name}: cold LangChain query", [
            sys.executable, "-m", "eval.bench_step", "langchain_query", "--corpus", str(corpus), "--index", str(store),
            "--questions", str(qfile)], env, args.cold_runs)
        for out in columns.values():
            out["langchain"], out["langchain_cold"] = lc, cold
            out["ratios"] = {"build_seconds": out["build"]["seconds"] / lc["seconds"],
                             "build_peak_memory": out["build"]["peak_rss_mb"] / lc["peak_rss_mb"],
                             "query_p50": out["ask"]["p50_ms"] / lc["p50_ms"],
                             "query_p95": out["ask"]["p95_ms"] / lc["p95_ms"],
                             "cold_query": out["cold_ask"]["seconds"] / cold["seconds"]}
    return columns


def export_step(cache: Path, embedders: list[str]) -> dict:
    """The ONNX exports the embedders need, made into a fresh cache: what the first run on a machine pays."""
    onnx = [e for e in embedders if e.startswith("onnx")]
    if not onnx:
        return {}
    print(f"bench: ONNX export ({', '.join(onnx)})", file=sys.stderr, flush=True)
    code = ("import sys; from pathlib import Path; from citeqa.embedding import get_embedder; "
            "[get_embedder(sys.argv[1], e, Path(sys.argv[2])) for e in sys.argv[3:]]")
    run = run_measured([sys.executable, "-c", code, Settings.model, str(cache), *onnx], child_env())
    return {"seconds": run.seconds, "peak_rss_mb": run.peak_rss_mb}


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
    parser.add_argument("--cache", type=Path,
                        help="model cache to use (default: a fresh one, so the export row shows the first run's cost)")
    parser.add_argument("--embedders", default=Settings.embedder,
                        type=lambda v: [e.strip() for e in v.split(",") if e.strip()],
                        help=f"comma-separated, of {', '.join(EMBEDDERS)} (default {Settings.embedder})")
    args = parser.parse_args(argv)
    unknown = [e for e in args.embedders if e not in EMBEDDERS]
    if unknown or not args.embedders:
        parser.error(f"--embedders: {', '.join(unknown) or 'none given'}: choose from {', '.join(EMBEDDERS)}")
    info = machine_info()

    results = {}
    with tempfile.TemporaryDirectory(prefix="citeqa-bench-") as tmp:
        cache = (args.cache or Path(tmp) / "cache").resolve()
        shipped = Path(tmp) / "shipped corpus"
        shutil.copytree(SHIPPED_CORPUS, shipped / "corpus")
        export = export_step(cache, args.embedders)
        results |= bench_corpus(shipped, shipped_questions(), args, cache, shipped_questions(SHIPPED_FOLLOW_UPS))

        synthetic = Path(tmp) / f"synthetic {args.docs:,} docs"
        generated = write_synthetic_corpus(synthetic / "corpus", args.docs, args.seed)
        questions = [{"question": q.question, "doc_ids": [q.doc_id]} for q in generated]
        results |= bench_corpus(synthetic, questions, args, cache)
        for column in results.values():
            column["export"] = export

    print(report(results, info))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"machine": info, "args": {k: str(v) for k, v in vars(args).items()},
                                        "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
