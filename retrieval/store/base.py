"""The store boundary: what ingest writes and retrieval reads, whatever holds it.

Two backends implement it: `local` (FAISS files and one SQLite database in a folder, the default)
and `milvus` (Milvus Lite in a file, or a Milvus server or cluster by URI). Nothing above this
boundary imports faiss, sqlite3 or pymilvus.

Ids: a build numbers its chunks and sentences 0..n-1 in the order ingest gives them; searches and
lookups speak those ids. Offsets are character offsets into a document's cleaned text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import ContextManager, Iterator, Mapping, Protocol, Sequence

import numpy as np

from citeqa.errors import IndexIncompatible
from citeqa.types import Chunk, Document, Filters, Span

FORMAT_VERSION = 3
UNIT_VECTORS = "pooled"  # what a build makes now; an index made otherwise is brought up to it by the next build


# HNSW parameters of both backends' large indexes (FAISS for `local`, Milvus's own), so they rank alike.
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


def text_hash(text: str) -> str:
    """The content key of an embedded text: an unchanged text is never embedded twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Manifest:
    model: str
    embedder: str  # the embedder backend that made the vectors (onnx-int8, onnx, torch)
    dimension: int
    chunk_tokens: int
    chunk_overlap: int
    title_header_tokens: int
    faiss_type: str  # the dense index type of the chunk vectors ("flat", "hnsw", or the backend's)
    corpus: str
    corpus_fingerprint: str
    built_at: str
    n_documents: int
    n_chunks: int
    n_sentences: int
    format_version: int = FORMAT_VERSION
    # How the quote units' vectors were made: "pooled" from their chunk's pass (ingest/vectors.py), or
    # "alone" (each unit encoded by itself: indexes built before 2026-11-29, which wrote no such field).
    unit_vectors: str = "alone"

    def chunking(self) -> tuple[int, int, int]:
        return (self.chunk_tokens, self.chunk_overlap, self.title_header_tokens)


@dataclass(frozen=True)
class IndexRecipe:
    """What an index must have been built with for the current settings to read it."""

    model: str
    embedder: str
    chunk_tokens: int
    chunk_overlap: int
    title_header_tokens: int


def check_compatible(manifest: Manifest, recipe: IndexRecipe, location: str) -> None:
    """Refuse an index built another way: its vectors or chunks would not match the question's."""
    m = manifest
    if (m.model, m.embedder) != (recipe.model, recipe.embedder) or m.chunking() != (
            recipe.chunk_tokens, recipe.chunk_overlap, recipe.title_header_tokens):
        raise IndexIncompatible(
            f"the index at {location} was built with model {m.model!r} (embedder {m.embedder}) and chunks of "
            f"{m.chunk_tokens} tokens (overlap {m.chunk_overlap}); the settings ask for model {recipe.model!r} "
            f"(embedder {recipe.embedder}) and chunks of {recipe.chunk_tokens} (overlap {recipe.chunk_overlap}). "
            "Rebuild it with `citeqa index --full`, or set CITEQA_MODEL / CITEQA_EMBEDDER / CITEQA_CHUNK_TOKENS / "
            "CITEQA_CHUNK_OVERLAP back to what it was built with."
        )


@dataclass(frozen=True)
class StoredDocument:
    document: Document
    fingerprint: str  # hash of cleaned text and metadata: unchanged means nothing to re-embed


@dataclass(frozen=True)
class IndexContent:
    """Everything one build writes."""

    manifest: Manifest
    documents: Sequence[StoredDocument]
    chunks: Sequence[Chunk]  # chunk_id = position
    chunk_vectors: np.ndarray
    chunk_keys: Sequence[str]  # text_hash of what was embedded: the cache key of an incremental build
    sentences: Sequence[tuple[str, Span]]  # (doc_id, span); sentence_id = position
    sentence_vectors: np.ndarray
    sentence_keys: Sequence[str]  # the cache key of each unit's vector: its place in its chunk (ingest/vectors.py)


def sentence_chunks(chunks: Sequence[Chunk], sentences: Sequence[tuple[str, Span]]) -> list[int]:
    """For each sentence, the id of the chunk that holds most of it (chunks of a document are in order)."""
    by_doc: dict[str, list[tuple[int, Chunk]]] = {}
    for cid, c in enumerate(chunks):
        by_doc.setdefault(c.doc_id, []).append((cid, c))
    out = []
    for doc_id, span in sentences:
        best = max(by_doc[doc_id], key=lambda ic: min(ic[1].end, span.end) - max(ic[1].start, span.start))
        out.append(best[0])
    return out


Hits = list[tuple[int, float]]  # (chunk id, score), best first


class IndexReader(Protocol):
    """A read-only view of one published build. Thread-safe."""

    manifest: Manifest
    version: str  # names the build; a new build has a new version
    documents: Mapping[str, StoredDocument]

    def chunks(self, chunk_ids: Sequence[int]) -> dict[int, Chunk]: ...

    def chunks_of(self, doc_id: str) -> list[tuple[int, Chunk]]: ...

    def sentences_within(self, doc_id: str, start: int, end: int) -> list[tuple[int, Span]]:
        """Sentences that overlap [start, end) of a document, in order."""

    def sentences_of(self, doc_id: str) -> list[tuple[int, Span]]: ...

    def sentences_within_spans(self, spans: Sequence[tuple[str, int, int]]) -> list[list[tuple[int, Span]]]:
        """`sentences_within` for several (doc_id, start, end) at once: one round trip for an answer's passages."""

    def chunk_vectors(self, chunk_ids: Sequence[int]) -> np.ndarray: ...

    def sentence_vectors(self, sentence_ids: Sequence[int]) -> np.ndarray: ...

    def dense_search(self, query: np.ndarray, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by cosine similarity, the filters applied inside the search."""

    def sentence_search(self, query: np.ndarray, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by their best sentence's cosine similarity, the filters applied inside the search."""

    def lexical_search(self, query: str, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by BM25 over title and text, the filters applied inside the search."""

    def term_document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """How many chunks contain each word (after the lexical index's stemming); the words not counted
        before are counted in one round trip."""

    def vectors_by_hash(self) -> Iterator[tuple[str, str, np.ndarray]]:
        """(kind "chunk" or "sentence", text hash, vector) of every stored vector, for incremental builds."""

    def close(self) -> None:
        """Release the build: a later build may then remove it. Documents and manifest stay readable."""


class Store(Protocol):
    """Where builds are published and read. One build at a time; a published build is whole."""

    location: str  # for messages: a folder, a Milvus Lite file, a server URI

    def current_version(self) -> str | None:
        """The published build's version, or None if nothing was published yet. Cheap: called per question."""

    def open_reader(self) -> IndexReader: ...

    def build_lock(self) -> ContextManager:
        """Held while a build (or an upload, from its first file to its index update) runs: a second one
        of the same index is refused at once with `citeqa.errors.IndexBusy`."""

    def publish(self, content: IndexContent) -> str:
        """Write a complete build and make it current atomically (readers see the old or the new one,
        a crash leaves the old one); returns the new version."""

    def close(self) -> None:
        """Release connections (a Milvus Lite file is freed for other processes once no store here uses it)."""
