"""The question-answering service the CLI, the chat and evaluation call: question in, `Answer` out.

`build_service(settings)` is the composition root: it wires the embedder, the store, the searches,
their fusion and the answerer from the settings. The service follows the index: when a build
publishes a new version, the next question reads the new one.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable, Sequence

from citeqa.embedding import Embedder, embedder_for
from citeqa.errors import CiteqaError, SettingsError
from citeqa.settings import Settings
from citeqa.types import Answer, Filters, Turn
from retrieval.abstention import threshold_for
from retrieval.answer import Answerer, ExtractiveAnswerer
from retrieval.followup import resolve
from retrieval.search import Fusion, Retriever, ms_since, zscore_fusion
from retrieval.store import IndexReader, Store, check_compatible, open_store, recipe_of

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class IndexStatus:
    documents: int
    chunks: int
    model: str
    built_at: str
    path: str

    def line(self) -> str:
        return f"{self.documents} documents · {self.chunks} chunks · model {self.model} · built {self.built_at}"


def validate_question(question: str | None) -> str:
    question = (question or "").strip()
    if not question:
        raise CiteqaError("the question is empty: type a question.")
    if len(question) > MAX_QUESTION_CHARS:
        raise CiteqaError(f"the question is {len(question)} characters long; keep it under {MAX_QUESTION_CHARS}.")
    return question


AnswererFactory = Callable[[IndexReader, Settings], Answerer]


def extractive_answerer(reader: IndexReader, settings: Settings) -> Answerer:
    threshold = threshold_for(settings.model, settings.abstain_threshold)
    return ExtractiveAnswerer(reader, threshold, settings.answer_sentences)


ANSWERERS: dict[str, AnswererFactory] = {"extractive": extractive_answerer}


@dataclass(frozen=True)
class Components:
    """What answers questions from one published version of the index."""

    version: str
    reader: IndexReader
    retriever: Retriever
    answerer: Answerer


class QAService:
    """Questions in, `Answer`s out, from whatever version of the index is published. Thread-safe."""

    def __init__(self, settings: Settings, store: Store, embedder: Callable[[], Embedder],
                 answerer_factory: AnswererFactory, fusion: Fusion = zscore_fusion):
        self.settings = settings
        self.store = store
        self._embedder = embedder
        self._answerer_factory = answerer_factory
        self._fusion = fusion
        self._lock = threading.Lock()
        self._loaded: Components | None = None

    def _components(self) -> Components:
        version = self.store.current_version()
        with self._lock:
            if self._loaded is None or self._loaded.version != version:
                reader = self.store.open_reader()
                try:
                    check_compatible(reader.manifest, recipe_of(self.settings), self.store.location)
                except CiteqaError:
                    reader.close()
                    raise
                self._loaded = Components(reader.version, reader,
                                          Retriever(reader, self._embedder(), self._fusion),
                                          self._answerer_factory(reader, self.settings))
            return self._loaded

    def reader(self) -> IndexReader:
        return self._components().reader

    def retriever(self) -> Retriever:
        return self._components().retriever

    def status(self) -> IndexStatus:
        m = self.reader().manifest
        return IndexStatus(m.n_documents, m.n_chunks, m.model, m.built_at, self.store.location)

    def ask(self, question: str, k: int | None = None, mode: str | None = None,
            filters: Filters = Filters(), history: Sequence[Turn] = ()) -> Answer:
        question = validate_question(question)
        settings = self.settings.replace(k=k or self.settings.k, mode=mode or self.settings.mode)
        settings.validate()
        timings: dict[str, float] = {}
        started = time.perf_counter()
        components = self._components()
        retriever, answerer = components.retriever, components.answerer
        query = resolve(question, history)
        timings["load"] = ms_since(started)  # the index and model, on the first question or a new build
        t = time.perf_counter()
        query_vector = retriever.embedder.encode_query(query)
        question_vector = retriever.embedder.encode_query(question) if query != question else None
        timings["embed"] = ms_since(t)
        t = time.perf_counter()
        passages = retriever.search(query, settings.k, settings.mode, filters, query_vector, timings)
        timings["retrieve"] = ms_since(t)
        t = time.perf_counter()
        composition = answerer.compose(question, query, query_vector, passages, question_vector)
        timings["answer"] = ms_since(t)
        timings["total"] = ms_since(started)
        return Answer(
            question=question, answer=composition.answer, abstained=composition.abstained,
            citations=composition.citations, passages=passages, timings_ms=timings, retrieval_query=query,
            confidence=composition.confidence,
        )


def build_service(settings: Settings, answerer_factory: AnswererFactory | None = None) -> QAService:
    """The composition root: every component the settings choose, wired once (`answerer_factory`
    plugs in an answerer that is not among ANSWERERS, e.g. a generative one)."""
    answerer = answerer_factory or ANSWERERS.get(settings.answerer)
    if answerer is None:
        raise SettingsError(f"answerer {settings.answerer!r} is not one of {', '.join(ANSWERERS)}: "
                            "set CITEQA_ANSWERER.")
    return QAService(settings, open_store(settings), lambda: embedder_for(settings), answerer)

