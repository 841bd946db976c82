"""Build or update the index: load the corpus, chunk, embed what is new, write a new build, swap it in.

Incremental by default: a document whose cleaned text and metadata are unchanged keeps its chunks
and vectors; a changed document is chunked again and only chunks (and sentences) whose text is new
are embedded; a removed document's chunks leave the index. `full=True` re-embeds everything.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from citeqa.embedding import TITLE_HEADER_TOKENS, Embedder, embedder_for, embedding_input
from citeqa.errors import IndexDamaged, IndexIncompatible, IndexMissing, NothingToIndex
from citeqa.progress import Progress
from citeqa.settings import Settings
from citeqa.types import Chunk, Document, Skipped, Span
from ingest.chunking import Chunker, ChunkingConfig
from ingest.load import LoadedCorpus, load_corpus
from ingest.units import quote_units
from retrieval.store import (
    IndexContent, IndexReader, Manifest, Store, StoredDocument, check_compatible, open_store, recipe_of, text_hash,
)


@dataclass
class BuildSummary:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    n_chunks: int = 0
    chunks_embedded: int = 0
    sentences_embedded: int = 0
    tokens_embedded: int = 0
    seconds: float = 0.0
    wrote_index: bool = False
    index_path: str = ""

    def to_json(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if k != "skipped"}
        out["skipped"] = [{"path": s.path, "reason": s.reason} for s in self.skipped]
        return out

    def format(self) -> str:
        """The summary `citeqa index` prints and the chat shows after an upload or rebuild."""
        lines = [
            f"index {self.index_path}: {'written' if self.wrote_index else 'already up to date'}",
            f"  documents: {len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, {len(self.skipped)} skipped",
            f"  chunks: {self.n_chunks} in the index, {self.chunks_embedded} embedded now "
            f"({self.sentences_embedded} sentences)",
        ]
        for name, ids in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            lines += [f"  {name}: {doc_id}" for doc_id in ids]
        lines += [f"  skipped: {s.path}: {s.reason}" for s in self.skipped]
        lines.append(f"  seconds: {self.seconds:.1f}")
        return "\n".join(lines)


def fingerprint(doc: Document) -> str:
    return hashlib.sha256("\x1f".join([doc.title, doc.date or "", doc.text]).encode()).hexdigest()[:32]


def build_index(settings: Settings, full: bool = False, progress: Progress | None = None,
                corpus: LoadedCorpus | None = None) -> BuildSummary:
    """Build or update the index at settings.index from settings.corpus (or from `corpus`,
    documents already loaded elsewhere, e.g. a BEIR corpus.jsonl). One build at a time per index."""
    with contextlib.closing(open_store(settings)) as store, store.build_lock():
        return _build_into(store, settings, full, progress, corpus)


def build_index_locked(settings: Settings, full: bool = False, progress: Progress | None = None,
                       corpus: LoadedCorpus | None = None) -> BuildSummary:
    """`build_index` for a caller that holds the store's build lock already (an upload holds it from
    before its files move into the corpus until the index is updated)."""
    with contextlib.closing(open_store(settings)) as store:
        return _build_into(store, settings, full, progress, corpus)


def _build_into(store: Store, settings: Settings, full: bool, progress: Progress | None,
                corpus: LoadedCorpus | None) -> BuildSummary:
    started = time.perf_counter()
    progress = progress or (lambda stage, done, total: None)
    loaded = corpus if corpus is not None else load_corpus(settings.corpus)
    summary = BuildSummary(skipped=loaded.skipped, index_path=store.location)
    if not loaded.documents:
        raise NothingToIndex(
            f"nothing to index in {settings.corpus}: no readable documents "
            f"({len(loaded.skipped)} skipped). The index was left as it was."
        )
    previous = None if full else _open_previous(store, settings)
    try:
        return _build(settings, store, loaded, previous, summary, progress, started)
    finally:
        if previous is not None:
            previous.close()


def _build(settings: Settings, store: Store, loaded: LoadedCorpus, previous: IndexReader | None,
           summary: BuildSummary, progress: Progress, started: float) -> BuildSummary:
    load_embedder = functools.cache(lambda: embedder_for(settings))  # the model loads only when something changed
    chunker = functools.cache(lambda: _chunker(settings, load_embedder()))

    old_docs = previous.documents if previous else {}
    new_ids = {d.doc_id for d in loaded.documents}
    summary.removed = sorted(set(old_docs) - new_ids)
    chunks: list[Chunk] = []
    sentences: list[tuple[str, Span]] = []
    stored: list[StoredDocument] = []
    for i, doc in enumerate(loaded.documents):
        fp = fingerprint(doc)
        old = old_docs.get(doc.doc_id)
        if old is None:
            summary.added.append(doc.doc_id)
        elif old.fingerprint == fp:
            summary.unchanged.append(doc.doc_id)
        else:
            summary.changed.append(doc.doc_id)
        if old is not None and old.fingerprint == fp:
            chunks.extend(c for _, c in previous.chunks_of(doc.doc_id))
            sentences.extend((doc.doc_id, s) for _, s in previous.sentences_of(doc.doc_id))
        else:
            chunks.extend(chunker().split(doc.doc_id, doc.text))
            sentences.extend((doc.doc_id, s) for s in quote_units(doc.text))
        stored.append(StoredDocument(doc, fp))
        progress("chunk", i + 1, len(loaded.documents))
    summary.n_chunks = len(chunks)

    nothing_changed = (
        previous is not None and not summary.added and not summary.changed and not summary.removed
    )
    if nothing_changed:
        summary.seconds = time.perf_counter() - started
        return summary

    embedder = load_embedder()
    titles = {d.document.doc_id: d.document.title for d in stored}
    texts = {d.document.doc_id: d.document.text for d in stored}
    cache = _vector_cache(previous)
    chunk_inputs = [embedding_input(titles[c.doc_id], c.text, embedder) for c in chunks]
    chunk_keys, chunk_vectors, summary.chunks_embedded, summary.tokens_embedded = _embed_missing(
        chunk_inputs, cache.get("chunk", {}), embedder, settings.batch_size, progress, "embed chunks",
        [c.n_tokens for c in chunks],
    )
    sentence_texts = [texts[doc_id][s.start : s.end] for doc_id, s in sentences]
    sentence_keys, sentence_vectors, summary.sentences_embedded, _ = _embed_missing(
        sentence_texts, cache.get("sentence", {}), embedder, settings.batch_size, progress, "embed sentences",
    )
    manifest = Manifest(
        model=settings.model, embedder=settings.embedder, dimension=embedder.dimension,
        chunk_tokens=settings.chunk_tokens, chunk_overlap=settings.chunk_overlap,
        title_header_tokens=TITLE_HEADER_TOKENS, faiss_type="",
        corpus=str(settings.corpus), corpus_fingerprint=_corpus_fingerprint(stored),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        n_documents=len(stored), n_chunks=len(chunks), n_sentences=len(sentences),
    )
    if previous is not None:
        previous.close()  # everything is read from it: unread, its build can be removed by this publish
    progress("write", 0, 1)
    store.publish(IndexContent(
        manifest, stored, chunks, chunk_vectors, chunk_keys, sentences, sentence_vectors, sentence_keys))
    progress("write", 1, 1)
    summary.wrote_index = True
    summary.seconds = time.perf_counter() - started
    return summary


def _chunker(settings: Settings, embedder: Embedder) -> Chunker:
    config = ChunkingConfig(settings.chunk_tokens, settings.chunk_overlap, embedder.max_tokens)
    return Chunker(config, embedder.count_tokens)


def _open_previous(store: Store, settings: Settings) -> IndexReader | None:
    """The current index if it can seed an incremental build; a damaged one is ignored (rebuilt whole)."""
    if store.current_version() is None:
        return None
    try:
        previous = store.open_reader()
    except (IndexMissing, IndexDamaged):
        return None
    except IndexIncompatible as exc:
        raise IndexIncompatible(str(exc)) from None
    try:
        check_compatible(previous.manifest, recipe_of(settings), store.location)
    except IndexIncompatible:
        previous.close()
        raise
    return previous


def _vector_cache(previous: IndexReader | None) -> dict[str, dict[str, np.ndarray]]:
    cache: dict[str, dict[str, np.ndarray]] = {"chunk": {}, "sentence": {}}
    if previous is not None:
        for kind, h, vector in previous.vectors_by_hash():
            cache[kind][h] = vector
    return cache


def _embed_missing(texts, cache, embedder, batch_size, progress, stage, n_tokens=None):
    """Vectors for `texts`, embedding only those whose hash is not cached.

    Returns (hashes, vectors, how many were embedded, their tokens)."""
    hashes = [text_hash(t) for t in texts]
    vectors = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    missing: dict[str, int] = {}
    for i, h in enumerate(hashes):
        if h in cache:
            vectors[i] = cache[h]
        else:
            missing.setdefault(h, i)
    todo = list(missing.values())
    if todo:
        fresh = embedder.encode([texts[i] for i in todo], batch_size, lambda d, t: progress(stage, d, t))
        by_hash = {hashes[i]: v for i, v in zip(todo, fresh)}
        for i, h in enumerate(hashes):
            if h in by_hash:
                vectors[i] = by_hash[h]
    tokens = sum(n_tokens[i] for i in todo) if n_tokens else 0
    return hashes, vectors, len(todo), tokens


def _corpus_fingerprint(stored: list[StoredDocument]) -> str:
    h = hashlib.sha256()
    for d in sorted(stored, key=lambda d: d.document.doc_id):
        h.update(f"{d.document.doc_id}\x1f{d.fingerprint}\n".encode())
    return h.hexdigest()[:32]
