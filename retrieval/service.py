"""The question-answering service the CLI, the chat and evaluation call: question in, `Answer` out.

It follows the index: when a build swaps a new index in, the next question reads the new one.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable, Sequence

from citeqa.errors import CiteqaError
from citeqa.settings import Settings
from citeqa.types import Answer, Filters, Turn
from ingest.chunking import TITLE_HEADER_TOKENS
from ingest.embed import get_embedder
from retrieval.abstention import threshold_for
from retrieval.answer import Answerer, ExtractiveAnswerer
from retrieval.followup import resolve
from retrieval.search import Retriever
from retrieval.store import IndexReader, current_build

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


class QAService:
    """`answerer_factory` is the seam for another Answerer (e.g. a generative one); retrieval is unchanged."""

    def __init__(self, settings: Settings, answerer_factory: AnswererFactory = extractive_answerer):
        self.settings = settings
        self._answerer_factory = answerer_factory
        self._lock = threading.Lock()
        self._loaded: tuple | None = None  # (build path, reader, retriever, answerer)

    def _components(self) -> tuple[IndexReader, Retriever, Answerer]:
        build = current_build(self.settings.index)
        with self._lock:
            if self._loaded is None or self._loaded[0] != build:
                reader = IndexReader(self.settings.index)
                reader.check_compatible(
                    self.settings.model,
                    (self.settings.chunk_tokens, self.settings.chunk_overlap, TITLE_HEADER_TOKENS),
                )
                embedder = get_embedder(self.settings.model)
                answerer = self._answerer_factory(reader, self.settings)
                self._loaded = (reader.build, reader, Retriever(reader, embedder), answerer)
            return self._loaded[1], self._loaded[2], self._loaded[3]

    def reader(self) -> IndexReader:
        return self._components()[0]

    def retriever(self) -> Retriever:
        return self._components()[1]

    def status(self) -> IndexStatus:
        m = self.reader().manifest
        return IndexStatus(m.n_documents, m.n_chunks, m.model, m.built_at, str(self.settings.index))

    def ask(self, question: str, k: int | None = None, mode: str | None = None,
            filters: Filters = Filters(), history: Sequence[Turn] = ()) -> Answer:
        question = validate_question(question)
        settings = self.settings.replace(k=k or self.settings.k, mode=mode or self.settings.mode)
        settings.validate()
        timings: dict[str, float] = {}
        started = time.perf_counter()
        _, retriever, answerer = self._components()
        query = resolve(question, history)
        query_vector = retriever.embedder.encode_query(query)
        question_vector = retriever.embedder.encode_query(question) if query != question else None
        timings["embed"] = _ms_since(started)
        t = time.perf_counter()
        passages = retriever.search(query, settings.k, settings.mode, filters, query_vector)
        timings["retrieve"] = _ms_since(t)
        t = time.perf_counter()
        composition = answerer.compose(question, query, query_vector, passages, question_vector)
        timings["answer"] = _ms_since(t)
        timings["total"] = _ms_since(started)
        return Answer(
            question=question, answer=composition.answer, abstained=composition.abstained,
            citations=composition.citations, passages=passages, timings_ms=timings, retrieval_query=query,
            confidence=composition.confidence,
        )


def _ms_since(t: float) -> float:
    return (time.perf_counter() - t) * 1000
