"""Run questions through the real service, one retrieval mode at a time, and score them.

A question set is evaluated against the user's index (brought up to date first); a BEIR folder
against an index of its own. Either way every question gets a document ranking to depth 100 from
`Retriever.search_documents` (what the ranking metrics score). Question sets are also asked through
`QAService.ask`, whose passages, answer and abstention the answer metrics score and whose total
time is the latency; BEIR has no answer spans, so its latency is the document search's.
"""

from __future__ import annotations

import logging
import time
from typing import Sequence

from citeqa.errors import CiteqaError, IndexIncompatible
from citeqa.progress import Progress
from citeqa.settings import Settings
from citeqa.types import Turn
from eval.beir import BeirSet, beir_index_path
from eval.metrics import RANKING_DEPTH, Observation, mode_metrics
from eval.questions import Question, QuestionSet
from eval.result import EvalResult, RunInfo, question_entry
from eval.squad import SquadSet, squad_settings
from ingest.load import LoadedCorpus
from ingest.pipeline import build_index
from retrieval.service import QAService, build_service

log = logging.getLogger(__name__)


def evaluate(settings: Settings, source: QuestionSet | BeirSet | SquadSet, modes: Sequence[str],
             progress: Progress | None = None) -> EvalResult:
    """A question set against the user's index of settings.corpus, brought up to date first; a BEIR
    folder or SQuAD file against its own index beside settings.index (built once, then reused)."""
    if isinstance(source, BeirSet):
        own = settings.replace(index=beir_index_path(settings, source.folder), corpus=source.folder.resolve())
        info = RunInfo.start("beir", source.folder, own, modes)
        return _evaluate(own, source.corpus, source.questions, modes, False, info, progress)
    if isinstance(source, SquadSet):
        own = squad_settings(settings, source.path)
        info = RunInfo.start("squad", source.path, own, modes)
        return _evaluate(own, source.corpus, source.questions, modes, True, info, progress)
    info = RunInfo.start("questions", source.path, settings, modes)
    return _evaluate(settings, None, source.questions, modes, True, info, progress)


def _evaluate(settings: Settings, corpus: LoadedCorpus | None, questions: list[Question], modes: Sequence[str],
              compose: bool, info: RunInfo, progress: Progress | None) -> EvalResult:
    if not questions:
        raise CiteqaError("no questions to evaluate.")
    progress = progress or (lambda stage, done, total: None)
    summary = build_own_index(settings, corpus, progress) if corpus is not None else \
        build_index(settings, progress=progress)
    service = build_service(settings)
    if compose:
        _warn_unknown_documents(service, questions)
    _warm_up(service, questions[0].question, compose)
    metrics, entries = {}, []
    for mode in modes:
        observations = []
        for i, question in enumerate(questions):
            observations.append(observe(service, question, mode, settings.k, compose))
            progress(f"eval {mode}", i + 1, len(questions))
        metrics[mode], flags = mode_metrics(observations, squad_file=info.kind == "squad")
        entries += [question_entry(o, flags[o.question.id], settings.k) for o in observations]
    return EvalResult(info.finish(summary.wrote_index), metrics, entries)


def build_own_index(settings: Settings, corpus: LoadedCorpus, progress: Progress | None = None):
    """A data set's own index is a cache of the data set: one built another way (another embedder, say)
    is rebuilt whole instead of refused, as the user's own index would be."""
    try:
        return build_index(settings, corpus=corpus, progress=progress)
    except IndexIncompatible:
        log.warning("the index at %s was built another way: rebuilding it", settings.index)
        return build_index(settings, full=True, corpus=corpus, progress=progress)


def observe(service: QAService, question: Question, mode: str, k: int, compose: bool) -> Observation:
    """One question in one mode: the document ranking, and the composed answer when `compose`. A follow-up
    (`question.after`) is asked after its conversation, and its documents are ranked for the question as the
    service resolved it (alone it says too little: "What about the Mazhilis?")."""
    try:
        if compose and question.after:
            answer = service.ask(question.question, k=k, mode=mode, history=_conversation(service, question, k, mode))
            ranking, _ = _ranking(service, answer.retrieval_query, mode)
        else:
            ranking, search_ms = _ranking(service, question.question, mode)
            if not compose:
                return Observation(question, mode, ranking, search_ms)
            answer = service.ask(question.question, k=k, mode=mode)
    except CiteqaError as exc:
        raise CiteqaError(f"question {question.id!r}: {exc}") from None
    return Observation(
        question, mode, ranking, answer.timings_ms["total"],
        passage_doc_ids=list(dict.fromkeys(p.doc_id for p in answer.passages)),
        passage_texts=[p.text for p in answer.passages], abstained=answer.abstained, answer=answer.answer,
        short_answer=answer.short_answer.text if answer.short_answer else None,
    )


def _ranking(service: QAService, query: str, mode: str) -> tuple[list[str], float]:
    """Document ids to RANKING_DEPTH, best first, and the search's milliseconds."""
    started = time.perf_counter()
    with service.components() as components:
        ranked = components.retriever.search_documents(query, RANKING_DEPTH, mode)
    return [doc_id for doc_id, _ in ranked], (time.perf_counter() - started) * 1000


def _conversation(service: QAService, question: Question, k: int, mode: str) -> list[Turn]:
    """The turns before a follow-up, each earlier question asked with the turns before it, as a user would."""
    history: list[Turn] = []
    for earlier in question.after:
        answer = service.ask(earlier, k=k, mode=mode, history=history)
        history.append(Turn(earlier, answer.answer))
    return history


def _warm_up(service: QAService, question: str, compose: bool) -> None:
    """Load the index and model and run each path once, so the first question's latency is not a load time."""
    with service.components() as components:
        components.retriever.search_documents(question, 1, "hybrid")
    if compose:
        service.ask(question)


def _warn_unknown_documents(service: QAService, questions: list[Question]) -> None:
    """A relevant id that is not in the index is a typo in the set or a missing file: say so, once."""
    known = set(service.document_ids())
    unknown = sorted({d for q in questions for d in q.relevant if d not in known})
    if unknown:
        log.warning("relevant document ids not in the index (those questions cannot be hit): %s", ", ".join(unknown))
