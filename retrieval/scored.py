"""A quote unit as the answer finder scored it, and a span chosen inside one: what the answer's parts pass between
them (retrieval/answer.py ranks and composes, retrieval/short_answer.py judges a span)."""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.types import Passage


@dataclass(frozen=True)
class ScoredUnit:
    doc_id: str
    title: str
    start: int
    end: int
    text: str
    semantic: float  # cosine with the question (averaged over the queries of a follow-up)
    lexical: float  # IDF-weighted share of the question's content words in the unit
    passage_rank: int
    passage: Passage
    score: float  # the unit ranker's score
    probability: float  # softmax of the scores over the question's units

    @property
    def key(self) -> tuple[str, int]:
        """Where the unit stands: two units with the same key are the same text of the same document."""
        return self.doc_id, self.start


@dataclass(frozen=True)
class SpanChoice:
    unit: ScoredUnit
    start: int
    end: int
    text: str
    logit: float
    probability: float
