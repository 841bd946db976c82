"""The local store's lexical index: BM25 over chunks as a sparse matrix, scored with numpy.

bm25s (xhluca/bm25s) builds it: every word's BM25 score in every chunk is computed once, at build
time, into a CSC matrix (one column of chunk scores per word) saved as .npy files beside a JSON
vocabulary. A query's scores are then the sum of its words' columns: one `np.bincount` over their
non-zero entries, far cheaper than ranking at query time (SQLite FTS5, which this replaces, took
20-30 ms a query on 18,000 chunks). The query path reads the saved arrays itself, memory-mapped,
so it imports neither bm25s nor scipy (a cold `citeqa ask` stays light).

Words are made as the `milvus` backend makes them (`retrieval/store/lexical.py`: lower case,
diacritics folded, Porter stems; stop words kept in the chunks, left out of queries), with the
parameters FTS5 and Milvus use (k1 1.2, b 0.75) and Lucene's IDF, log(1 + (N - n + 0.5) / (n + 0.5)),
which never drops a common word to zero.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

K1, B = 1.2, 0.75
FOLDER = "bm25"
_FILES = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy", "vocab.index.json")


def write_bm25(folder: Path, chunk_words: Iterable[list[str]]) -> None:
    """Index each chunk's words (row i of the matrix is chunk i) into `folder`."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG: its notes reached users
    model = bm25s.BM25(k1=K1, b=B, method="lucene")
    model.index(list(chunk_words), show_progress=False)
    model.save(str(folder))


class Bm25Index:
    """A saved index, opened lazily on its first query (the vocabulary is read once, the arrays mapped)."""

    def __init__(self, folder: Path, n_chunks: int):
        self.folder = folder
        self.n_chunks = n_chunks
        self._lock = threading.Lock()
        self._loaded: tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray] | None = None

    @staticmethod
    def exists(folder: Path) -> bool:
        return all((folder / name).is_file() for name in _FILES)

    def _arrays(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        with self._lock:
            if self._loaded is None:
                vocab = json.loads((self.folder / "vocab.index.json").read_text(encoding="utf-8"))
                vocab.pop("", None)  # bm25s's placeholder for an empty chunk: no column of its own
                data, indices, indptr = (np.load(self.folder / name, mmap_mode="r") for name in _FILES[:3])
                if max(vocab.values(), default=-1) >= len(indptr) - 1 or not indptr[-1] == len(data) == len(indices):
                    raise ValueError(f"{self.folder}: the vocabulary and the matrix do not match")
                self._loaded = (vocab, data, indices, indptr)
            return self._loaded

    def search(self, words: Sequence[str], k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k chunks with the highest summed BM25 score of `words` (each counted once), best first;
        only among the `allowed` chunk ids when given. Chunks holding none of the words are not returned."""
        vocab, data, indices, indptr = self._arrays()
        columns = sorted({vocab[w] for w in words if w in vocab})
        if not columns or k <= 0:
            return []
        rows = np.concatenate([indices[indptr[c] : indptr[c + 1]] for c in columns])
        weights = np.concatenate([data[indptr[c] : indptr[c + 1]] for c in columns])
        scores = np.bincount(rows, weights=weights, minlength=self.n_chunks)
        if allowed is not None:
            masked = np.zeros_like(scores)
            masked[allowed] = scores[allowed]
            scores = masked
        found = np.flatnonzero(scores > 0)
        if len(found) > k:
            found = found[np.argpartition(-scores[found], k - 1)[:k]]
        best = found[np.lexsort((found, -scores[found]))]  # by score, then by chunk id for equal scores
        return [(int(i), float(scores[i])) for i in best]
