"""A build's vectors: chunk vectors and quote-unit vectors from one pass of the model, reused from
the previous build by key, the rest embedded in the background.

A quote unit's vector is pooled from the token vectors of the chunk that holds it (late chunking,
citeqa/embedding/pooling.py), so the model reads each token once: a unit is never encoded on its
own unless no chunk holds it. A unit's key is the hash of its place in its chunk's input (the
chunk input's hash and the unit's character range in it): unchanged chunk, unchanged unit vector.
A unit whose key is new makes its chunk be embedded again even when the chunk's own vector is
known; a unit across two chunks pools the tokens of both.

Splitting documents into chunks and units is Python that holds the GIL on one core; the ONNX
embedders release it while they run. So chunk inputs are handed over as documents are split, and
groups of them are embedded on a background thread while the next documents are split (each group
sorted by length inside the embedder).
"""

from __future__ import annotations

import bisect
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from citeqa.embedding import Embedder
from citeqa.embedding.pooling import unit_length
from citeqa.progress import Progress
from citeqa.types import Chunk, Span
from retrieval.store import UNIT_VECTORS, IndexReader, text_hash

GROUP = 1024  # chunk inputs per background encode: large enough for little padding, small enough to overlap


@dataclass
class _Job:
    """One text to embed, and the unit ranges to pool from its tokens (with the units' keys)."""

    key: str
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


class BuildVectors:
    def __init__(self, embedder: Embedder, cache: dict[str, np.ndarray], batch_size: int):
        self._embedder = embedder
        self._cache = cache
        self._batch_size = batch_size
        self._waiting: list[_Job] = []
        self._handed: set[str] = set()  # keys of the texts handed to the embedder
        self._pooled: dict[str, str] = {}  # unit key -> unit text, for units pooled by this build
        self._groups: list[tuple[list[_Job], Future]] = []
        self._fresh: dict[str, np.ndarray] = {}
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="citeqa-embed")

    def add_document(self, text: str, chunks: Sequence[Chunk], inputs: Sequence[str],
                     units: Sequence[Span]) -> tuple[list[str], list[str]]:
        """Hand over a document's chunk inputs (what is embedded for each chunk, in order of their start)
        and the units to pool from them; returns the chunks' keys and the units' keys."""
        chunk_keys = [text_hash(i) for i in inputs]
        jobs = [_Job(k, i) for k, i in zip(chunk_keys, inputs)]
        starts = [c.start for c in chunks]
        unit_keys = []
        for span in units:
            places = _places(chunks, inputs, starts, span)
            if not places:  # no chunk holds it (text a splitter dropped): embedded on its own
                alone = _Job(text_hash(text[span.start : span.end]), text[span.start : span.end])
                unit_keys.append(alone.key)
                self._hand_over(alone)
                continue
            key = text_hash("pooled\x1f" + "\x1f".join(f"{chunk_keys[j]}:{lo}:{hi}" for j, lo, hi in places))
            unit_keys.append(key)
            if key in self._cache or key in self._pooled:
                continue
            self._pooled[key] = text[span.start : span.end]
            for j, lo, hi in places:
                jobs[j].spans.append((lo, hi))
                jobs[j].units.append(key)
        for job in jobs:
            self._hand_over(job)
        if len(self._waiting) >= GROUP:
            self._submit()
        return chunk_keys, unit_keys

    @property
    def embedded(self) -> set[str]:
        """Keys of the vectors made by this build (not found in the previous one)."""
        return self._handed | set(self._pooled)

    def finish(self, progress: Progress) -> None:
        """Wait for every text handed over to be embedded, reporting progress as stage "embed"."""
        self._submit()
        total, done = sum(len(jobs) for jobs, _ in self._groups), 0
        row = {key: i for i, key in enumerate(self._pooled)}
        sums = np.zeros((len(row), self._embedder.dimension), np.float32)  # one row per unit pooled now
        counts = np.zeros(len(row), np.int64)
        pooled_dimension = self._embedder.dimension
        progress("embed", 0, total)
        try:
            while self._groups:  # each group let go once read: its pooled sums are added up below
                jobs, future = self._groups.pop(0)
                vectors, pooled = future.result()
                self._fresh.update(zip((job.key for job in jobs), vectors))
                pooled_dimension = pooled.sums.shape[1]
                if pooled_dimension == sums.shape[1]:  # the group's units, in the order their spans were asked
                    rows = [row[unit] for job in jobs for unit in job.units]
                    np.add.at(sums, rows, pooled.sums)
                    np.add.at(counts, rows, pooled.counts)
                done += len(jobs)
                progress("embed", done, total)
        finally:
            self.cancel()
        if pooled_dimension != sums.shape[1]:  # a model whose vectors are not pooled token vectors (a projection)
            counts[:] = 0
        unit_length(sums, in_place=True)
        self._fresh.update(zip(self._pooled, sums))
        unread = [key for key, n in zip(self._pooled, counts) if n == 0]  # no token survived the model's cut
        if unread:
            self._fresh.update(zip(unread, self._embedder.encode([self._pooled[k] for k in unread], self._batch_size)))

    def cancel(self) -> None:
        """Stop embedding: groups not started are dropped, the one running ends its encode."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def vectors(self, keys: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(keys), self._embedder.dimension), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = self._fresh[k] if k in self._fresh else self._cache[k]
        return out

    def _hand_over(self, job: _Job) -> None:
        """Queue a text to embed, unless its vector is known and no unit is to be pooled from it."""
        if not job.spans and (job.key in self._cache or job.key in self._handed):
            return
        self._handed.add(job.key)
        self._waiting.append(job)

    def _submit(self) -> None:
        if self._waiting:
            jobs, self._waiting = self._waiting, []
            future = self._pool.submit(self._embedder.encode_with_spans, [j.text for j in jobs],
                                       [j.spans for j in jobs], self._batch_size)
            self._groups.append((jobs, future))


def _places(chunks: Sequence[Chunk], inputs: Sequence[str], starts: list[int],
            span: Span) -> list[tuple[int, int, int]]:
    """Where to pool a unit from: (chunk position, start, end in the chunk's input). The chunk that
    holds it whole with the most context around it; else every chunk holding part of it."""
    whole, parts = [], []
    j = bisect.bisect_left(starts, span.end) - 1
    while j >= 0 and chunks[j].end > span.start:
        c = chunks[j]
        offset = len(inputs[j]) - len(c.text)  # the input is the chunk text after an optional title header
        lo, hi = max(span.start, c.start) - c.start + offset, min(span.end, c.end) - c.start + offset
        parts.append((j, lo, hi))
        if c.start <= span.start and span.end <= c.end:
            margin = min(span.start - c.start, c.end - span.end)
            whole.append((margin, -j, (j, lo, hi)))
        j -= 1
    if whole:
        return [max(whole)[2]]
    return sorted(parts)


def previous_vectors(previous: IndexReader | None) -> dict[str, np.ndarray]:
    """Every vector of the previous build by its key (its unit vectors only if they were made as
    this build makes them)."""
    if previous is None:
        return {}
    units_alike = previous.manifest.unit_vectors == UNIT_VECTORS
    return {h: vector for kind, h, vector in previous.vectors_by_hash() if kind == "chunk" or units_alike}
