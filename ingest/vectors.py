"""A build's vectors: reused from the previous build by content hash, the rest embedded in the background.

Splitting documents into chunks and sentences is Python that holds the GIL on one core; the ONNX
embedders release it while they run. So texts are handed over as documents are split, and groups
of them are embedded on a background thread while the next documents are split (each group sorted
by length inside the embedder). Each distinct text is embedded once, whether it is a chunk input
or a sentence: a text has one vector.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable, Sequence

import numpy as np

from citeqa.embedding import Embedder
from citeqa.progress import Progress
from retrieval.store import IndexReader, text_hash

GROUP = 4096  # texts per background encode: large enough for little padding, small enough to overlap


class BuildVectors:
    def __init__(self, embedder: Embedder, cache: dict[str, np.ndarray], batch_size: int):
        self._embedder = embedder
        self._cache = cache
        self._batch_size = batch_size
        self._waiting: dict[str, str] = {}  # hash -> text, not yet handed to the embedder
        self._handed: set[str] = set()
        self._groups: list[tuple[list[str], Future]] = []
        self._fresh: dict[str, np.ndarray] = {}
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="citeqa-embed")

    def add(self, texts: Iterable[str]) -> list[str]:
        """Hand over texts to be embedded (unless known); returns their hashes."""
        hashes = []
        for text in texts:
            h = text_hash(text)
            hashes.append(h)
            if h not in self._cache and h not in self._handed:
                self._waiting[h] = text
                self._handed.add(h)
        if len(self._waiting) >= GROUP:
            self._submit()
        return hashes

    @property
    def embedded(self) -> set[str]:
        """Hashes of the texts embedded by this build (not found in the previous one)."""
        return self._handed

    def finish(self, progress: Progress) -> None:
        """Wait for every text handed over to be embedded, reporting progress as stage "embed"."""
        self._submit()
        total, done = len(self._handed), 0
        progress("embed", 0, total)
        try:
            for hashes, future in self._groups:
                self._fresh.update(zip(hashes, future.result()))
                done += len(hashes)
                progress("embed", done, total)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop embedding: groups not started are dropped, the one running ends its encode."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def vectors(self, hashes: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(hashes), self._embedder.dimension), dtype=np.float32)
        for i, h in enumerate(hashes):
            out[i] = self._fresh[h] if h in self._fresh else self._cache[h]
        return out

    def _submit(self) -> None:
        if self._waiting:
            hashes, texts = list(self._waiting), list(self._waiting.values())
            self._waiting = {}
            self._groups.append((hashes, self._pool.submit(self._embedder.encode, texts, self._batch_size)))


def previous_vectors(previous: IndexReader | None) -> dict[str, np.ndarray]:
    """Every vector of the previous build by the hash of its text."""
    if previous is None:
        return {}
    return {h: vector for _, h, vector in previous.vectors_by_hash()}
