"""The question-answering service the CLI, the chat and evaluation call: question in, `Answer` out.

`build_service(settings)` is the composition root: it wires the embedder, the store, the searches,
their fusion and the answerer from the settings. The service follows the index: when a build
publishes a new version, the next question reads the new one.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from citeqa.embedding import Embedder, embedder_for
from citeqa.errors import CiteqaError, SettingsError
from citeqa.settings import Settings
from citeqa.types import Answer, Document, Filters, Turn
from retrieval.abstention import threshold_for
from retrieval.answer import Answerer, Composition, ExtractiveAnswerer, format_answer
from retrieval.document_lead import asks_what_it_is_about
from retrieval.followup import (
    DocumentPhrases, asked_again, asks_for_more, is_follow_up, resolve_standalone, standalone,
    without_a_leading_connective,
)
from retrieval.keyword_query import as_a_question
from retrieval.named_document import (
    DocumentNames, NamedDocument, document_asked, documents_compared, without_naming,
)
from retrieval.search import Fusion, Retriever, ms_since, zscore_fusion
from retrieval.spelling import DocumentWords
from retrieval.store import IndexReader, Store, check_compatible, open_store, recipe_of
from retrieval.store.pool import in_background
from retrieval.text import questions_asked, without_pleasantries
from retrieval.truecase import DocumentCasing, truecased, typed_with_capitals

NOTHING_MORE = "The documents say nothing more about it."  # "Tell me more" when the next units are far from the best
MAX_QUESTION_CHARS = 2000
# The spelling and capitals of questions are read from every document's text, once per index version, on its first
# question: past this many documents, or this much text, they are not read (the question would wait for them, at
# about 3 MB a second, and every text would stay in memory); spelling is then left as typed.
READ_ALL_DOCUMENTS_MAX = 2000
READ_ALL_BYTES_MAX = 5_000_000
# A conversation's earlier turns: only the last few can resolve a follow-up, and every one is read.
MAX_HISTORY_TURNS = 20
MAX_ANSWER_CHARS = 10_000


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


def validate_history(history: Sequence[Turn]) -> Sequence[Turn]:
    """Earlier turns within the bounds above; longer input is refused with what to send instead."""
    if len(history) > MAX_HISTORY_TURNS:
        raise CiteqaError(f"the conversation has {len(history)} earlier turns; send at most the last "
                          f"{MAX_HISTORY_TURNS} (older turns do not help with a follow-up question).")
    for n, turn in enumerate(history, 1):
        if not isinstance(turn.question, str) or not isinstance(turn.answer, str):
            raise CiteqaError(f"earlier turn {n} is not a [question, answer] pair of texts.")
        if len(turn.question) > MAX_QUESTION_CHARS:
            raise CiteqaError(f"the question of earlier turn {n} is {len(turn.question)} characters long; "
                              f"questions are at most {MAX_QUESTION_CHARS}.")
        if len(turn.answer) > MAX_ANSWER_CHARS:
            raise CiteqaError(f"the answer of earlier turn {n} is {len(turn.answer)} characters long; send at most "
                              f"{MAX_ANSWER_CHARS} (or an empty answer: follow-ups are resolved from the questions).")
    return history


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
    document_names: DocumentNames
    casing: DocumentCasing  # how the documents write their words: a question typed in small letters is read so
    words: DocumentWords  # the documents' words: a misspelt word of the question is read as the one it was meant as
    phrases: DocumentPhrases  # the documents' phrases: "it" in a follow-up is read as a thing they name


class _InUse:
    """One version's components and how many questions are using them: a version that a newer one
    replaced is closed when its last question ends, not under it."""

    def __init__(self, components: Components):
        self.components = components
        self.users = 0


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
        self._loaded: _InUse | None = None

    @contextmanager
    def components(self) -> Iterator[Components]:
        """The components of the published version, kept open until the block ends."""
        in_use = self._acquire()
        try:
            yield in_use.components
        finally:
            self._release(in_use)

    def _acquire(self) -> _InUse:
        version = self.store.current_version()
        with self._lock:
            if self._loaded is None or self._loaded.components.version != version:
                old, self._loaded = self._loaded, _InUse(self._load())
                self._close_if_unused(old)
            self._loaded.users += 1
            return self._loaded

    def _release(self, in_use: _InUse) -> None:
        with self._lock:
            in_use.users -= 1
            self._close_if_unused(in_use)

    def _close_if_unused(self, in_use: _InUse | None) -> None:
        """Close a version no longer the current one once no question uses it (under the lock)."""
        if in_use is not None and in_use is not self._loaded and in_use.users == 0:
            in_use.components.reader.close()

    def _load(self) -> Components:
        reader = self.store.open_reader()
        try:
            check_compatible(reader.manifest, recipe_of(self.settings), self.store.location)
        except CiteqaError:
            reader.close()
            raise

        def texts() -> list[str]:  # every document's text, or none past the bounds (counted before reading them)
            if len(reader.documents) > READ_ALL_DOCUMENTS_MAX:
                return []
            stored = reader.documents.values()
            if sum(s.document.size for s in stored) > READ_ALL_BYTES_MAX:
                return []
            return [s.document.text for s in stored]

        return Components(reader.version, reader, Retriever(reader, self._embedder(), self._fusion),
                          self._answerer_factory(reader, self.settings),
                          DocumentNames(lambda: (s.document for s in reader.documents.values()),
                                        lambda: len(reader.documents)),
                          DocumentCasing(texts), DocumentWords(texts), DocumentPhrases(texts))

    def close(self) -> None:
        """Close the current version once no question uses it (the service opens it again if asked)."""
        with self._lock:
            old, self._loaded = self._loaded, None
            self._close_if_unused(old)

    def documents(self, doc_ids: Iterable[str] | None = None) -> dict[str, Document]:
        """The published version's documents by id: those of `doc_ids` it holds, or all of them. Read
        while the version is held open (a reader's documents are read lazily, and a reader that a
        newer build replaced is closed once no question uses it)."""
        with self.components() as components:
            stored = components.reader.documents
            if doc_ids is None:
                return {doc_id: s.document for doc_id, s in stored.items()}
            return {doc_id: stored[doc_id].document for doc_id in dict.fromkeys(doc_ids) if doc_id in stored}

    def document_ids(self) -> list[str]:
        with self.components() as components:
            return sorted(components.reader.documents)

    def status(self) -> IndexStatus:
        with self.components() as components:
            m = components.reader.manifest
        return IndexStatus(m.n_documents, m.n_chunks, m.model, m.built_at, self.store.location)

    def ask(self, question: str, k: int | None = None, mode: str | None = None,
            filters: Filters = Filters(), history: Sequence[Turn] = ()) -> Answer:
        question = validate_question(question)
        history = validate_history(history)
        settings = self.settings.replace(k=k or self.settings.k, mode=mode or self.settings.mode)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        with self.components() as components:
            retriever, answerer = components.retriever, components.answerer
            # "Who is Vyacheslav Volodn?" is read as "... Volodin?", "who is harstedt" as "who is Harstedt": the
            # answer finder reads names by their letters and capitals
            plain = without_pleasantries(question)  # "Thanks. When was he elected?"
            spelt, history = spelt_right(plain, history, components.words)
            cased, history = read_with_capitals(spelt, history, components.casing)
            cased = as_a_question(cased) or cased  # "csto pa chairman": who holds the post
            if history and ((asking := questions_asked(cased)) != cased) and (
                    asks_for_more(asking) or is_follow_up(asking)):
                cased = asking  # "I'm writing a profile of him. What other post does he hold?": a follow-up, the
                # scene aside (its own words had kept it from reading as one)
            asked, query, shown = read_in_conversation(cased, history, components.phrases.says)
            read_as = as_read(plain, asked)
            # "What did the 2006 declaration say about ...?" is asked of that document, without the words naming it
            names = components.document_names
            compared = None if filters.doc_ids or shown else documents_compared(asked, names)
            if compared is not None:  # "What do the declaration and the brochure say about ...?": asked of each
                return self._asked_of_each(question, compared, settings, filters, read_as, started)
            named = None if filters.doc_ids else document_asked(asked, cased, history, names)
            if named is not None:
                filters = replace(filters, doc_ids=(named.doc_id,))
                query = named.question if query == asked else without_naming(query, named.doc_id, names)
                asked = named.question
            if len(filters.doc_ids) == 1 and asks_what_it_is_about(asked):  # "Summarize it": its lead answers, so any
                stored = components.reader.documents.get(filters.doc_ids[0])  # search mode must find its chunks: its
                query = (stored.document.title if stored is not None else "") or query  # title is in every one
            timings["load"] = ms_since(started)  # the index and model, on the first question or a new build
            t = time.perf_counter()
            if query != asked:  # a follow-up: its own words, beside the context retrieval reads
                beside: str | None = asked
            elif (asking := questions_asked(asked)) != asked:  # the sentence that asks, beside the scene set before it
                beside = asking
            else:
                beside = None
            # the second text is encoded on another thread while the first is (ONNX Runtime lets go of the GIL): a
            # follow-up waits for one encoding, not two
            pending = in_background(retriever.embedder.encode_query, beside) if beside is not None else None
            query_vector = retriever.embedder.encode_query(query)
            question_vector = pending.result() if pending is not None else None
            timings["embed"] = ms_since(t)
            t = time.perf_counter()
            passages = retriever.search(query, settings.k, settings.mode, filters, query_vector, timings)
            timings["retrieve"] = ms_since(t)
            t = time.perf_counter()
            unmatched = None if passages else filters_leave_nothing(filters, components.reader.documents.values())
            composition = (Composition(unmatched, True, [], 0.0) if unmatched
                           else answerer.compose(asked, query, query_vector, passages, question_vector, shown))
            if shown and composition.abstained and not unmatched:
                composition = replace(composition, answer=NOTHING_MORE)
            timings["answer"] = ms_since(t)
        timings["total"] = ms_since(started)
        return Answer(
            question=question, answer=composition.answer, abstained=composition.abstained,
            citations=composition.citations, passages=passages, timings_ms=timings, retrieval_query=query,
            confidence=composition.confidence, short_answer=composition.short_answer,
            named_document=named.doc_id if named is not None else None,
            read_as=read_as,
        )


    def _asked_of_each(self, question: str, compared: Sequence[NamedDocument], settings: Settings, filters: Filters,
                       read_as: str | None, started: float) -> Answer:
        """A question that names two documents as its sources, asked of each alone (naming them, it stands alone: no
        earlier turn is read into it): the answer quotes what each says (the first named first, the citations numbered
        on), and abstains only when neither says anything."""
        answers = [self.ask(named.question, settings.k, settings.mode, replace(filters, doc_ids=(named.doc_id,)))
                   for named in compared]
        said = [a for a in answers if not a.abstained]
        citations = [replace(c, n=n) for n, c in enumerate((c for a in said for c in a.citations), start=1)]
        timings = {stage: sum(a.timings_ms.get(stage, 0.0) for a in answers)  # each stage over both questions
                   for stage in dict.fromkeys(stage for a in answers for stage in a.timings_ms)}
        timings["total"] = ms_since(started)
        return Answer(
            question=question, answer=format_answer(citations) if said else answers[0].answer, abstained=not said,
            citations=citations, passages=[p for a in answers for p in a.passages], timings_ms=timings,
            retrieval_query=answers[0].retrieval_query, confidence=max(a.confidence or 0.0 for a in answers),
            read_as=read_as,
        )


def read_in_conversation(question: str, history: Sequence[Turn],
                         says: Callable[[str], bool]) -> tuple[str, str, frozenset[str]]:
    """What the answer finder reads (a follow-up as a question of its own), what retrieval reads (it with the
    questions it leans on), and the quotes not to give again: "Tell me more" is the last question again, without
    what its answers quoted."""
    again = asked_again(history, MAX_QUESTION_CHARS, says) if asks_for_more(question) else None
    if again is not None:
        return again[0], again[0], again[1]
    asked = standalone(question, history, MAX_QUESTION_CHARS, says)
    return asked, resolve_standalone(asked, question, history, MAX_QUESTION_CHARS), frozenset()


def as_read(typed: str, asked: str) -> str | None:
    """The question as the answer finder read it, for the user to see, when that is more than the typed question
    with capitals or without a leading "and": a misspelt word corrected ("Who is Vyacheslav Volodin?"), a follow-up
    as a question of its own ("What about the Mazhilis?" as "Who chairs the Mazhilis?"); None otherwise."""
    if _compared(asked) == _compared(without_a_leading_connective(typed)):
        return None
    return asked[:1].upper() + asked[1:]


def _compared(question: str) -> str:
    """A question as `as_read` compares it: small letters, spacing and the closing mark aside."""
    return " ".join(question.lower().rstrip(" ?.!").split())


def spelt_right(question: str, history: Sequence[Turn], words: DocumentWords) -> tuple[str, Sequence[Turn]]:
    """The question and the earlier questions with their misspelt words corrected (`spelling`)."""
    return words.correct(question), [replace(t, question=words.correct(t.question)) for t in history]


def read_with_capitals(question: str, history: Sequence[Turn],
                       casing: Callable[[], Mapping[str, str]]) -> tuple[str, Sequence[Turn]]:
    """The question and the earlier questions with the capitals the documents write their words with
    (`truecase`; `casing` is read only when one of them is typed without capitals); the answers as given."""
    if all(typed_with_capitals(q) for q in [question, *(t.question for t in history)]):
        return question, history
    words = casing()
    return truecased(question, words), [replace(t, question=truecased(t.question, words)) for t in history]


def filters_leave_nothing(filters: Filters, documents: Iterable) -> str | None:
    """Why nothing was found when the filters leave no document to search, said plainly (a user who
    reads "The documents do not say." would think the documents were searched); None when some
    document matches them. `documents`: the index's stored documents."""
    if not (filters.date_from or filters.date_to):
        return None  # the document filter alone names documents that exist (unknown ids are refused)
    chosen = [d.document for d in documents if not filters.doc_ids or d.document.doc_id in filters.doc_ids]
    if any(filters.admits_date(d.date) for d in chosen):
        return None
    span = (f"from {filters.date_from} to {filters.date_to}" if filters.date_from and filters.date_to
            else f"from {filters.date_from} on" if filters.date_from else f"up to {filters.date_to}")
    dates = sorted(d.date for d in chosen if d.date)
    which = f"{len(chosen)} chosen documents" if filters.doc_ids else f"{len(chosen)} documents"
    if not dates:
        return f"No document is dated {span}: no {'chosen ' if filters.doc_ids else ''}document states a date."
    known = dates[0] if len(set(dates)) == 1 else f"{dates[0]} to {dates[-1]}"
    undated = len(chosen) - len(dates)
    return (f"No document is dated {span}: {len(dates)} of the {which} {_states(len(dates))} a date ({known}), "
            f"{undated} {_states(undated)} none.")


def _states(n: int) -> str:
    return "states" if n == 1 else "state"


def build_service(settings: Settings, answerer_factory: AnswererFactory | None = None) -> QAService:
    """The composition root: every component the settings choose, wired once (`answerer_factory`
    plugs in an answerer that is not among ANSWERERS, e.g. a generative one)."""
    answerer = answerer_factory or ANSWERERS.get(settings.answerer)
    if answerer is None:
        raise SettingsError(f"answerer {settings.answerer!r} is not one of {', '.join(ANSWERERS)}: "
                            "set CITEQA_ANSWERER.")
    return QAService(settings, open_store(settings), lambda: embedder_for(settings), answerer)

