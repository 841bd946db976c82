"""Store-level cost at growing sizes, per backend: what moving past one machine is about.

    python -m eval.bench_scale [--sizes 10000,100000,1000000] [--stores local,milvus-lite[,milvus://HOST:PORT]]
                               [--queries 100] [--workdir DIR] [--out FILE.json]

For each store and size, one process (so its peak memory is its own) makes a synthetic build
(eval/synthetic_index.py: chunks of word-like prose, one sentence vector per chunk, 384-dimension
unit vectors; no model in the loop), publishes it, opens it and runs the real retrieval code
(`retrieval.search.Retriever`, k=5, 50 candidates per search) with synthetic query vectors and
three-word queries: dense (chunks and sentences), lexical (BM25), hybrid (both, fused), and hybrid
with a date filter and with a filter of 1,000 documents. It prints a Markdown table: publish rate,
open time, the first lexical query (Milvus Lite builds its BM25 index lazily), p50/p95 per search,
peak memory (and how much of it the synthetic content itself took) and bytes on disk.

A Milvus server's own memory and disk are not in the figures (only the client's); Milvus Lite runs
inside the measured process, so its figures are complete.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from eval.bench_common import last_json_line, machine_info, machine_lines, markdown_table, percentile, run_measured

SEARCHES = ("dense", "lexical", "hybrid", "hybrid_dates", "hybrid_1000_docs")
SENTENCES_PER_CHUNK = 1
CHUNKS_PER_DOC = 4
K = 5


def settings_for(store: str, folder: Path):
    from citeqa.settings import Settings

    spec = f"milvus:{folder}/milvus.db" if store == "milvus-lite" else store
    return Settings.load(env={}, index=folder / "index", store=spec)


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def queries(content, n: int, seed: int):
    """(query vector, three-word query) pairs, each near one chunk, as a question is near its answer."""
    import numpy as np

    rng = np.random.default_rng(seed)
    out = []
    for cid in rng.integers(len(content.chunks), size=n):
        q = content.chunk_vectors[cid] + 0.3 * rng.standard_normal(content.chunk_vectors.shape[1]).astype("float32")
        words = content.chunks[cid].text.lower().replace(".", "").split()
        text = " ".join(words[i] for i in rng.choice(len(words), size=3, replace=False))
        out.append(((q / np.linalg.norm(q)).astype("float32"), text))
    return out


def step(store: str, n_chunks: int, n_queries: int, workdir: Path) -> dict:
    """One store at one size, in this process: publish, open, search. Returns the figures."""
    import resource

    import numpy as np

    from citeqa.types import Filters
    from eval.synthetic_index import synthetic_content
    from retrieval.search import Retriever
    from retrieval.store import open_store

    started = time.perf_counter()
    content = synthetic_content(n_chunks, seed=0, chunks_per_doc=CHUNKS_PER_DOC,
                                sentences_per_chunk=SENTENCES_PER_CHUNK)
    generated = time.perf_counter() - started
    content_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    folder = Path(tempfile.mkdtemp(prefix=f"scale-{n_chunks}-", dir=workdir))
    settings = settings_for(store, folder)
    backend = open_store(settings)
    try:
        t = time.perf_counter()
        backend.publish(content)
        publish = time.perf_counter() - t
        t = time.perf_counter()
        reader = backend.open_reader()
        opened = time.perf_counter() - t
        asked = queries(content, n_queries, seed=1)
        t = time.perf_counter()
        reader.lexical_search(asked[0][1], 50)
        first_lexical = time.perf_counter() - t
        retriever = Retriever(reader, embedder=None)
        rng = np.random.default_rng(2)
        doc_ids = [content.documents[i].document.doc_id for i in rng.choice(len(content.documents),
                                                                            size=min(1000, len(content.documents)),
                                                                            replace=False)]
        kinds = {
            "dense": ("dense", Filters()),
            "lexical": ("lexical", Filters()),
            "hybrid": ("hybrid", Filters()),
            "hybrid_dates": ("hybrid", Filters(date_from="2005-01-01", date_to="2012-12-31")),
            "hybrid_1000_docs": ("hybrid", Filters(doc_ids=tuple(doc_ids))),
        }
        latencies = {}
        for name, (mode, filters) in kinds.items():
            ms = []
            for vector, text in asked:
                t = time.perf_counter()
                passages = retriever.search(text, K, mode, filters, None if mode == "lexical" else vector)
                ms.append((time.perf_counter() - t) * 1000)
                assert passages or name != "hybrid", f"hybrid found nothing for {text!r}"
            latencies[name] = ms
        reader.close()
    finally:
        backend.close()
    on_disk = disk_bytes(folder) if store in ("local", "milvus-lite") else None
    shutil.rmtree(folder, ignore_errors=True)
    out = {
        "store": store, "n_chunks": n_chunks, "n_sentences": len(content.sentences),
        "n_documents": len(content.documents), "generate_seconds": generated, "content_mb": content_mb,
        "publish_seconds": publish, "chunks_per_second": n_chunks / publish, "open_seconds": opened,
        "first_lexical_seconds": first_lexical, "disk_mb": None if on_disk is None else on_disk / 2**20,
        "queries": n_queries,
    }
    for name, ms in latencies.items():
        out[f"{name}_p50_ms"], out[f"{name}_p95_ms"] = percentile(ms, 50), percentile(ms, 95)
    return out


ROWS = [
    ("chunks / sentences / documents", lambda r: f"{r['n_chunks']:,} / {r['n_sentences']:,} / {r['n_documents']:,}"),
    ("publish: seconds", lambda r: f"{r['publish_seconds']:,.1f}"),
    ("publish: chunks / s", lambda r: f"{r['chunks_per_second']:,.0f}"),
    ("open: seconds", lambda r: f"{r['open_seconds']:.2f}"),
    ("first lexical query: seconds", lambda r: f"{r['first_lexical_seconds']:.2f}"),
    *[(f"{name.replace('_', ' ')}: p50 / p95 ms",
       (lambda name: lambda r: f"{r[name + '_p50_ms']:,.1f} / {r[name + '_p95_ms']:,.1f}")(name)) for name in SEARCHES],
    ("peak memory MB (synthetic content alone)", lambda r: f"{r['peak_rss_mb']:,.0f} ({r['content_mb']:,.0f})"),
    ("on disk MB", lambda r: "-" if r["disk_mb"] is None else f"{r['disk_mb']:,.0f}"),
]


def table(results: list[dict]) -> str:
    header = ["measure"] + [f"{r['store']} {r['n_chunks']:,}" for r in results]
    rows = []
    for label, cell in ROWS:
        rows.append([label] + [cell(r) if "error" not in r else "-" for r in results])
    return markdown_table(header, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="chunk counts, comma-separated")
    parser.add_argument("--stores", default="local,milvus-lite",
                        help="local, milvus-lite (a fresh Lite file) or a milvus:// URI, comma-separated")
    parser.add_argument("--queries", type=int, default=100, help="queries per search kind")
    parser.add_argument("--workdir", type=Path, default=None, help="where the builds go (default: a temp folder)")
    parser.add_argument("--out", type=Path, default=None, help="write the figures here as JSON")
    parser.add_argument("--step", nargs=2, metavar=("STORE", "N_CHUNKS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.gettempdir())
    if args.step:
        print(json.dumps(step(args.step[0], int(args.step[1]), args.queries, workdir)))
        return 0
    info = machine_info()
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        for store in args.stores.split(","):
            cmd = [sys.executable, "-m", "eval.bench_scale", "--step", store, str(n), "--queries", str(args.queries),
                   "--workdir", str(workdir)]
            try:
                measured = run_measured(cmd, env={**os.environ, "HF_HUB_OFFLINE": "1"})
            except RuntimeError as exc:
                print(f"{store} at {n:,} chunks failed: {str(exc)[-500:]}", file=sys.stderr)
                results.append({"store": store, "n_chunks": n, "error": str(exc)[-2000:]})
                continue
            result = last_json_line(measured.stdout) | {"peak_rss_mb": measured.peak_rss_mb,
                                                         "process_seconds": measured.seconds}
            results.append(result)
            print(f"{store} at {n:,} chunks: {measured.seconds:.0f} s", file=sys.stderr)
            if args.out:  # after every step: a run stopped at 1,000,000 chunks keeps the smaller sizes
                args.out.write_text(json.dumps({"machine": info, "results": results}, indent=2))
    print("\n".join(machine_lines(info)))
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
