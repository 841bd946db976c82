"""The `milvus` store: Milvus Lite in a local file (`milvus:PATH.db`), or a Milvus server or cluster
(`milvus://HOST:PORT`), through the one client both speak (`pymilvus.MilvusClient`).

Each index (the CITEQA_INDEX path) has its own namespace NS of collections, so several indexes (the
user's, a BEIR evaluation's) share one Milvus. A build B writes four collections:

    NS__B__chunks     span, token count, content hash and date of each chunk, the BM25 field (its
                      title and text as `retrieval.store.lexical` analyses them) with Milvus's BM25
                      function into a sparse field, and the dense vector (FLAT up to
                      `exact_index_max` vectors, HNSW above)
    NS__B__sentences  span, holding chunk, content hash and date of each sentence, and its vector
    NS__B__terms      how many chunks contain each word (the IDF that sentence ranking asks for)
    NS__B__docs       the manifest and every document (metadata and cleaned text as JSON, in parts)

and then moves the alias NS to NS__B__docs: readers follow the alias, so they see the previous build
or the new one, never half of one, and a build killed before the switch leaves the previous one
serving (its collections are dropped by the next build). The build before the current one is kept
until the next build, for readers still using it, as the local backend keeps its previous folder.

Filters are expressions over integers only (document numbers and day numbers that the reader
computes from its own tables), never text a user typed: Milvus Lite 3.2 ignores `filter_params`
templates, so this keeps one safe path for both.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import threading
import time
from collections import Counter
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

# gRPC logs connection events at INFO (a GOAWAY line when Milvus Lite stops at exit); errors are enough.
os.environ.setdefault("GRPC_VERBOSITY", "ERROR")
from pymilvus import DataType, Function, FunctionType, MilvusClient, MilvusException  # noqa: E402

from citeqa.errors import CiteqaError, IndexDamaged, IndexIncompatible, IndexMissing, StoreUnavailable
from citeqa.settings import StoreTarget
from citeqa.types import Chunk, Document, Filters, Span
from retrieval.store.base import (FORMAT_VERSION, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M, Hits, IndexContent,
                                  Manifest, StoredDocument, sentence_chunks)
from retrieval.store.bm25 import B as BM25_B
from retrieval.store.bm25 import K1 as BM25_K1
from retrieval.store.lexical import chunk_words, index_words, query_words
from retrieval.store.lock import BuildLock

# pymilvus logs every failed call with its traceback; citeqa turns them into one-line errors instead.
logging.getLogger("pymilvus").setLevel(logging.CRITICAL)

BM25_PARAMS = {"bm25_k1": BM25_K1, "bm25_b": BM25_B}  # the local backend's, so both rank alike
MAX_VARCHAR = 65_535  # bytes, Milvus's limit for a VARCHAR field
DOC_PART_CHARS = 16_000  # at most 4 bytes a character: a part always fits a VARCHAR
INSERT_BATCH = 1_000
IDS_PER_QUERY = 4_096
CONNECT_SECONDS = 10.0
MANIFEST_DOC_NO = -1


def namespace(index: Path) -> str:
    """The collection prefix of an index: its folder name (readable) and a hash of its path as written
    (CITEQA_INDEX names the index: a project keeps its index when it moves, and chat servers on several
    machines share one cluster index by giving the same CITEQA_INDEX)."""
    path = os.path.normpath(str(index.expanduser()))
    slug = re.sub(r"[^a-z0-9]+", "_", index.name.lower()).strip("_")[:40] or "index"
    return f"citeqa_{slug}_{hashlib.sha256(path.encode()).hexdigest()[:10]}"


class _LiteServers:
    """Milvus Lite runs inside this process (a gRPC server on a loopback port) and locks its folder:
    one process at a time. Stores in this process share one server per folder, stopped with the last."""

    def __init__(self):
        self._lock = threading.Lock()
        self._running: dict[Path, list] = {}  # folder -> [server, db, uri, users]
        atexit.register(self.stop_all)

    def acquire(self, path: Path) -> str:
        from milvus_lite import DataDirLockedError, MilvusLiteError
        from milvus_lite.adapter.grpc.server import start_server_in_thread

        path = path.expanduser().resolve()
        with self._lock:
            if path not in self._running:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    server, db, port = start_server_in_thread(data_dir=str(path), host="127.0.0.1", port=0)
                except DataDirLockedError:
                    raise StoreUnavailable(
                        f"the Milvus Lite file {path} is open in another process (Milvus Lite serves one process "
                        "at a time, e.g. a running `citeqa serve`): stop that process, or use a Milvus server "
                        "(CITEQA_STORE=milvus://HOST:PORT) that several processes can share.") from None
                except MilvusLiteError as exc:
                    raise IndexDamaged(f"the Milvus Lite file {path} cannot be opened ({type(exc).__name__}: "
                                       f"{str(exc)[:200]}): move it away and run `citeqa index --full`.") from None
                except OSError as exc:
                    raise StoreUnavailable(f"cannot open the Milvus Lite file {path} ({exc.strerror}): "
                                           "change CITEQA_STORE.") from None
                self._running[path] = [server, db, f"http://127.0.0.1:{port}", 0]
            entry = self._running[path]
            entry[3] += 1
            return entry[2]

    def release(self, path: Path) -> None:
        path = path.expanduser().resolve()
        with self._lock:
            entry = self._running.get(path)
            if entry is None:
                return
            entry[3] -= 1
            if entry[3] > 0:
                return
            del self._running[path]
        _stop(entry)

    def stop_all(self) -> None:
        with self._lock:
            entries, self._running = list(self._running.values()), {}
        for entry in entries:
            _stop(entry)


def _stop(entry: list) -> None:
    server, db = entry[0], entry[1]
    with contextlib.suppress(Exception):
        server.stop(grace=None).wait(5)
    with contextlib.suppress(Exception):
        db.close()


LITE = _LiteServers()


@contextlib.contextmanager
def _milvus_errors(location: str) -> Iterator[None]:
    """Milvus's exceptions as citeqa's one-line errors."""
    try:
        yield
    except MilvusException as exc:
        raise CiteqaError(f"Milvus at {location}: {exc.message} (code {exc.code}).") from None


def _reporting_errors(method: Callable) -> Callable:
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with _milvus_errors(self.location):
            return method(self, *args, **kwargs)

    return wrapper


class MilvusStore:
    """The `milvus` backend of the Store boundary. Connects on first use."""

    def __init__(self, target: StoreTarget, index: Path, exact_index_max: int = 100_000):
        self.target = target
        self.index = index
        self.namespace = namespace(index)
        self.exact_index_max = exact_index_max
        where = f"milvus:{target.lite_path}" if target.lite_path is not None else target.uri
        self.location = f"{where} (collections {self.namespace}__*)"
        self._client: MilvusClient | None = None
        self._lock = threading.Lock()

    def client(self) -> MilvusClient:
        with self._lock:
            if self._client is None:
                self._client = self._connect()
            return self._client

    def _connect(self) -> MilvusClient:
        options = {}
        if self.target.lite_path is not None:
            uri, token = LITE.acquire(self.target.lite_path), ""
            # No keepalive pings to the in-process server: it refuses them (GOAWAY "too_many_pings") while a
            # build embeds for minutes without a call.
            options = {"grpc_options": {"grpc.keepalive_time_ms": 2**31 - 1,
                                        "grpc.keepalive_permit_without_calls": False}}
        else:
            uri, token = self.target.uri, self.target.token
        try:
            return MilvusClient(uri=uri, token=token, timeout=CONNECT_SECONDS, dedicated=True,  # closed by close()
                                **options)
        except MilvusException as exc:
            if self.target.lite_path is not None:
                LITE.release(self.target.lite_path)
            raise StoreUnavailable(f"cannot reach Milvus at {self.target.uri or uri} ({exc.message}): start it, "
                                   "or point CITEQA_STORE at a running one (and CITEQA_MILVUS_TOKEN if it "
                                   "needs a token).") from None

    def close(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):
                client.close()
            if self.target.lite_path is not None:
                LITE.release(self.target.lite_path)

    def collection(self, build: str, kind: str) -> str:
        return f"{self.namespace}__{build}__{kind}"

    @_reporting_errors
    def current_version(self) -> str | None:
        client = self.client()
        try:
            target = client.describe_alias(self.namespace)["collection_name"]
        except MilvusException:
            if self.namespace in client.list_aliases().get("aliases", []):
                raise
            return None
        return target[len(self.namespace) + 2 : -len("__docs")]

    @_reporting_errors
    def open_reader(self) -> "MilvusIndexReader":
        build = self.current_version()
        if build is None:
            raise IndexMissing(f"no index at {self.location}: build one with `citeqa index` (or `make run`).")
        return MilvusIndexReader(self, build)

    def build_lock(self) -> BuildLock:
        """One build at a time per index on this machine (the lock file is in the CITEQA_INDEX folder);
        a build from another machine that publishes meanwhile is detected before the switch."""
        return BuildLock(self.index)

    @_reporting_errors
    def publish(self, content: IndexContent) -> str:
        client = self.client()
        before = self.current_version()
        self._drop_builds(keep=before)  # builds a crash or kill left, and the one before the current
        build = f"{time.strftime('%Y%m%d%H%M%S', time.gmtime())}_{os.urandom(3).hex()}"
        try:
            BuildWriter(self, build, content).write()
            if self.current_version() != before:
                raise CiteqaError(f"another build of {self.location} was published while this one ran: "
                                  "run `citeqa index` again.")
            docs = self.collection(build, "docs")
            if before is None:
                client.create_alias(docs, self.namespace)
            else:
                client.alter_alias(docs, self.namespace)
        except BaseException:
            with contextlib.suppress(Exception):
                self._drop_builds(keep=self.current_version())
            raise
        return build

    def builds(self) -> set[str]:
        """Every build with a collection in this namespace (complete or not)."""
        prefix = f"{self.namespace}__"
        return {name[len(prefix):].split("__")[0] for name in self.client().list_collections()
                if name.startswith(prefix)}

    def _drop_builds(self, keep: str | None) -> None:
        for build in self.builds() - {keep}:
            for kind in KINDS:
                with contextlib.suppress(MilvusException):
                    self.client().drop_collection(self.collection(build, kind))


KINDS = ("chunks", "sentences", "terms", "docs")


def _schema(kind: str, dimension: int):
    s = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    if kind == "terms":
        s.add_field("term", DataType.VARCHAR, is_primary=True, max_length=512)
        s.add_field("df", DataType.INT64)
    else:
        s.add_field("id", DataType.INT64, is_primary=True)
        s.add_field("doc_no", DataType.INT64)
    if kind == "docs":
        s.add_field("part", DataType.INT64)
        s.add_field("data", DataType.VARCHAR, max_length=MAX_VARCHAR)
    if kind in ("chunks", "sentences"):
        s.add_field("span_start", DataType.INT64)
        s.add_field("span_end", DataType.INT64)
        s.add_field("day", DataType.INT64)  # the document's date as a day number; 0: no date
        s.add_field("text_hash", DataType.VARCHAR, max_length=64)
        s.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    if kind == "chunks":
        s.add_field("ordinal", DataType.INT64)
        s.add_field("n_tokens", DataType.INT64)
        s.add_field("lexical", DataType.VARCHAR, max_length=MAX_VARCHAR, enable_analyzer=True,
                    analyzer_params={"tokenizer": "standard", "filter": ["lowercase"]})
        s.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        s.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["lexical"],
                                output_field_names=["sparse"]))
    if kind == "sentences":
        s.add_field("chunk_id", DataType.INT64)
    if kind in ("docs", "terms"):
        # Milvus wants a vector field in every collection; these two are only ever read by key.
        s.add_field("placeholder", DataType.FLOAT_VECTOR, dim=2)
    return s


def _index_params(client: MilvusClient, kind: str, n_vectors: int, exact_max: int) -> tuple[object, str]:
    """The collection's indexes, and the type of its dense one: exact (FLAT) up to `exact_max` vectors,
    HNSW above, as the local backend chooses."""
    params = client.prepare_index_params()
    dense = "flat"
    if kind in ("docs", "terms"):
        params.add_index("placeholder", index_type="FLAT", metric_type="L2")
    else:
        params.add_index("doc_no", index_type="INVERTED")
        if n_vectors <= exact_max:
            params.add_index("vector", index_type="FLAT", metric_type="IP")
        else:
            dense = "hnsw"
            params.add_index("vector", index_type="HNSW", metric_type="IP",
                             params={"M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION})
    if kind == "chunks":
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params=BM25_PARAMS)
    return params, dense


def day_number(iso: str | None) -> int:
    """A document date as a day number for range filters (0: no date or not a date)."""
    try:
        return date.fromisoformat(iso).toordinal() if iso else 0
    except ValueError:
        return 0


def _batches(rows: Iterable[dict], size: int = INSERT_BATCH) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _cut_utf8(text: str, limit: int) -> str:
    """At most `limit` bytes of UTF-8, cut at a space (only a pathological chunk of huge words needs it)."""
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    return raw[:limit].decode("utf-8", errors="ignore").rsplit(" ", 1)[0]


class BuildWriter:
    """Writes the four collections of one build. Nothing points at them until the store moves its alias."""

    def __init__(self, store: MilvusStore, build: str, content: IndexContent):
        self.store = store
        self.client = store.client()
        self.build = build
        self.content = content
        self.doc_no = {d.document.doc_id: i for i, d in enumerate(content.documents)}
        self.day = {d.document.doc_id: day_number(d.document.date) for d in content.documents}

    def write(self) -> None:
        c = self.content
        document_frequencies: Counter = Counter()  # complete once the chunks are written
        index_type = self._create("chunks", len(c.chunks), self._chunk_rows(document_frequencies))
        self._create("sentences", len(c.sentences), self._sentence_rows())
        self._create("terms", 0, ({"term": t, "df": n, "placeholder": [0.0, 0.0]}
                                  for t, n in document_frequencies.items() if len(t.encode()) <= 512))
        manifest = asdict(c.manifest) | {"faiss_type": index_type}
        self._create("docs", 0, self._document_rows(manifest))

    def _create(self, kind: str, n_vectors: int, rows: Iterable[dict]) -> str:
        name = self.store.collection(self.build, kind)
        params, index_type = _index_params(self.client, kind, n_vectors, self.store.exact_index_max)
        self.client.create_collection(name, schema=_schema(kind, self.content.manifest.dimension),
                                      consistency_level="Strong")  # a reader sees every row once published
        self.client.create_index(name, params, sync=False)  # (pymilvus would poll each index every 0.5 s)
        for batch in _batches(rows):
            insert(self.client, name, batch)
        self.client.flush(name)
        self.client.load_collection(name)
        return index_type

    def _chunk_rows(self, frequencies: Counter) -> Iterator[dict]:
        """Chunk rows; counts in `frequencies` how many chunks hold each word (of their text, as the local
        backend's `terms` table counts)."""
        c = self.content
        for i, (chunk, key, words) in enumerate(zip(c.chunks, c.chunk_keys, chunk_words(c, frequencies), strict=True)):
            yield {
                "id": i, "doc_no": self.doc_no[chunk.doc_id], "ordinal": chunk.ordinal, "span_start": chunk.start,
                "span_end": chunk.end, "n_tokens": chunk.n_tokens, "day": self.day[chunk.doc_id], "text_hash": key,
                "lexical": _cut_utf8(" ".join(words), MAX_VARCHAR),
                "vector": c.chunk_vectors[i],
            }

    def _sentence_rows(self) -> Iterator[dict]:
        c = self.content
        holder = sentence_chunks(c.chunks, c.sentences)
        for i, ((doc_id, span), key) in enumerate(zip(c.sentences, c.sentence_keys, strict=True)):
            yield {"id": i, "doc_no": self.doc_no[doc_id], "chunk_id": holder[i], "span_start": span.start,
                   "span_end": span.end, "day": self.day[doc_id], "text_hash": key, "vector": c.sentence_vectors[i]}

    def _document_rows(self, manifest: dict) -> Iterator[dict]:
        row_id = 0
        payloads = [(MANIFEST_DOC_NO, manifest)] + [
            (no, asdict(d.document) | {"fingerprint": d.fingerprint}) for no, d in enumerate(self.content.documents)]
        for doc_no, payload in payloads:
            data = json.dumps(payload, ensure_ascii=False)
            for part, lo in enumerate(range(0, max(len(data), 1), DOC_PART_CHARS)):
                yield {"id": row_id, "doc_no": doc_no, "part": part, "data": data[lo : lo + DOC_PART_CHARS],
                       "placeholder": [0.0, 0.0]}
                row_id += 1


def insert(client: MilvusClient, collection: str, rows: list[dict]) -> None:
    """One batch into a collection (a function of its own: the kill test stops a build here)."""
    client.insert(collection, rows)


class MilvusIndexReader:
    """A read-only view of one published build. Thread-safe (the client is)."""

    def __init__(self, store: MilvusStore, build: str):
        self.store = store
        self.location = store.location
        self.client = store.client()
        self.version = build
        self.names = {kind: store.collection(build, kind) for kind in KINDS}
        try:
            for name in self.names.values():
                self.client.load_collection(name)
            payloads = self._document_payloads()
        except MilvusException as exc:
            raise IndexDamaged(f"the index at {self.location} is damaged ({exc.message}): "
                               "rebuild it with `citeqa index --full`.") from None
        values = payloads.pop(MANIFEST_DOC_NO, {})
        if values.get("format_version") != FORMAT_VERSION:
            raise IndexIncompatible(
                f"the index at {self.location} has format {values.get('format_version')}, this citeqa reads format "
                f"{FORMAT_VERSION}: rebuild it with `citeqa index --full`.")
        self.manifest = Manifest(**values)
        self._doc_ids = [payloads[no]["doc_id"] for no in sorted(payloads)]
        self._doc_no = {doc_id: no for no, doc_id in enumerate(self._doc_ids)}
        self.documents = {}
        for no in sorted(payloads):
            p = payloads[no]
            fingerprint = p.pop("fingerprint")
            self.documents[p["doc_id"]] = StoredDocument(Document(**p), fingerprint)
        counts = (self._count("chunks"), self._count("sentences"), len(self.documents))
        if counts != (self.manifest.n_chunks, self.manifest.n_sentences, self.manifest.n_documents):
            raise IndexDamaged(f"the index at {self.location} is damaged (it holds {counts[0]} chunks, {counts[1]} "
                               f"sentences and {counts[2]} documents, its manifest says otherwise): "
                               "rebuild it with `citeqa index --full`.")

    def _document_payloads(self) -> dict[int, dict]:
        parts: dict[int, list[tuple[int, str]]] = {}
        for row in self._all("docs", ["doc_no", "part", "data"]):
            parts.setdefault(row["doc_no"], []).append((row["part"], row["data"]))
        return {no: json.loads("".join(data for _, data in sorted(rows))) for no, rows in parts.items()}

    def _count(self, kind: str) -> int:
        return int(self.client.query(self.names[kind], filter="", output_fields=["count(*)"])[0]["count(*)"])

    def _all(self, kind: str, fields: list[str]) -> Iterator[dict]:
        """Every row of a collection, by ranges of its ids (0..n-1), a batch at a time (a plain query is
        capped on a server, and Milvus Lite has no query iterator)."""
        n = self._count(kind)
        for lo in range(0, n, IDS_PER_QUERY):
            yield from self.client.query(self.names[kind], filter=f"id >= {lo} and id < {lo + IDS_PER_QUERY}",
                                         output_fields=fields)

    def _by_ids(self, kind: str, ids: Sequence[int], fields: list[str]) -> dict[int, dict]:
        out = {}
        unique = list(dict.fromkeys(int(i) for i in ids))
        for lo in range(0, len(unique), IDS_PER_QUERY):
            batch = unique[lo : lo + IDS_PER_QUERY]
            rows = self.client.query(self.names[kind], filter=f"id in {batch}", output_fields=fields)
            out.update((row["id"], row) for row in rows)
        return out

    def close(self) -> None:
        """Nothing to release: the store owns the connection."""

    # --- reading chunks, sentences and vectors ----------------------------------------------------

    def _chunk(self, row: dict) -> Chunk:
        doc_id = self._doc_ids[row["doc_no"]]
        text = self.documents[doc_id].document.text[row["span_start"] : row["span_end"]]
        return Chunk(doc_id, row["ordinal"], row["span_start"], row["span_end"], text, row["n_tokens"])

    @_reporting_errors
    def chunks(self, chunk_ids: Iterable[int]) -> dict[int, Chunk]:
        rows = self._by_ids("chunks", list(chunk_ids), CHUNK_FIELDS)
        return {cid: self._chunk(row) for cid, row in rows.items()}

    @_reporting_errors
    def chunks_of(self, doc_id: str) -> list[tuple[int, Chunk]]:
        if doc_id not in self._doc_no:
            return []
        rows = self.client.query(self.names["chunks"], filter=f"doc_no == {self._doc_no[doc_id]}",
                                 output_fields=CHUNK_FIELDS)
        return sorted(((row["id"], self._chunk(row)) for row in rows), key=lambda ic: ic[1].ordinal)

    @_reporting_errors
    def sentences_within_spans(self, spans: Sequence[tuple[str, int, int]]) -> list[list[tuple[int, Span]]]:
        return [self.sentences_within(doc_id, start, end) for doc_id, start, end in spans]

    def sentences_within(self, doc_id: str, start: int, end: int) -> list[tuple[int, Span]]:
        if doc_id not in self._doc_no:
            return []
        rows = self.client.query(
            self.names["sentences"],
            filter=f"doc_no == {self._doc_no[doc_id]} and span_end > {int(start)} and span_start < {int(end)}",
            output_fields=["id", "span_start", "span_end"])
        return sorted(((row["id"], Span(row["span_start"], row["span_end"])) for row in rows),
                      key=lambda s: (s[1].start, s[0]))

    def sentences_of(self, doc_id: str) -> list[tuple[int, Span]]:
        return self.sentences_within(doc_id, 0, 1 << 62)

    def _vectors(self, kind: str, ids: Sequence[int]) -> np.ndarray:
        rows = self._by_ids(kind, ids, ["id", "vector"])
        out = np.zeros((len(ids), self.manifest.dimension), dtype=np.float32)
        for i, key in enumerate(ids):
            out[i] = rows[int(key)]["vector"]
        return out

    @_reporting_errors
    def chunk_vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        return self._vectors("chunks", chunk_ids)

    @_reporting_errors
    def sentence_vectors(self, sentence_ids: Sequence[int]) -> np.ndarray:
        return self._vectors("sentences", sentence_ids)

    # --- searching --------------------------------------------------------------------------------

    def _expression(self, filters: Filters | None) -> str | None:
        """The filter as a Milvus expression over integers ("" for none); None when nothing can match."""
        if filters is None or not filters.active:
            return ""
        parts = []
        if filters.doc_ids:
            numbers = sorted({self._doc_no[d] for d in filters.doc_ids if d in self._doc_no})
            if not numbers:
                return None
            parts.append(f"doc_no in {numbers}")
        if filters.date_from or filters.date_to:  # documents without a date (day 0) are left out
            parts.append(f"day >= {max(day_number(filters.date_from), 1)}")
        if filters.date_to:
            parts.append(f"day <= {day_number(filters.date_to)}")
        return " and ".join(parts)

    def _search(self, kind: str, data: list, field: str, k: int, expression: str, params: dict,
                group_by: str | None = None) -> list[dict]:
        options = {"group_by_field": group_by, "output_fields": [group_by]} if group_by else {}
        return self.client.search(self.names[kind], data=data, anns_field=field, limit=k, filter=expression,
                                  search_params=params, **options)[0]

    def _dense_params(self, k: int) -> dict:
        return {"metric_type": "IP", "params": {"ef": max(HNSW_EF_SEARCH, k)}}

    @_reporting_errors
    def dense_search(self, query: np.ndarray, k: int, filters: Filters | None = None) -> Hits:
        expression = self._expression(filters)
        if expression is None:
            return []
        hits = self._search("chunks", [_vector(query)], "vector", k, expression, self._dense_params(k))
        return [(int(h["id"]), float(h["distance"])) for h in hits]

    @_reporting_errors
    def sentence_search(self, query: np.ndarray, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by their best sentence (Milvus groups the sentence hits by their chunk)."""
        expression = self._expression(filters)
        if expression is None:
            return []
        hits = self._search("sentences", [_vector(query)], "vector", k, expression, self._dense_params(k),
                            group_by="chunk_id")
        return [(int(h["entity"]["chunk_id"]), float(h["distance"])) for h in hits]

    @_reporting_errors
    def lexical_search(self, query: str, k: int, filters: Filters | None = None) -> Hits:
        """Top-k chunks by Milvus's BM25 over the analysed title and text (see retrieval.store.lexical)."""
        words = query_words(query)
        expression = self._expression(filters)
        if not words or expression is None:
            return []
        hits = self._search("chunks", [" ".join(words)], "sparse", k, expression, {"metric_type": "BM25"})
        # Milvus Lite reports a BM25 score as a negative distance, a server as the score itself.
        scored = [(int(h["id"]), abs(float(h["distance"]))) for h in hits]
        return sorted((hit for hit in scored if hit[1] > 0), key=lambda hit: -hit[1])

    @_reporting_errors
    def term_document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """How many chunks contain each word (after analysis; a word that analyses into several counts as
        its rarest part)."""
        words = {t: index_words(t) for t in terms}
        wanted = sorted({w for ws in words.values() for w in ws})
        found = {}
        for lo in range(0, len(wanted), IDS_PER_QUERY):
            rows = self.client.get(self.names["terms"], ids=wanted[lo : lo + IDS_PER_QUERY], output_fields=["df"])
            found.update((row["term"], int(row["df"])) for row in rows)
        return {t: min((found.get(w, 0) for w in ws), default=0) for t, ws in words.items()}

    def vectors_by_hash(self) -> Iterator[tuple[str, str, np.ndarray]]:
        for kind, label in (("chunks", "chunk"), ("sentences", "sentence")):
            for row in self._all(kind, ["text_hash", "vector"]):
                yield label, row["text_hash"], np.asarray(row["vector"], dtype=np.float32)


CHUNK_FIELDS = ["id", "doc_no", "ordinal", "span_start", "span_end", "n_tokens"]


def _vector(query: np.ndarray) -> list[float]:
    return np.asarray(query, dtype=np.float32).reshape(-1).tolist()
