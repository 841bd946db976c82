"""How the embedder's work is best spread over this machine's cores, measured on what a build embeds.

    python -m eval.bench_encoder [--docs 100] [--rounds 2]

Texts: the chunk inputs (title header + chunk) and the sentences of a synthetic corpus, as a build
embeds them. Configurations, each timed on the same texts (best of --rounds, interleaved so that
a change in the machine's load hits them alike):

    torch fp32, 1 thread        sentence-transformers, as the torch backend runs
    onnx fp32 / int8, 1 thread  one session, one intra-op thread, one caller
    onnx int8, 2 intra-op       one session, two intra-op threads, one caller
    onnx int8, 2 workers        one session (one intra-op thread), two calling threads
    onnx int8, 2 processes      two processes, each its own session and one thread

Also prints the mean cosine of each backend's vectors to torch's. Figures are only comparable
within one run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from citeqa.embedding import embedding_input, get_embedder, resolve_model_path
from citeqa.embedding.onnx_backend import OnnxRunner
from citeqa.embedding.tokens import ModelTokens
from citeqa.settings import DEFAULT_MODEL, Settings
from eval.bench_common import markdown_table
from eval.synthetic import write_synthetic_corpus

BATCH = 32


def build_texts(docs: int) -> list[str]:
    from ingest.chunking import Chunker, ChunkingConfig
    from ingest.load import load_corpus
    from ingest.units import quote_units

    embedder = get_embedder(DEFAULT_MODEL, "onnx-int8", Settings().cache)
    chunker = Chunker(ChunkingConfig(200, 40, embedder.max_tokens), embedder.count_tokens)
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic_corpus(Path(tmp), docs)
        loaded = load_corpus(Path(tmp))
    texts = []
    for doc in loaded.documents:
        texts += [embedding_input(doc.title, c.text, embedder) for c in chunker.split(doc.doc_id, doc.text)]
        texts += [doc.text[s.start : s.end] for s in quote_units(doc.text)]
    return list(dict.fromkeys(texts))


def sorted_batches(tokens: ModelTokens, texts: list[str]) -> tuple[list[list[np.ndarray]], int]:
    ids = tokens.ids_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: -len(ids[i]))
    return [[ids[i] for i in order[lo : lo + BATCH]] for lo in range(0, len(order), BATCH)], sum(map(len, ids))


_worker: OnnxRunner | None = None


def _init_worker(onnx_file: str, model_path: str) -> None:
    global _worker
    _worker = OnnxRunner(Path(onnx_file), ModelTokens(Path(model_path)))


def _run_batch(batch: list[np.ndarray]) -> int:
    _worker.run(batch)
    return len(batch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-torch", action="store_true")
    args = parser.parse_args(argv)

    texts = build_texts(args.docs)
    model_path = resolve_model_path(DEFAULT_MODEL)
    tokens = ModelTokens(model_path)
    batches, n_tokens = sorted_batches(tokens, texts)
    int8 = get_embedder(DEFAULT_MODEL, "onnx-int8", Settings().cache)
    fp32 = get_embedder(DEFAULT_MODEL, "onnx", Settings().cache)

    one = OnnxRunner(int8.exported.path, tokens)
    two_intra = OnnxRunner(int8.exported.path, tokens, intra_op_threads=2)
    float_one = OnnxRunner(fp32.exported.path, tokens)
    pool = get_context("spawn").Pool(2, _init_worker, (str(int8.exported.path), str(model_path)))
    pool.map(_run_batch, batches[-2:])  # sessions loaded before timing

    def sequential(runner):
        return lambda: [runner.run(b) for b in batches]

    def threads():
        with ThreadPoolExecutor(2) as workers:
            list(workers.map(one.run, batches))

    configs = {
        "onnx fp32, 1 thread": sequential(float_one),
        "onnx int8, 1 thread": sequential(one),
        "onnx int8, 2 intra-op threads": sequential(two_intra),
        "onnx int8, 2 worker threads": threads,
        "onnx int8, 2 processes": lambda: pool.map(_run_batch, batches, chunksize=1),
    }
    if not args.skip_torch:
        import torch

        torch_embedder = get_embedder(DEFAULT_MODEL, "torch")
        torch.set_num_threads(1)
        configs = {"torch fp32, 1 thread": lambda: torch_embedder.encode(texts, BATCH)} | configs
    best = {name: float("inf") for name in configs}
    for _ in range(args.rounds):
        for name, run in configs.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    pool.close()

    rows = [[name, f"{seconds:.2f}", f"{n_tokens / seconds:,.0f}", f"{best['onnx int8, 1 thread'] / seconds:.2f}"]
            for name, seconds in best.items()]
    print(f"{len(texts):,} texts, {n_tokens:,} tokens, batches of {BATCH} sorted by length; best of {args.rounds}\n")
    print(markdown_table(["configuration", "seconds", "tokens / s", "speed vs int8 1 thread"], rows))
    if not args.skip_torch:
        reference = torch_embedder.encode(texts, BATCH)
        for name, embedder in (("onnx fp32", fp32), ("onnx int8", int8)):
            cosine = (embedder.encode(texts, BATCH) * reference).sum(axis=1)
            print(f"\n{name} vs torch: mean cosine {cosine.mean():.4f}, min {cosine.min():.4f}", end="")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
