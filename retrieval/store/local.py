"""The `local` store: FAISS files and one SQLite database in a folder. The default backend.

Layout of an index folder:

    INDEX/current -> builds/<build-id>      a symlink, swapped atomically when a build completes
    INDEX/builds/<build-id>/index.sqlite    documents, chunks, sentences, word document frequencies, manifest
    INDEX/builds/<build-id>/bm25/           the BM25 index of chunks (retrieval/store/bm25.py)
    INDEX/builds/<build-id>/chunks.faiss    the FAISS index of chunk vectors (row i = chunk_id i)
    INDEX/builds/<build-id>/sentences.faiss the FAISS index of sentence vectors (row i = sentence_id i)
    INDEX/builds/<build-id>/chunk_vectors.npy, sentence_vectors.npy   unit-length float32 rows
    INDEX/builds/<build-id>/COMPLETE        written last; a build without it never becomes current

A build writes a new folder and swaps the `current` link with one rename(2), so a reader always
sees a whole index and a crash or SIGKILL mid-build leaves the previous index as it was.

Lifetime of a build: every open reader holds a shared flock on its build folder (in any process;
the kernel drops it when the process dies). After a build is published, older builds are removed
only if an exclusive lock on them can be had at once, so a build is never deleted under a reader:
one still read is left for a later build to remove.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sqlite3
import threading
import time
import weakref
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

from citeqa.errors import CiteqaError, IndexDamaged, IndexIncompatible, IndexMissing
from citeqa.types import Chunk, Document, Filters, Span
from retrieval.store.base import (FORMAT_VERSION, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M, Hits, IndexContent,
                                  Manifest, StoredDocument, sentence_chunks)
from retrieval.store.bm25 import FOLDER as BM25_FOLDER
from retrieval.store.bm25 import Bm25Index, write_bm25
from retrieval.store.lexical import chunk_words, index_words, query_words
from retrieval.store.lock import BuildLock
from retrieval.store.pool import SEARCH_THREADS, in_background

SQLITE_MAX_VARIABLES = 900  # below SQLite's default limit of 999 bound parameters a statement
DF_CACHE_TERMS = 50_000  # document frequencies remembered per reader (the oldest forgotten first)
FILTER_CACHE_SIZE = 16  # filters whose allowed rows a reader remembers (a chat keeps its filters between questions)
# An exact scan of this many vectors or more is split over the search threads: two halves side by side took 1.2 ms
# against 1.7 ms for one scan of 20,000 x 384, 5.9 against 9.0 ms of 100,000 (2026-12-07, this machine's 2 cores).
SPLIT_SCAN_ROWS = 20_000
FILTERED_EXACT_MAX = 50_000  # a filter allowing more vectors of an HNSW index searches the graph with the filter inside
FILTERED_EF_MAX = 2_048  # the widest beam of such a search (see _filtered_hnsw_search)

SCHEMA = """
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, source_path TEXT NOT NULL,
    content_hash TEXT NOT NULL, size INTEGER NOT NULL, format TEXT NOT NULL, fingerprint TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE chunks (
    chunk_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, n_tokens INTEGER NOT NULL, text_hash TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX chunks_by_doc ON chunks(doc_id, start);
CREATE TABLE sentences (
    sentence_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text_hash TEXT NOT NULL, chunk_id INTEGER NOT NULL  -- the chunk holding most of the sentence
);
CREATE INDEX sentences_by_doc ON sentences(doc_id, start);
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;  -- chunks whose text holds it
"""


class LocalStore:
    """The `local` backend of the Store boundary: builds in `root`, the current one behind a symlink."""

    def __init__(self, root: Path, exact_index_max: int = 100_000):
        self.root = root
        self.location = str(root)
        self.exact_index_max = exact_index_max

    def current_version(self) -> str | None:
        build = current_build(self.root)
        return None if build is None else build.name

    def open_reader(self) -> "LocalIndexReader":
        return LocalIndexReader(self.root)

    def build_lock(self) -> "BuildLock":
        return BuildLock(self.root)

    def publish(self, content: IndexContent) -> str:
        return write_index(self.root, content, self.exact_index_max).name

    def close(self) -> None:
        """Nothing to release: readers hold their own files."""


def current_build(root: Path) -> Path | None:
    link = root / "current"
    if not link.is_symlink() and not link.exists():
        return None
    target = link.resolve()
    return target if (target / "COMPLETE").exists() else None


def write_index(root: Path, content: IndexContent, exact_index_max: int) -> Path:
    """Write a new build folder and make it current atomically. Call under BuildLock."""
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(root)
    build = builds / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{os.getpid()}-{os.urandom(3).hex()}"
    build.mkdir()
    faiss_type = _write_files(build, content, exact_index_max)
    (build / "COMPLETE").write_text(json.dumps({"faiss_type": faiss_type}))
    _fsync_dir(build)
    tmp_link = root / f".current.{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        tmp_link.unlink()
    os.symlink(os.path.relpath(build, root), tmp_link)
    os.replace(tmp_link, root / "current")
    _fsync_dir(root)
    _remove_unread_builds(root)
    return build


def _write_files(build: Path, content: IndexContent, exact_index_max: int) -> str:
    import faiss

    m = content.manifest
    index_types = {}
    for name, vectors in (("chunk", content.chunk_vectors), ("sentence", content.sentence_vectors)):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(vectors) <= exact_index_max:
            index, index_types[name] = faiss.IndexFlatIP(m.dimension), "flat"
        else:
            index, index_types[name] = faiss.IndexHNSWFlat(m.dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT), "hnsw"
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.add(vectors)
        faiss.write_index(index, str(build / f"{name}s.faiss"))
        np.save(build / f"{name}_vectors.npy", vectors)

    db = sqlite3.connect(build / "index.sqlite")
    try:
        db.executescript(SCHEMA)
        manifest = asdict(m) | {"faiss_type": index_types["chunk"]}
        db.executemany("INSERT INTO manifest VALUES (?, ?)", [(k, json.dumps(v)) for k, v in manifest.items()])
        db.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.document.doc_id, d.document.title, d.document.date, d.document.source_path, d.document.content_hash,
              d.document.size, d.document.format, d.fingerprint, d.document.text) for d in content.documents],
        )
        db.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(i, c.doc_id, c.ordinal, c.start, c.end, c.n_tokens, key, c.text)
             for i, (c, key) in enumerate(zip(content.chunks, content.chunk_keys, strict=True))],
        )
        frequencies: Counter = Counter()
        write_bm25(build / BM25_FOLDER, chunk_words(content, frequencies))
        db.executemany("INSERT INTO terms VALUES (?, ?)", frequencies.items())
        holder = sentence_chunks(content.chunks, content.sentences)
        db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
            [(i, doc_id, s.start, s.end, key, holder[i])
             for i, ((doc_id, s), key) in enumerate(zip(content.sentences, content.sentence_keys, strict=True))],
        )
        db.commit()
    finally:
        db.close()
    return index_types["chunk"]  # the manifest names the chunk index's type


def _fsync_dir(path: Path) -> None:
    """Flush a folder's files (and its subfolders', such as the BM25 index) and the folder itself."""
    for f in [*path.iterdir(), path] if path.is_dir() else [path]:
        if f.is_symlink():
            continue
        if f.is_dir() and f != path:
            _fsync_dir(f)
            continue
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale_builds(root: Path) -> None:
    """Builds that never completed (a crash or kill mid-build) are removed by the next build."""
    for build in (root / "builds").iterdir():
        if not (build / "COMPLETE").exists():
            shutil.rmtree(build, ignore_errors=True)


def _remove_unread_builds(root: Path) -> None:
    """Remove the complete builds that are not current and that no reader holds open (see the module
    docstring); a build still read stays until a later build finds it unread."""
    current = current_build(root)  # resolved: compare resolved paths (the index folder may be relative)
    for build in (root / "builds").iterdir():
        if build.resolve() == current or not (build / "COMPLETE").exists():
            continue
        try:
            fd = os.open(build, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            (build / "COMPLETE").unlink()  # first, so a reader that locks it after us sees it is gone
            shutil.rmtree(build, ignore_errors=True)
        finally:
            os.close(fd)


class _Lease:
    """A reader's hold on its build: a shared flock on the build folder, and the SQLite connections
    the reader's threads opened. Released by `close()`, or when the reader is garbage-collected."""

    def __init__(self, fd: int):
        self.fd: int | None = fd
        self.connections: list[sqlite3.Connection] = []
        self.lock = threading.Lock()

    def release(self) -> None:
        with self.lock:
            for db in self.connections:
                db.close()
            self.connections.clear()
            if self.fd is not None:
                os.close(self.fd)  # closing the descriptor drops the flock
                self.fd = None


