"""Benchmarks: the synthetic corpus is deterministic, and the benchmarks run end to end at tiny sizes.

No timing assertions: figures come only from the benchmarks' printed output on an idle machine.
"""

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from citeqa.settings import Settings
from eval.bench_common import markdown_table, percentile
from eval.bench_faiss import threshold
from eval.synthetic import write_synthetic_corpus


def corpus_bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_synthetic_corpus_is_the_same_bytes_for_the_same_seed(tmp_path):
    first = write_synthetic_corpus(tmp_path / "a", 20, seed=0)
    second = write_synthetic_corpus(tmp_path / "b", 20, seed=0)
    write_synthetic_corpus(tmp_path / "c", 20, seed=1)
    assert first == second
    assert corpus_bytes(tmp_path / "a") == corpus_bytes(tmp_path / "b")
    assert corpus_bytes(tmp_path / "a") != corpus_bytes(tmp_path / "c")


def test_a_small_synthetic_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    write_synthetic_corpus(tmp_path / "small", 5)
    write_synthetic_corpus(tmp_path / "large", 20)
    large = corpus_bytes(tmp_path / "large")
    assert corpus_bytes(tmp_path / "small") == {name: large[name] for name in corpus_bytes(tmp_path / "small")}


def test_synthetic_documents_look_like_prose_and_answer_their_question(tmp_path):
    questions = write_synthetic_corpus(tmp_path, 20)
    assert len(questions) == 20 and len({q.question for q in questions}) == 20
    for q in questions:
        text = (tmp_path / q.doc_id).read_text()
        assert 150 <= len(text.split()) <= 700
        assert text.count("\n\n") >= 2  # a title, a date line and paragraphs
        code = q.question.split("code ")[1].rstrip("?")
        assert f"code {code} was led by {q.answer}" in text
    vocabulary = {w for q in questions for w in (tmp_path / q.doc_id).read_text().lower().split()}
    assert len(vocabulary) > 500


def test_percentile_interpolates_like_numpy():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5.0], 95) == 5.0
    assert percentile(list(range(101)), 95) == 95


def test_faiss_threshold_is_the_smallest_size_from_which_hnsw_keeps_winning():
    rows = [{"n": n, "speedup": s, "recall_at_50": r}
            for n, s, r in [(10, 0.5, 1.0), (20, 3.0, 0.99), (30, 1.5, 0.99), (40, 4.0, 0.97), (50, 9.0, 0.96)]]
    assert threshold(rows, 2.0, 0.95) == 40
    assert threshold(rows, 2.0, 0.999) is None


def test_markdown_table():
    assert markdown_table(["a", "b"], [["1", "2"]]) == "| a | b |\n|---|---|\n| 1 | 2 |"


def run_module(*args, timeout=240):
    result = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.slow
def test_bench_runs_end_to_end_and_prints_every_citeqa_row(tmp_path):
    out = tmp_path / "bench.json"
    stdout = run_module("eval.bench", "--docs", "20", "--questions", "5", "--cold-runs", "1",
                        "--skip-langchain", "--cache", str(Settings().cache), "--out", str(out))
    assert "| measure | shipped corpus · onnx-int8 | synthetic 20 docs · onnx-int8 |" in stdout
    for row in ("citeqa full build: seconds", "citeqa full build: chunks / s", "citeqa full build: peak memory MB",
                "citeqa no-op update: seconds", "citeqa ask in process: p50 ms", "citeqa ask in process: p95 ms",
                "cold `citeqa ask` process: seconds (median)", "cold `citeqa ask` process: peak memory MB",
                "ONNX export, once per machine: seconds", "citeqa ask in process: p50 ms by stage",
                "citeqa follow-up in process: p50 ms", "citeqa follow-up in process: p50 ms by stage"):
        assert f"| {row} |" in stdout
    assert "LangChain" not in stdout.split("| measure")[1].split("\n\n")[0]  # skipped: no LangChain rows
    assert "cores" in stdout and "torch" in stdout and "faiss" in stdout
    figures = json.loads(out.read_text())
    synthetic = figures["results"]["synthetic 20 docs · onnx-int8"]
    assert synthetic["build"]["n_documents"] == 20 and synthetic["build"]["peak_rss_mb"] > 0
    assert synthetic["update"]["wrote_index"] is False and synthetic["update"]["chunks_embedded"] == 0
    assert synthetic["ask"]["n"] == 5 and "follow_ups" not in synthetic  # the synthetic corpus has no conversations
    follow_ups = figures["results"]["shipped corpus · onnx-int8"]["follow_ups"]
    assert follow_ups["n"] == 5 and follow_ups["cited_the_source"] > 0 and "embed" in follow_ups["stages_p50_ms"]


@pytest.mark.slow
def test_bench_faiss_runs_at_tiny_sizes():
    stdout = run_module("eval.bench_faiss", "--sizes", "300,600", "--queries", "5", timeout=120)
    assert "| 300 |" in stdout and "| 600 |" in stdout and "HNSW recall@50" in stdout
    assert "exact_index_max" in stdout or "keep the index exact" in stdout


@pytest.mark.slow
def test_bench_scale_runs_at_tiny_sizes_and_keeps_each_size_as_it_finishes(tmp_path):
    out = tmp_path / "scale.json"
    stdout = run_module("eval.bench_scale", "--sizes", "200,400", "--stores", "local", "--queries", "5",
                        "--workdir", str(tmp_path), "--out", str(out), timeout=300)
    assert "| measure | local 200 | local 400 |" in stdout
    assert "hybrid dates: p50 / p95 ms" in stdout and "on disk MB" in stdout
    figures = json.loads(out.read_text())["results"]
    assert [(r["store"], r["n_chunks"]) for r in figures] == [("local", 200), ("local", 400)]
    assert all(r["hybrid_p50_ms"] > 0 and r["disk_mb"] > 0 and r["peak_rss_mb"] > 0 for r in figures)
    assert not list(tmp_path.glob("scale-*"))  # each size's build is removed when measured
