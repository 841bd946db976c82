"""Build or update the index: load the corpus, chunk, embed what is new, write a new build, swap it in.

Incremental by default: a document whose cleaned text and metadata are unchanged keeps its chunks
and vectors; a changed document is chunked again and only chunks (and sentences) whose text is new
are embedded; a removed document's chunks leave the index. `full=True` re-embeds everything.
"""

from __future__ import annotations

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
from ingest.sentences import sentence_spans
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
    documents already loaded elsewhere, e.g. a BEIR corpus.jsonl)."""
    started = time.perf_counter()
    progress = progress or (lambda stage, done, total: None)
    store = open_store(settings)
    with store.build_lock():
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

    old_docs = dict(previous.documents.items()) if previous else {}  # one query for all
    new_ids = {d.doc_id for d in loaded.documents}
    summary.removed = sorted(set(old_docs) - new_ids)
    stored = [StoredDocument(doc, fingerprint(doc)) for doc in loaded.documents]
    for d in stored:
        old = old_docs.get(d.document.doc_id)
        status = summary.added if old is None else summary.unchanged if old.fingerprint == d.fingerprint \
            else summary.changed
        status.append(d.document.doc_id)
    if previous is not None and not summary.added and not summary.changed and not summary.removed:
        summary.n_chunks = previous.manifest.n_chunks
        summary.seconds = time.perf_counter() - started
        return summary

    unchanged = set(summary.unchanged)
    chunks: list[Chunk] = []
    sentences: list[tuple[str, Span]] = []
    for i, d in enumerate(stored):
        doc = d.document
        if doc.doc_id in unchanged:
            chunks.extend(c for _, c in previous.chunks_of(doc.doc_id))
            sentences.extend((doc.doc_id, s) for _, s in previous.sentences_of(doc.doc_id))
        else:
            chunks.extend(chunker().split(doc.doc_id, doc.text))
            sentences.extend((doc.doc_id, s) for s in sentence_spans(doc.text))
        progress("chunk", i + 1, len(stored))
    summary.n_chunks = len(chunks)

    embedder = load_embedder()
    titles = {d.document.doc_id: d.document.title for d in stored}
    texts = {d.document.doc_id: d.document.text for d in stored}
    chunk_inputs = [embedding_input(titles[c.doc_id], c.text, embedder) for c in chunks]
    sentence_texts = [texts[doc_id][s.start : s.end] for doc_id, s in sentences]
    keys, vectors, new = _embed_missing({"chunk": chunk_inputs, "sentence": sentence_texts}, _vector_cache(previous),
                                        embedder, settings.batch_size, progress)
    summary.chunks_embedded = len(set(keys["chunk"]) & new)
    summary.sentences_embedded = len(set(keys["sentence"]) & new)
    tokens = {h: c.n_tokens for c, h in zip(chunks, keys["chunk"]) if h in new}
    summary.tokens_embedded = sum(tokens.values())
    manifest = Manifest(
        model=settings.model, embedder=settings.embedder, dimension=embedder.dimension,
        chunk_tokens=settings.chunk_tokens, chunk_overlap=settings.chunk_overlap,
        title_header_tokens=TITLE_HEADER_TOKENS, faiss_type="",
        corpus=str(settings.corpus), corpus_fingerprint=_corpus_fingerprint(stored),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        n_documents=len(stored), n_chunks=len(chunks), n_sentences=len(sentences),
    )
    progress("write", 0, 1)
    store.publish(IndexContent(
        manifest, stored, chunks, vectors["chunk"], keys["chunk"], sentences, vectors["sentence"], keys["sentence"]))
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


def _vector_cache(previous: IndexReader | None) -> dict[str, np.ndarray]:
    """Every vector of the previous build by the hash of its text (a text has one vector, whether it
    was embedded as a chunk or as a sentence)."""
    if previous is None:
        return {}
    return {h: vector for _, h, vector in previous.vectors_by_hash()}


def _embed_missing(texts: dict[str, list[str]], cache: dict[str, np.ndarray], embedder: Embedder,
                   batch_size: int, progress: Progress
                   ) -> tuple[dict[str, list[str]], dict[str, np.ndarray], set[str]]:
    """Vectors for the texts of every kind (chunk inputs, sentences), embedding only those no earlier
    build has. The new texts of all kinds go to the embedder as one pass, each distinct text once, so
    its length-sorted batches mix short sentences and long chunks without half-empty batches.

    Returns the text hashes and vectors of each kind (in the order given) and the hashes embedded now."""
    hashes = {kind: [text_hash(t) for t in items] for kind, items in texts.items()}
    todo: dict[str, str] = {}  # hash -> text, first seen first
    for kind, items in texts.items():
        for h, text in zip(hashes[kind], items):
            if h not in cache:
                todo.setdefault(h, text)
    fresh: dict[str, np.ndarray] = {}
    if todo:
        fresh = dict(zip(todo, embedder.encode(list(todo.values()), batch_size,
                                               lambda done, total: progress("embed", done, total))))
    vectors = {}
    for kind, keys in hashes.items():
        vectors[kind] = np.zeros((len(keys), embedder.dimension), dtype=np.float32)
        for i, h in enumerate(keys):
            vectors[kind][i] = fresh[h] if h in fresh else cache[h]
    return hashes, vectors, set(todo)


def _corpus_fingerprint(stored: list[StoredDocument]) -> str:
    h = hashlib.sha256()
    for d in sorted(stored, key=lambda d: d.document.doc_id):
        h.update(f"{d.document.doc_id}\x1f{d.fingerprint}\n".encode())
    return h.hexdigest()[:32]
