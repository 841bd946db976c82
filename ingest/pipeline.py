"""Build or update the index: load the corpus, chunk, embed what is new, write a new build, swap it in.

Incremental by default: a document whose cleaned text and metadata are unchanged keeps its chunks
and vectors; a changed document is chunked again and only chunks whose text is new (and the chunks
holding quote units whose place is new, whose vectors are pooled from their pass)
are embedded; a removed document's chunks leave the index. `full=True` re-embeds everything.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import citeqa.layout
import ingest.chunking
import ingest.units
from citeqa.embedding import TITLE_HEADER_TOKENS, Embedder, embedder_for, embedding_input
from citeqa.errors import IndexDamaged, IndexIncompatible, IndexMissing, NothingToIndex
from citeqa.progress import Progress
from citeqa.settings import Settings
from citeqa.types import Chunk, Document, Skipped, Span
from ingest.chunking import Chunker, ChunkingConfig
from ingest.load import LoadedCorpus, load_corpus
from ingest.units import quote_units
from ingest.vectors import BuildVectors, previous_vectors
from retrieval.store import (
    UNIT_VECTORS, IndexContent, IndexReader, Manifest, Store, StoredDocument, check_compatible, open_store, recipe_of,
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
            f"({self.sentences_embedded} quote-unit vectors pooled from them)",
        ]
        for name, ids in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            lines += [f"  {name}: {doc_id}" for doc_id in ids]
        lines += [f"  skipped: {s.path}: {s.reason}" for s in self.skipped]
        lines.append(f"  seconds: {self.seconds:.1f}")
        return "\n".join(lines)


def fingerprint(doc: Document) -> str:
    """What a document's chunks and quote units follow from: its text and metadata, and the code that splits it."""
    parts = [doc.title, doc.date or "", doc.text, splitting_code()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def splitting_code() -> str:
    """A hash of the code that splits documents into chunks and quote units. After an upgrade that changes it, the
    next build splits every document again (its vectors are reused wherever a chunk's input is unchanged): by its
    text alone a document would read as unchanged and keep the units the old rules made."""
    digest = hashlib.sha256()
    for module in (citeqa.layout, ingest.chunking, ingest.units):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


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
    old_docs = dict(previous.documents.items()) if previous else {}  # one query for all
    new_ids = {d.doc_id for d in loaded.documents}
    summary.removed = sorted(set(old_docs) - new_ids)
    stored = [StoredDocument(doc, fingerprint(doc)) for doc in loaded.documents]
    for d in stored:
        old = old_docs.get(d.document.doc_id)
        status = summary.added if old is None else summary.unchanged if old.fingerprint == d.fingerprint \
            else summary.changed
        status.append(d.document.doc_id)
    if (previous is not None and not summary.added and not summary.changed and not summary.removed
            and previous.manifest.unit_vectors == UNIT_VECTORS):
        summary.n_chunks = previous.manifest.n_chunks
        summary.seconds = time.perf_counter() - started
        return summary

    embedder = embedder_for(settings)  # the model loads only when something changed
    chunker = _chunker(settings, embedder)
    vectors = BuildVectors(embedder, previous_vectors(previous), settings.batch_size)
    unchanged = set(summary.unchanged)
    chunks: list[Chunk] = []
    sentences: list[tuple[str, Span]] = []
    chunk_keys: list[str] = []
    sentence_keys: list[str] = []
    try:
        for i, d in enumerate(stored):
            doc = d.document
            if doc.doc_id in unchanged:
                doc_chunks = [c for _, c in previous.chunks_of(doc.doc_id)]
                doc_sentences = [s for _, s in previous.sentences_of(doc.doc_id)]
            else:
                doc_chunks = chunker.split(doc.doc_id, doc.text)
                doc_sentences = quote_units(doc.text)
            chunks += doc_chunks
            sentences += [(doc.doc_id, s) for s in doc_sentences]
            doc_chunk_keys, doc_sentence_keys = vectors.add_document(
                doc.text, doc_chunks, [embedding_input(doc.title, c.text, embedder) for c in doc_chunks], doc_sentences)
            chunk_keys += doc_chunk_keys
            sentence_keys += doc_sentence_keys
            progress("chunk", i + 1, len(stored))
    except BaseException:
        vectors.cancel()
        raise
    vectors.finish(progress)
    summary.n_chunks = len(chunks)
    new = vectors.embedded
    summary.chunks_embedded = len(set(chunk_keys) & new)
    summary.sentences_embedded = len(set(sentence_keys) & new)
    summary.tokens_embedded = sum({h: c.n_tokens for c, h in zip(chunks, chunk_keys) if h in new}.values())
    manifest = Manifest(
        model=settings.model, embedder=settings.embedder, dimension=embedder.dimension,
        chunk_tokens=settings.chunk_tokens, chunk_overlap=settings.chunk_overlap,
        title_header_tokens=TITLE_HEADER_TOKENS, faiss_type="",
        corpus=str(settings.corpus), corpus_fingerprint=_corpus_fingerprint(stored),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        n_documents=len(stored), n_chunks=len(chunks), n_sentences=len(sentences), unit_vectors=UNIT_VECTORS,
    )
    if previous is not None:
        previous.close()  # everything is read from it: unread, its build can be removed by this publish
    progress("write", 0, 1)
    store.publish(IndexContent(
        manifest, stored, chunks, vectors.vectors(chunk_keys), chunk_keys, sentences, vectors.vectors(sentence_keys),
        sentence_keys))
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


def _corpus_fingerprint(stored: list[StoredDocument]) -> str:
    h = hashlib.sha256()
    for d in sorted(stored, key=lambda d: d.document.doc_id):
        h.update(f"{d.document.doc_id}\x1f{d.fingerprint}\n".encode())
    return h.hexdigest()[:32]
