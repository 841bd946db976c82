"""FAISS flat vs HNSW at growing sizes: where an approximate index starts to pay off.

    python -m eval.bench_faiss [--sizes 10000,50000,100000,200000,400000] [--queries 200]
                               [--data random|lowrank | --vectors INDEX/current/sentence_vectors.npy]

retrieval/store/local.py keeps the chunk and sentence indexes exact (IndexFlatIP) up to the setting
`exact_index_max` and uses HNSW above it (the FAISS wiki's "Guidelines to choose an index"). This
measures both, with the parameters the store uses, on random unit vectors of the model's
dimension: build seconds, single-query latency (k=50, as hybrid retrieval asks for) and HNSW's
recall@50 against the exact result. The threshold it prints is the smallest measured size from
which HNSW is at least --speedup times faster at recall >= --min-recall: the value for
`exact_index_max`.

Random unit vectors (the default) are the hardest case for HNSW: in 384 dimensions every point
is nearly equidistant from every other, so its recall there is a lower bound. Real sentence
embeddings fill a much lower-dimensional part of the space; `--data lowrank` draws vectors from a
random 32-dimensional subspace plus a little noise to show how the threshold moves with that, and
`--vectors FILE.npy` samples real ones, e.g. the sentence vectors of an index built by eval.bench
(sizes larger than the file allows are left out; held-out rows serve as queries).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from eval.bench_common import latency_summary, machine_info, machine_lines, markdown_table
from retrieval.store.base import HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M

DIMENSION = 384  # all-MiniLM-L6-v2
K = 50


LOWRANK_DIMENSION = 32
LOWRANK_NOISE = 0.1


def unit_vectors(n: int, rng: np.random.Generator, basis: np.ndarray | None = None) -> np.ndarray:
    """n random unit vectors; with `basis` (r x DIMENSION), mostly inside the subspace it spans."""
    x = rng.standard_normal((n, DIMENSION), dtype=np.float32)
    if basis is not None:
        x = rng.standard_normal((n, len(basis)), dtype=np.float32) @ basis + LOWRANK_NOISE * x
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def build(kind: str, vectors: np.ndarray):
    """The index retrieval/store/local.py would write for these vectors, and the seconds it took."""
    import faiss

    started = time.perf_counter()
    if kind == "flat":
        index = faiss.IndexFlatIP(DIMENSION)
    else:
        index = faiss.IndexHNSWFlat(DIMENSION, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    index.add(vectors)
    seconds = time.perf_counter() - started
    if kind == "hnsw":
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index, seconds


def search_one_by_one(index, queries: np.ndarray) -> tuple[np.ndarray, list[float]]:
    """Top-K ids per query, one query per call as a user's question arrives, with each call's ms."""
    ids, ms = [], []
    for q in queries:
        started = time.perf_counter()
        _, found = index.search(q.reshape(1, -1), K)
        ms.append((time.perf_counter() - started) * 1000)
        ids.append(found[0])
    return np.array(ids), ms


def draw(n: int, n_queries: int, data: str, rng: np.random.Generator, pool: np.ndarray | None = None):
    """(n database vectors, n_queries query vectors): sampled from `pool` without overlap, or generated."""
    if pool is not None:
        rows = np.asarray(pool[np.sort(rng.choice(len(pool), n + n_queries, replace=False))], dtype=np.float32)
        rows = rows[rng.permutation(len(rows))]
        return np.ascontiguousarray(rows[n_queries:]), np.ascontiguousarray(rows[:n_queries])
    basis = unit_vectors(LOWRANK_DIMENSION, rng) if data == "lowrank" else None
    return unit_vectors(n, rng, basis), unit_vectors(n_queries, rng, basis)


def measure(n: int, n_queries: int, data: str = "random", pool: np.ndarray | None = None, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed + n)
    vectors, queries = draw(n, n_queries, data, rng, pool)
    row: dict = {"n": n}
    found = {}
    for kind in ("flat", "hnsw"):
        index, row[f"{kind}_build_s"] = build(kind, vectors)
        found[kind], ms = search_one_by_one(index, queries)
        row[f"{kind}_p50_ms"] = latency_summary(ms)["p50_ms"]
        del index
    row["recall_at_50"] = float(np.mean([len(set(h) & set(f)) / K for h, f in zip(found["hnsw"], found["flat"])]))
    row["speedup"] = row["flat_p50_ms"] / row["hnsw_p50_ms"]
    return row


def threshold(rows: list[dict], speedup: float, min_recall: float) -> int | None:
    """The smallest measured size from which HNSW is at least `speedup` times faster at `min_recall`
    (at that size and every larger one measured), or None if no size qualifies."""
    good = None
    for row in sorted(rows, key=lambda r: r["n"], reverse=True):
        if row["speedup"] >= speedup and row["recall_at_50"] >= min_recall:
            good = row["n"]
        else:
            break
    return good


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,100000,200000,400000",
                        help="comma-separated numbers of vectors")
    parser.add_argument("--queries", type=int, default=200, help="single queries timed per size and index")
    parser.add_argument("--speedup", type=float, default=2.0, help="how much faster HNSW must be")
    parser.add_argument("--data", choices=("random", "lowrank"), default="random",
                        help="random unit vectors, or vectors near a 32-dimensional subspace")
    parser.add_argument("--vectors", type=Path, help="a .npy of unit vectors to sample instead (overrides --data)")
    parser.add_argument("--threads", type=int, default=0, help="FAISS threads (0: FAISS's default, as citeqa runs)")
    parser.add_argument("--min-recall", type=float, default=0.95, help="the recall@50 HNSW must keep")
    args = parser.parse_args(argv)
    import faiss

    if args.threads:
        faiss.omp_set_num_threads(args.threads)
    info = machine_info() | {"faiss_threads": faiss.omp_get_max_threads()}
    pool = np.load(args.vectors, mmap_mode="r") if args.vectors else None
    data = f"{len(pool):,} vectors of {args.vectors}" if pool is not None else args.data
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    rows = []
    for n in (n for n in sizes if pool is None or n + args.queries <= len(pool)):
        print(f"bench_faiss: {n:,} vectors", file=sys.stderr, flush=True)
        rows.append(measure(n, args.queries, args.data, pool))
    table = markdown_table(
        ["vectors", "flat build s", "HNSW build s", "flat p50 ms", "HNSW p50 ms", "HNSW speed-up", "HNSW recall@50"],
        [[f"{r['n']:,}", f"{r['flat_build_s']:.2f}", f"{r['hnsw_build_s']:.1f}", f"{r['flat_p50_ms']:.2f}",
          f"{r['hnsw_p50_ms']:.2f}", f"{r['speedup']:.1f}x", f"{r['recall_at_50']:.3f}"] for r in rows],
    )
    found = threshold(rows, args.speedup, args.min_recall)
    verdict = (f"HNSW is at least {args.speedup:g}x faster with recall@50 >= {args.min_recall:g} from {found:,} "
               f"vectors on (the smallest such size measured): exact_index_max should be at most {found:,}." if found else
               f"no measured size has HNSW at least {args.speedup:g}x faster with recall@50 >= {args.min_recall:g}: "
               "keep the index exact up to the largest size measured.")
    print("\n".join([
        "## FAISS flat vs HNSW", "", *machine_lines(info),
        f"- dimension {DIMENSION}, k={K}, {args.queries} single queries per size; HNSW M=32, efConstruction "
        f"{HNSW_EF_CONSTRUCTION}, efSearch 128; FAISS threads {info['faiss_threads']}; data: {data}",
        "", table, "", verdict,
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
