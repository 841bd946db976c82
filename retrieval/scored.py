"""A quote unit as the answer finder scored it, and a span chosen inside one: what the answer's parts pass between
them (retrieval/answer.py ranks and composes, retrieval/short_answer.py judges a span)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

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


def from_its_label(unit: ScoredUnit, label_start: int, text: str) -> ScoredUnit:
    """The unit quoted from the label over it (at `label_start` of its document's `text`) to its end, as one span: a
    label too short to be quoted alone ("ALL" / "Indicate that this target ...")."""
    return replace(unit, start=label_start, text=text[label_start : unit.end])


def ruled(unit: ScoredUnit, start: int, end: int) -> SpanChoice:
    """The span a rule chose, at `start`..`end` of the unit's own text (not the span model's: no logit, sure)."""
    return SpanChoice(unit, unit.start + start, unit.start + end, unit.text[start:end], 0.0, 1.0)


def softmax(scores: np.ndarray) -> np.ndarray:
    """The units' probabilities: the softmax of the unit ranker's scores, in the scores' own precision."""
    shares = np.exp(scores - scores.max())
    shares /= shares.sum()
    return shares


def with_scores(units: Sequence[ScoredUnit], scores: Sequence[float]) -> list[ScoredUnit]:
    """The units, in their order, with new scores and the probabilities those give (a rule that moves units up the
    ranking: retrieval/posed_questions.py, retrieval/options.py)."""
    values = np.array(scores)
    return [replace(u, score=float(v), probability=float(p)) for u, v, p in zip(units, values, softmax(values))]