def lease_current_build(root: Path) -> tuple[Path, _Lease]:
    """The current build, locked shared so that no later build removes it while it is read."""
    for _ in range(10):
        build = current_build(root)
        if build is None:
            raise IndexMissing(f"no index at {root}: build one with `citeqa index` (or `make run`).")
        try:
            fd = os.open(build, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            continue  # removed between reading the link and opening it: a newer build is current
        fcntl.flock(fd, fcntl.LOCK_SH)
        if (build / "COMPLETE").exists():
            return build, _Lease(fd)
        os.close(fd)
    raise IndexDamaged(f"the index at {root} keeps changing under this reader; try again.")


class LazyDocuments(Mapping[str, StoredDocument]):
    """The documents of a build, read from SQLite when asked for: a question reads the few documents
    its passages come from, not every document's text (what a cold `citeqa ask` would otherwise pay for
    a large corpus). Iterating `items()` or `values()` reads them all in one query."""

    _COLUMNS = "doc_id, title, date, source_path, content_hash, size, format, fingerprint, text"

    def __init__(self, db):
        self._db = db  # () -> sqlite3.Connection of the calling thread
        self._loaded: dict[str, StoredDocument] = {}
        self._ids: list[str] | None = None
        self._all = False

    def __getitem__(self, doc_id: str) -> StoredDocument:
        found = self._loaded.get(doc_id)
        if found is None and not self._all:
            rows = self._db().execute(f"SELECT {self._COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,))
            for row in rows:
                found = self._loaded[doc_id] = self._stored(row)
        if found is None:
            raise KeyError(doc_id)
        return found

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._loaded or doc_id in self._id_set()

    def __iter__(self) -> Iterator[str]:
        return iter(self._id_list())

    def __len__(self) -> int:
        return len(self._id_list())

    def items(self):
        self._load_all()
        return self._loaded.items()

    def values(self):
        self._load_all()
        return self._loaded.values()

    def _load_all(self) -> None:
        if not self._all:
            rows = self._db().execute(f"SELECT {self._COLUMNS} FROM documents ORDER BY doc_id")
            self._loaded = {row[0]: self._stored(row) for row in rows}
            self._all = True

    def _id_list(self) -> list[str]:
        if self._ids is None:
            self._ids = [r[0] for r in self._db().execute("SELECT doc_id FROM documents ORDER BY doc_id")]
            self._id_lookup = set(self._ids)
        return self._ids

    def _id_set(self) -> set[str]:
        self._id_list()
        return self._id_lookup

    @staticmethod
    def _stored(r: tuple) -> StoredDocument:
        return StoredDocument(Document(r[0], r[1], r[8], r[3], r[4], r[5], r[6], r[2]), r[7])


class ExactIndex:
    """Exact inner-product search over memory-mapped vectors, what FAISS's IndexFlatIP computes, without
    importing FAISS or reading its copy of the vectors: opening costs nothing, whatever the size."""

    def __init__(self, vectors: np.ndarray):
        self.vectors = vectors
        self.ntotal, self.d = vectors.shape

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores = self._scores(queries[0])
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return scores[top][None, :], top[None, :].astype(np.int64)

    def _scores(self, query: np.ndarray) -> np.ndarray:
        """Every vector's inner product with the query. einsum runs on the calling thread; `@` hands a matrix-vector
        product to OpenBLAS's threads, which wait for a busy second core (28,000 x 384: 3.7 ms against 8.0 ms p50,
        measured 2026-11-25 under load). From SPLIT_SCAN_ROWS vectors the scan is cut in parts, one per search thread
        (retrieval/store/pool.py), each row's product the same as in one scan."""
        if self.ntotal < SPLIT_SCAN_ROWS:
            return _products(self.vectors, query)
        bounds = np.linspace(0, self.ntotal, SEARCH_THREADS + 1).astype(int)
        parts = [in_background(_products, self.vectors[lo:hi], query) for lo, hi in zip(bounds[1:-1], bounds[2:])]
        first = _products(self.vectors[: bounds[1]], query)
        return np.concatenate([first, *(part.result() for part in parts)])


def _products(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    return np.einsum("ij,j->i", vectors, query).astype(np.float32, copy=False)


FLAT_FOURCC = b"IxFI"  # the first bytes faiss.write_index writes for an IndexFlatIP


def open_vector_index(path: Path, vectors: np.ndarray):
    """The dense index of a build: an exact index over the memory-mapped vectors where FAISS's file is a
    flat index, else the FAISS index memory-mapped (its vectors are paged in as searches touch them)."""
    with open(path, "rb") as f:
        if f.read(4) == FLAT_FOURCC:
            return ExactIndex(vectors)
    import faiss

    # Searches are one query at a time: OpenMP threads only add overhead, and on a busy machine
    # wait for a core (measured by eval/bench_faiss.py: 16 ms with 2 threads, 0.2-0.7 ms with 1).
    faiss.omp_set_num_threads(1)
    index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index


class LocalIndexReader:
    """A read-only view of one complete build. Thread-safe: each thread gets its own SQLite connection."""

    def __init__(self, root: Path):
        self.root = root
        build, self._lease = lease_current_build(root)
        self._release = weakref.finalize(self, self._lease.release)
        self.build = build
        self.version = build.name
        self._df_cache: dict[str, int] = {}  # a build never changes; at most DF_CACHE_TERMS, oldest forgotten first
        self._df_lock = threading.Lock()
        self._filter_cache: dict[tuple[str, Filters], np.ndarray] = {}  # oldest forgotten first
        self._filter_lock = threading.Lock()
        self._holders: np.ndarray | None = None  # each sentence's chunk, read at the first filtered search
        try:
            self._local = threading.local()
            rows = self._db().execute("SELECT key, value FROM manifest").fetchall()
            values = {k: json.loads(v) for k, v in rows}
            if values.get("format_version") != FORMAT_VERSION:
                raise IndexIncompatible(
                    f"the index at {root} has format {values.get('format_version')}, this citeqa reads format "
                    f"{FORMAT_VERSION}: rebuild it with `citeqa index --full`."
                )
            self.manifest = Manifest(**values)
            self.documents = LazyDocuments(self._db)
            self._chunk_vectors = np.load(build / "chunk_vectors.npy", mmap_mode="r")
            self._sentence_vectors = np.load(build / "sentence_vectors.npy", mmap_mode="r")
            self.faiss_index = open_vector_index(build / "chunks.faiss", self._chunk_vectors)
            self.sentence_index = open_vector_index(build / "sentences.faiss", self._sentence_vectors)
            if not Bm25Index.exists(build / BM25_FOLDER):
                raise FileNotFoundError(f"{build / BM25_FOLDER} is incomplete")
            self._bm25 = Bm25Index(build / BM25_FOLDER, len(self._chunk_vectors))
        except CiteqaError:
            self.close()
            raise
        except (sqlite3.Error, RuntimeError, ValueError, OSError, TypeError, KeyError, EOFError) as exc:
            self.close()
            raise IndexDamaged(
                f"the index at {root} is damaged ({type(exc).__name__}: {str(exc)[:200]}): "
                "rebuild it with `citeqa index --full`."
            ) from None
        m = self.manifest
        if not (self.faiss_index.ntotal == len(self._chunk_vectors) == m.n_chunks
                and len(self._sentence_vectors) == self.sentence_index.ntotal == m.n_sentences
                and self._chunk_vectors.shape[1] == m.dimension):
            self.close()
            raise IndexDamaged(
                f"the index at {root} is damaged (vector counts do not match the manifest): "
                "rebuild it with `citeqa index --full`."
            )

    def _db(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections are not shared between threads)."""
        db = getattr(self._local, "db", None)
        if db is None:
            uri = f"file:{self.build / 'index.sqlite'}?mode=ro&immutable=1"
            with self._lease.lock:
                if self._lease.fd is None:
                    raise RuntimeError(f"this reader of {self.build} was closed")
                db = sqlite3.connect(uri, uri=True, check_same_thread=False)
                self._lease.connections.append(db)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails fast on a damaged file
            self._local.db = db
        return db

    def close(self) -> None:
        """Close every thread's connection and release the build (a later build may then remove it).
        The documents and the manifest, held in memory, stay readable."""
        self._release()
        self._local = threading.local()

    # --- reading chunks, sentences and vectors ----------------------------------------------------

    def chunks(self, chunk_ids: Iterable[int]) -> dict[int, Chunk]:
        ids = list(dict.fromkeys(int(i) for i in chunk_ids))
        rows = self._rows_where(
            'SELECT chunk_id, doc_id, ordinal, start, "end", text, n_tokens FROM chunks WHERE chunk_id IN ({})', ids)
        return {r[0]: Chunk(r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows}

    def chunks_of(self, doc_id: str) -> list[tuple[int, Chunk]]:
        rows = self._db().execute(
            'SELECT chunk_id, doc_id, ordinal, start, "end", text, n_tokens FROM chunks WHERE doc_id = ? ORDER BY ordinal',
            (doc_id,),
        )
        return [(r[0], Chunk(r[1], r[2], r[3], r[4], r[5], r[6])) for r in rows]

    def sentences_within(self, doc_id: str, start: int, end: int) -> list[tuple[int, Span]]:
        rows = self._db().execute(
            'SELECT sentence_id, start, "end" FROM sentences WHERE doc_id = ? AND "end" > ? AND start < ? ORDER BY start',
            (doc_id, start, end),
        )
        return [(r[0], Span(r[1], r[2])) for r in rows]

    def sentences_of(self, doc_id: str) -> list[tuple[int, Span]]:
        return self.sentences_within(doc_id, 0, 1 << 62)

    def sentences_within_spans(self, spans: Sequence[tuple[str, int, int]]) -> list[list[tuple[int, Span]]]:
        """`sentences_within` for several (doc_id, start, end) at once, in one SQL statement."""
        out: list[list[tuple[int, Span]]] = [[] for _ in spans]
        step = SQLITE_MAX_VARIABLES // 3
        for lo in range(0, len(spans), step):
            batch = spans[lo : lo + step]
            sql = " UNION ALL ".join(
                f'SELECT {lo + i}, sentence_id, start, "end" FROM sentences WHERE doc_id = ? AND "end" > ? AND start < ?'
                for i in range(len(batch)))
            params = [value for span in batch for value in span]
            for i, sid, start, end in self._db().execute(f"SELECT * FROM ({sql}) ORDER BY 1, 3", params):
                out[i].append((sid, Span(start, end)))
        return out

    def chunk_vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        return np.asarray(self._chunk_vectors[np.asarray(chunk_ids, dtype=np.int64)])

    def sentence_vectors(self, sentence_ids: Sequence[int]) -> np.ndarray:
        return np.asarray(self._sentence_vectors[np.asarray(sentence_ids, dtype=np.int64)])

    def _rows_where(self, sql: str, values: Sequence) -> list[tuple]:
        """Rows selected by `sql` with `IN ({})` over `values`, in batches below SQLite's variable limit."""
        rows: list[tuple] = []
        for lo in range(0, len(values), SQLITE_MAX_VARIABLES):
            batch = list(values[lo : lo + SQLITE_MAX_VARIABLES])
            rows += self._db().execute(sql.format(",".join("?" * len(batch))), batch).fetchall()
        return rows

    # --- filters ------------------------------------------------------------------------------------

    def _allowed(self, filters: Filters | None, kind: str) -> np.ndarray | None:
        """The chunk or sentence ids (sorted, read-only) a filtered search may return, or None for all.
        Remembered per filter: a build never changes, and a chat keeps its filters from question to
        question (at 1,000,000 chunks a date filter allows hundreds of thousands of rows)."""
        if filters is None or not filters.active:
            return None
        key = (kind, filters)
        with self._filter_lock:
            found = self._filter_cache.get(key)
        if found is not None:
            return found
        if kind == "sentence":
            chunks = np.zeros(len(self._chunk_vectors), dtype=bool)
            chunks[self._allowed(filters, "chunk")] = True
            found = np.flatnonzero(chunks[self._sentence_holders()])
        else:
            found = self._select_chunks(filters)
        found.flags.writeable = False
        with self._filter_lock:
            if len(self._filter_cache) >= FILTER_CACHE_SIZE:
                self._filter_cache.pop(next(iter(self._filter_cache)))
            self._filter_cache[key] = found
        return found

    def _select_chunks(self, filters: Filters) -> np.ndarray:
        sql = "SELECT chunk_id FROM chunks JOIN documents USING (doc_id) WHERE 1"
        params: list = []
        if filters.date_from:
            sql += " AND documents.date >= ?"
            params.append(filters.date_from)
        if filters.date_to:
            sql += " AND documents.date <= ?"
            params.append(filters.date_to)
        if not filters.doc_ids:
            return np.array(sorted(r[0] for r in self._db().execute(sql, params)), dtype=np.int64)
        ids: list[int] = []
        docs = list(filters.doc_ids)
        for lo in range(0, len(docs), SQLITE_MAX_VARIABLES - len(params)):
            batch = docs[lo : lo + SQLITE_MAX_VARIABLES - len(params)]
            batch_sql = sql + f" AND chunks.doc_id IN ({','.join('?' * len(batch))})"
            ids += [r[0] for r in self._db().execute(batch_sql, [*params, *batch])]
        return np.array(sorted(ids), dtype=np.int64)

    def _sentence_holders(self) -> np.ndarray:
        """The chunk of every sentence, by sentence id: one read of the table, then a filter's sentences
        are a numpy lookup instead of SQL over its chunk ids."""
        if self._holders is None:
            rows = self._db().execute("SELECT chunk_id FROM sentences ORDER BY sentence_id")
            self._holders = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(self._sentence_vectors))
        return self._holders

    # --- searching --------------------------------------------------------------------------------

    def dense_search(self, query: np.ndarray, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by cosine similarity. Filtered: an exact search over the allowed chunks."""
        return _vector_search(self.faiss_index, self._chunk_vectors, query, k, self._allowed(filters, "chunk"))

    def sentence_search(self, query: np.ndarray, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by their best sentence's cosine similarity (sentences match short questions more
        sharply than whole chunks do). Filtered: only the allowed chunks' sentences."""
        hits = _vector_search(self.sentence_index, self._sentence_vectors, query, 3 * k,
                              self._allowed(filters, "sentence"))
        if not hits:
            return []
        holder = dict(self._rows_where("SELECT sentence_id, chunk_id FROM sentences WHERE sentence_id IN ({})",
                                       [sid for sid, _ in hits]))
        best: dict[int, float] = {}
        for sid, score in hits:
            best.setdefault(holder[sid], score)
        return list(best.items())[:k]

    def lexical_search(self, query: str, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by BM25 over their analysed title and text (retrieval/store/bm25.py); stop words
        are left out of the query."""
        words = query_words(query)
        if not words:
            return []
        allowed = self._allowed(filters, "chunk")
        if allowed is not None and len(allowed) == 0:
            return []
        try:
            return self._bm25.search(words, k, allowed)
        except (OSError, ValueError) as exc:
            raise IndexDamaged(f"the lexical index of {self.root} is damaged ({type(exc).__name__}: "
                               f"{str(exc)[:200]}): rebuild it with `citeqa index --full`.") from None

    def term_document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """How many chunks' text contains each word (after analysis; a word that analyses into several
        counts as its rarest part): the IDF that sentence ranking uses. Words not seen before are looked
        up in one SQL statement; counts are remembered per reader (a build never changes), at most
        DF_CACHE_TERMS words."""
        out = {t: self._df_cache[t] for t in terms if t in self._df_cache}
        missing = list(dict.fromkeys(t for t in terms if t not in out))
        words = {t: index_words(t) for t in missing}
        wanted = sorted({w for ws in words.values() for w in ws})
        found: dict[str, int] = {}
        for lo in range(0, len(wanted), SQLITE_MAX_VARIABLES):
            batch = wanted[lo : lo + SQLITE_MAX_VARIABLES]
            found.update(self._db().execute(
                f"SELECT term, df FROM terms WHERE term IN ({','.join('?' * len(batch))})", batch).fetchall())
        with self._df_lock:
            for term, ws in words.items():
                if len(self._df_cache) >= DF_CACHE_TERMS:
                    self._df_cache.pop(next(iter(self._df_cache)))
                self._df_cache[term] = out[term] = min((found.get(w, 0) for w in ws), default=0)
        return out

    def vectors_by_hash(self) -> Iterator[tuple[str, str, np.ndarray]]:
        for cid, h in self._db().execute("SELECT chunk_id, text_hash FROM chunks"):
            yield "chunk", h, self._chunk_vectors[cid]
        for sid, h in self._db().execute("SELECT sentence_id, text_hash FROM sentences"):
            yield "sentence", h, self._sentence_vectors[sid]


def _vector_search(index, vectors: np.ndarray, query: np.ndarray, k: int, allowed: np.ndarray | None) -> Hits:
    """Inner-product top-k: through FAISS, or with a filter applied inside the search: exactly over the
    `allowed` rows when they are few (HNSW's filtered search loses recall when the filter is selective),
    through HNSW with the filter inside when they are many (an exact search would read most vectors)."""
    q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
    if allowed is not None:
        if len(allowed) == 0:
            return []
        if len(allowed) > FILTERED_EXACT_MAX and not isinstance(index, ExactIndex):
            return _filtered_hnsw_search(index, q, k, allowed)
        scores = np.asarray(vectors[allowed]) @ q[0]
        top = np.argsort(-scores)[:k]
        return [(int(allowed[i]), float(scores[i])) for i in top]
    scores, ids = index.search(q, min(k, index.ntotal))
    return [(int(i), float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]


def _filtered_hnsw_search(index, q: np.ndarray, k: int, allowed: np.ndarray) -> Hits:
    """HNSW's own search with the filter inside (a FAISS bitmap selector): the graph is walked as usual and
    only allowed vectors are kept, so the beam widens as the filter narrows: efSearch divided by the
    allowed share, at most FILTERED_EF_MAX."""
    import faiss

    mask = np.zeros(index.ntotal, dtype=bool)
    mask[allowed] = True
    bitmap = np.packbits(mask, bitorder="little")  # FAISS reads bit i of byte i // 8, lowest bit first
    selector = faiss.IDSelectorBitmap(index.ntotal, faiss.swig_ptr(bitmap))
    ef = min(FILTERED_EF_MAX, max(HNSW_EF_SEARCH, -(-HNSW_EF_SEARCH * index.ntotal // len(allowed))))
    scores, ids = index.search(q, min(k, len(allowed)), params=faiss.SearchParametersHNSW(sel=selector, efSearch=ef))
    return [(int(i), float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]
